/** Fixed vocabularies for the synthetic dataset. Order matters: it is part of what a seed reproduces. */

/** [ISO 3166-1 alpha-3, name, capital] — real codes so country filters and flags of code behave as with real data. */
export const COUNTRY_POOL: readonly (readonly [string, string, string])[] = [
  ['USA', 'United States', 'Washington'], ['RUS', 'Russia', 'Moscow'], ['CHN', 'China', 'Beijing'], ['IRN', 'Iran', 'Tehran'],
  ['SYR', 'Syria', 'Damascus'], ['TUR', 'Turkey', 'Ankara'], ['FRA', 'France', 'Paris'], ['DEU', 'Germany', 'Berlin'],
  ['GBR', 'United Kingdom', 'London'], ['JPN', 'Japan', 'Tokyo'], ['IND', 'India', 'New Delhi'], ['PAK', 'Pakistan', 'Islamabad'],
  ['SAU', 'Saudi Arabia', 'Riyadh'], ['ARE', 'United Arab Emirates', 'Abu Dhabi'], ['QAT', 'Qatar', 'Doha'], ['EGY', 'Egypt', 'Cairo'],
  ['IRQ', 'Iraq', 'Baghdad'], ['JOR', 'Jordan', 'Amman'], ['LBN', 'Lebanon', 'Beirut'], ['ISR', 'Israel', 'Jerusalem'],
  ['KAZ', 'Kazakhstan', 'Astana'], ['UZB', 'Uzbekistan', 'Tashkent'], ['AZE', 'Azerbaijan', 'Baku'], ['ARM', 'Armenia', 'Yerevan'],
  ['GEO', 'Georgia', 'Tbilisi'], ['UKR', 'Ukraine', 'Kyiv'], ['POL', 'Poland', 'Warsaw'], ['ITA', 'Italy', 'Rome'],
  ['ESP', 'Spain', 'Madrid'], ['NLD', 'Netherlands', 'The Hague'], ['BEL', 'Belgium', 'Brussels'], ['CHE', 'Switzerland', 'Bern'],
  ['AUT', 'Austria', 'Vienna'], ['SWE', 'Sweden', 'Stockholm'], ['NOR', 'Norway', 'Oslo'], ['FIN', 'Finland', 'Helsinki'],
  ['BRA', 'Brazil', 'Brasilia'], ['ARG', 'Argentina', 'Buenos Aires'], ['MEX', 'Mexico', 'Mexico City'], ['CAN', 'Canada', 'Ottawa'],
  ['ZAF', 'South Africa', 'Pretoria'], ['NGA', 'Nigeria', 'Abuja'], ['ETH', 'Ethiopia', 'Addis Ababa'], ['KEN', 'Kenya', 'Nairobi'],
  ['DZA', 'Algeria', 'Algiers'], ['MAR', 'Morocco', 'Rabat'], ['TUN', 'Tunisia', 'Tunis'], ['LBY', 'Libya', 'Tripoli'],
  ['KOR', 'South Korea', 'Seoul'], ['PRK', 'North Korea', 'Pyongyang'], ['IDN', 'Indonesia', 'Jakarta'], ['MYS', 'Malaysia', 'Kuala Lumpur'],
  ['VNM', 'Vietnam', 'Hanoi'], ['THA', 'Thailand', 'Bangkok'], ['PHL', 'Philippines', 'Manila'], ['AUS', 'Australia', 'Canberra'],
  ['AFG', 'Afghanistan', 'Kabul'], ['OMN', 'Oman', 'Muscat'], ['KWT', 'Kuwait', 'Kuwait City'], ['BHR', 'Bahrain', 'Manama'],
  ['YEM', 'Yemen', "Sana'a"], ['SDN', 'Sudan', 'Khartoum'], ['VEN', 'Venezuela', 'Caracas'], ['CUB', 'Cuba', 'Havana'],
  ['BLR', 'Belarus', 'Minsk'], ['SRB', 'Serbia', 'Belgrade'], ['GRC', 'Greece', 'Athens'], ['CYP', 'Cyprus', 'Nicosia'],
  ['TKM', 'Turkmenistan', 'Ashgabat'], ['TJK', 'Tajikistan', 'Dushanbe'], ['KGZ', 'Kyrgyzstan', 'Bishkek'], ['MNG', 'Mongolia', 'Ulaanbaatar'],
];

/** Organizations appear next to countries as affiliations (the schema's non-ISO codes). */
export const ORGANIZATION_POOL: readonly (readonly [string, string, string])[] = [
  ['UN', 'United Nations', 'New York'], ['EU', 'European Union', 'Brussels'], ['AU', 'African Union', 'Addis Ababa'],
];

