import { readFileSync } from 'node:fs';
import type { Dataset } from '../../../src/domain/schema';
import { buildIndex } from '../../../src/domain/indexes';
import { validateDataset } from '../../../src/domain/validate';

export const bundled = (): Dataset => JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset;
export const bundledIndex = () => buildIndex(bundled());

const QUOTE_1 = '=HYPERLINK("http://evil.example","click"), said the envoy; "quoted"\nand a second line';
const QUOTE_2 = 'علی اصغر خاجی met <b>Pedersen</b> & co.';

/** Every awkward value a CSV or XML writer can meet: formula triggers, quotes, commas, line breaks, RTL script, markup. */
export function hostileIndex() {
  const ds: Dataset = {
    version: '2.0-β',
    title: 'Hostile <data> & "quotes"',
    countries: [
      { code: 'IRN', name: 'Iran', kind: 'country' },
      { code: 'UN', name: 'United <Nations>', kind: 'organization' },
    ],
    sources: [{ id: 's1', title: '-Minus title, with comma', publisher: null, published: null, text: `${QUOTE_1} ${QUOTE_2}` }],
    actors: [
      { id: 'khaji', name: 'علی اصغر خاجی', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] },
      { id: 'evil', name: '@SUM(A1:A2) <script>alert(1)</script>', aliases: [], kind: 'person', affiliation: 'UN', roles: [] },
      { id: 'plain', name: "Geir O'Pedersen", aliases: [], kind: 'person', affiliation: 'UN', roles: [] },
    ],
    topics: [{ id: 'tricky', label: '+1 "topic", really', description: 'd' }],
    meetings: [
      {
        id: 'm1', date: '2020-05', datePrecision: 'month', earliest: '2020-05-01', latest: '2020-05-31', dateNote: 'note, "quoted"', type: 'meeting', cameo: '040',
        location: "'=already escaped", participants: [{ actorId: 'khaji', role: 'host' }, { actorId: 'evil' }, { actorId: 'plain' }], topics: ['tricky'],
        summary: '-5 degrees\r\nand a CRLF inside', evidence: [{ sourceId: 's1', quote: QUOTE_1 }, { sourceId: 's1', quote: QUOTE_2 }],
      },
      {
        id: 'm2', date: '2021-02-03', datePrecision: 'day', earliest: '2021-02-03', latest: '2021-02-03', dateNote: 'n', type: 'phone-call', cameo: '041',
        participants: [{ actorId: 'plain' }, { actorId: 'khaji' }], topics: [], summary: 'Plain summary', evidence: [{ sourceId: 's1', quote: QUOTE_2 }],
      },
    ],
  };
  const result = validateDataset(ds);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildIndex(ds);
}
