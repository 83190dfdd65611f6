import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { QueryEngine } from '../../../src/domain/engine/query';
import { columnsOf, queryIndexOf } from '../../../src/domain/engine/queryColumns';
import { createQueryHandler, warmUp } from '../../../src/domain/engine/queryHandler';
import type { QueryReply } from '../../../src/domain/engine/queryProtocol';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 3000, actors: 400, seed: 11 })) as Dataset);
const columns = columnsOf(index);

describe('the query worker warming up once the search texts are in', () => {
  it('changes no answer', () => {
    const warmed = new QueryEngine(queryIndexOf(columns));
    warmUp(warmed);
    const fresh = new QueryEngine(queryIndexOf(columns));
    for (const code of [...index.byAffiliation.keys()].slice(0, 6)) {
      const filters = { ...EMPTY_FILTERS, countries: [code] };
      expect(warmed.facetCounts(filters)).toEqual(fresh.facetCounts(filters));
      expect(warmed.graphWire({ filters, window: null, focus: [] })).toEqual(fresh.graphWire({ filters, window: null, focus: [] }));
      expect(warmed.filter(filters)).toEqual(fresh.filter(filters));
    }
  });

  it('runs after the last text has come, in a task of its own, and posts nothing', () => {
    const posted: QueryReply[] = [];
    const tasks: (() => void)[] = [];
    const handle = createQueryHandler((reply) => void posted.push(reply), (run) => void tasks.push(run));
    handle({ type: 'init', columns: columnsOf(index) });
    const channel = new MessageChannel();
    handle({ type: 'textsPort', port: channel.port1 });
    expect(tasks).toHaveLength(0);
    // The port's last message, as the load worker sends it.
    channel.port1.onmessage!({ data: { type: 'textsDone' } } as MessageEvent);
    expect(posted.map((r) => r.type)).toEqual(['ready', 'textsReady']);
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    expect(posted.map((r) => r.type)).toEqual(['ready', 'textsReady']);
    channel.port2.close();
  });
});