export const TOPIC_POOL: readonly string[] = [
  'Nuclear programme', 'Ceasefire', 'Refugees and return', 'Reconstruction', 'Energy and oil', 'Trade and tariffs',
  'Counter-terrorism', 'Sanctions relief', 'Water security', 'Border demarcation', 'Prisoner exchange', 'Humanitarian access',
  'Constitutional reform', 'Elections', 'Arms control', 'Maritime security', 'Climate finance', 'Public health',
  'Transport corridors', 'Cultural exchange', 'Debt restructuring', 'Cyber security', 'Food security', 'Mediation talks',
];

export const TOPIC_DESCRIPTIONS: readonly string[] = [
  'Talks about', 'Discussions concerning', 'Exchanges of views on', 'Negotiations over',
];

export const FIRST_NAMES: readonly string[] = [
  'Ali', 'Hassan', 'Mohammad', 'Javad', 'Sergei', 'Maria', 'Anna', 'Wang', 'Li', 'Antonio', 'Josep', 'Ursula', 'Heiko', 'Annalena',
  'Jean-Yves', 'Catherine', 'Boris', 'Liz', 'James', 'Hillary', 'John', 'Antony', 'Mike', 'Rex', 'Fumio', 'Yoshimasa', 'Subrahmanyam',
  'Shah', 'Faisal', 'Abdullah', 'Sameh', 'Fuad', 'Ayman', 'Najib', 'Mevlut', 'Hakan', 'Dmytro', 'Zbigniew', 'Luigi', 'Arancha',
  'Wopke', 'Ignazio', 'Alexander', 'Ann', 'Pekka', 'Carlos', 'Santiago', 'Marcelo', 'Melanie', 'Naledi', 'Geoffrey', 'Demeke',
  'Raychelle', 'Ramtane', 'Nasser', 'Othman', 'Kang', 'Ri', 'Retno', 'Saifuddin', 'Pham', 'Don', 'Teodoro', 'Penny', 'Amir',
  'Yusuf', 'Badr', 'Ahmad', 'Salem', 'Mariam', 'Leila', 'Fatima', 'Olga', 'Irina', 'Nikos', 'Ana', 'Elena', 'Tomas', 'Kofi', 'Amina',
];

export const LAST_NAMES: readonly string[] = [
  'Zarif', 'Araghchi', 'Lavrov', 'Zakharova', 'Yi', 'Qin', 'Borrell', 'Maas', 'Baerbock', 'Le Drian', 'Colonna', 'Johnson', 'Truss',
  'Cleverly', 'Kerry', 'Blinken', 'Pompeo', 'Tillerson', 'Kishida', 'Hayashi', 'Jaishankar', 'Qureshi', 'Bin Farhan', 'Bin Zayed',
  'Al Thani', 'Shoukry', 'Hussein', 'Safadi', 'Mikati', 'Cavusoglu', 'Fidan', 'Kuleba', 'Rau', 'Di Maio', 'Gonzalez', 'Hoekstra',
  'Cassis', 'Schallenberg', 'Linde', 'Haavisto', 'Franca', 'Cafiero', 'Ebrard', 'Joly', 'Pandor', 'Onyeama', 'Mekonnen', 'Omamo',
  'Lamamra', 'Bourita', 'Jerandi', 'Mangoush', 'Chung', 'Son-gwon', 'Marsudi', 'Abdullah', 'Binh Minh', 'Pramudwinai', 'Locsin',
  'Wong', 'Muttaqi', 'Al Busaidi', 'Al Sabah', 'Al Zayani', 'Bin Mubarak', 'Sadiq', 'Arreaza', 'Rodriguez', 'Makei', 'Selakovic',
  'Dendias', 'Kasoulides', 'Meredov', 'Muhriddin', 'Kazakbaev', 'Battsetseg', 'Mekdad', 'Pedersen', 'Guterres', 'Lapid', 'Amir-Abdollahian',
];

export const ROLE_TITLES: readonly string[] = [
  'Foreign Minister', 'Deputy Foreign Minister', 'Ambassador', 'Special Envoy', 'President', 'Prime Minister',
  'National Security Adviser', 'Speaker of Parliament', 'Defence Minister', 'Senior Adviser to the Foreign Minister',
  'Permanent Representative to the United Nations', 'Chief Negotiator',
];

export const ORGANIZATION_BODIES: readonly string[] = [
  'Office of the Special Envoy', 'Delegation', 'Commission', 'Secretariat', 'Monitoring Mission', 'Working Group',
];

export const PUBLISHERS: readonly string[] = [
  'Synthetic Wire Service', 'Demo News Agency', 'Example Gazette', 'Placeholder Press', 'Sample Daily Bulletin',
];

export const OUTCOMES: readonly string[] = [
  'constructive', 'frank', 'productive', 'cordial', 'difficult', 'detailed', 'useful', 'candid',
];
