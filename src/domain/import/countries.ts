import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import type { Country } from '../schema';

// Only English: every other locale would add ~10 KB each to the import chunk for names nobody types here.
countries.registerLocale(english);

/**
 * International organisations kept as organisation codes (never read as ISO codes: `AU` is the African Union here,
 * not Australia). Countries themselves come from i18n-iso-countries and the browser's CLDR region names.
 */
const ORGANISATIONS: readonly { code: string; name: string; also?: readonly string[] }[] = [
  { code: 'UN', name: 'United Nations', also: ['UNO', 'U.N.'] },
  { code: 'EU', name: 'European Union', also: ['E.U.'] },
  { code: 'AU', name: 'African Union' },
  { code: 'NATO', name: 'North Atlantic Treaty Organization', also: ['North Atlantic Treaty Organisation', 'OTAN'] },
  { code: 'ASEAN', name: 'Association of Southeast Asian Nations' },
  { code: 'ARAB-LEAGUE', name: 'Arab League', also: ['League of Arab States', 'LAS'] },
  { code: 'GCC', name: 'Gulf Cooperation Council', also: ['Cooperation Council for the Arab States of the Gulf'] },
  { code: 'OIC', name: 'Organisation of Islamic Cooperation', also: ['Organization of Islamic Cooperation'] },
  { code: 'OPEC', name: 'Organization of the Petroleum Exporting Countries' },
  { code: 'OSCE', name: 'Organization for Security and Co-operation in Europe' },
  { code: 'OAS', name: 'Organization of American States' },
  { code: 'SCO', name: 'Shanghai Cooperation Organisation', also: ['Shanghai Cooperation Organization'] },
  { code: 'ECOWAS', name: 'Economic Community of West African States' },
  { code: 'SADC', name: 'Southern African Development Community' },
  { code: 'IGAD', name: 'Intergovernmental Authority on Development' },
  { code: 'CIS', name: 'Commonwealth of Independent States' },
  { code: 'CSTO', name: 'Collective Security Treaty Organization' },
  { code: 'BRICS', name: 'BRICS' },
  { code: 'G7', name: 'Group of Seven' },
  { code: 'G20', name: 'Group of Twenty' },
  { code: 'IAEA', name: 'International Atomic Energy Agency' },
  { code: 'WHO', name: 'World Health Organization' },
  { code: 'IMF', name: 'International Monetary Fund' },
  { code: 'WORLD-BANK', name: 'World Bank' },
  { code: 'ICRC', name: 'International Committee of the Red Cross' },
  { code: 'UNHCR', name: 'United Nations High Commissioner for Refugees' },
  { code: 'UNICEF', name: "United Nations Children's Fund" },
  { code: 'WFP', name: 'World Food Programme' },
];

/** Case, accents, punctuation and a leading "the" do not distinguish names. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

let byName: Map<string, Country> | null = null;
const byCode = new Map<string, Country>();

/** Every English name a country goes by: the library's official names and aliases, plus CLDR's short name ("Syria"). */
function nameIndex(): Map<string, Country> {
  if (byName) return byName;
  const index = new Map<string, Country>();
  const add = (name: string, country: Country) => {
    const key = nameKey(name);
    if (key && !index.has(key)) index.set(key, country);
  };
  const region = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }) : null;
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    const libraryNames = countries.getName(alpha2, 'en', { select: 'all' }) ?? [];
    const cldr = region?.of(alpha2);
    const country: Country = { code: alpha3, name: cldr ?? libraryNames[0] ?? alpha3, kind: 'country' };
    byCode.set(alpha3, country);
    for (const name of [...libraryNames, ...(cldr ? [cldr] : [])]) {
      add(name, country);
      // "Moldova, Republic of" → "Moldova"; "Myanmar (Burma)" → "Myanmar" and "Burma".
      const beforeComma = name.split(',')[0]!;
      add(beforeComma, country);
      const paren = /^(.*?)\s*\((.*)\)$/.exec(name);
      if (paren) {
        add(paren[1]!, country);
        add(paren[2]!, country);
      }
    }
  }
  for (const org of ORGANISATIONS) {
    const country: Country = { code: org.code, name: org.name, kind: 'organization' };
    for (const name of [org.name, ...(org.also ?? [])]) index.set(nameKey(name), country);
  }
  return (byName = index);
}

const orgByCode = new Map(ORGANISATIONS.map((o) => [o.code, { code: o.code, name: o.name, kind: 'organization' as const }]));

/**
 * A country or organisation from what a sheet or event file writes: an organisation code (`UN`, `AU`), an ISO 3166
 * alpha-3 or alpha-2 code, or an English name ("Syria", "Syrian Arab Republic", "Iran, Islamic Republic of").
 * Null when nothing matches, so the caller can list the row instead of guessing.
 */
export function resolveAffiliation(raw: string): Country | null {
  const value = raw.trim();
  if (!value) return null;
  const upper = value.toUpperCase();
  const org = orgByCode.get(upper);
  if (org) return org;
  if (/^[A-Za-z]{3}$/.test(value) && countries.isValid(upper) && countries.alpha3ToAlpha2(upper)) return countryByCode(upper);
  if (/^[A-Za-z]{2}$/.test(value)) {
    const alpha3 = countries.alpha2ToAlpha3(upper);
    if (alpha3) return countryByCode(alpha3);
  }
  const index = nameIndex();
  const found = index.get(nameKey(value));
  if (found) return found;
  // "Iran, Islamic Republic of" is "Islamic Republic of Iran" written index-style.
  const comma = /^([^,]+),\s*(.+)$/.exec(value);
  return comma ? (index.get(nameKey(`${comma[2]} ${comma[1]}`)) ?? index.get(nameKey(comma[1]!)) ?? null) : null;
}

function countryByCode(alpha3: string): Country {
  nameIndex();
  return byCode.get(alpha3) ?? { code: alpha3, name: countries.getName(alpha3, 'en') ?? alpha3, kind: 'country' };
}

/** The affiliation of actors whose country the file does not state. */
export const UNSTATED: Country = { code: 'UNSTATED', name: 'Affiliation not stated', kind: 'organization' };
