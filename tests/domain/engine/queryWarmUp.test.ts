import { describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { QueryEngine } from '../../../src/domain/engine/query';
import { columnsOf, queryIndexOf } from '../../../src/domain/engine/queryColumns';
import { createQueryHandler, warmUpCountries, warmUpTurns, SMALL_WARM_UPS, WARM_UP_SHARES } from '../../../src/domain/engine/queryHandler';
import * as queryGraph from '../../../src/domain/engine/queryGraph';
import type { QueryReply } from '../../../src/domain/engine/queryProtocol';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 3000, actors: 400, seed: 11 })) as Dataset);
const columns = columnsOf(index);

describe('the query worker warming up once the search texts are in', () => {
  it('changes no answer', () => {
    const warmed = new QueryEngine(queryIndexOf(columns));
    for (const turn of warmUpTurns(warmed)) turn();
    const fresh = new QueryEngine(queryIndexOf(columns));
    for (const code of [...index.byAffiliation.keys()].slice(0, 6)) {
      const filters = { ...EMPTY_FILTERS, countries: [code] };
      expect(warmed.facetCounts(filters)).toEqual(fresh.facetCounts(filters));
      expect(warmed.graphWire({ filters, window: null, focus: [] })).toEqual(fresh.graphWire({ filters, window: null, focus: [] }));
      expect(warmed.filter(filters)).toEqual(fresh.filter(filters));
    }
  });

  it('picks a different country for each share of the meetings, the closest to it', () => {
    const picked = warmUpCountries(new QueryEngine(queryIndexOf(columns)));
    expect(picked).toHaveLength(WARM_UP_SHARES.length);
    expect(new Set(picked).size).toBe(picked.length);
    WARM_UP_SHARES.forEach((share, k) => {
      const off = (code: string) => Math.abs(index.byAffiliation.get(code)!.length - index.meetings.length * share);
      const others = [...index.byAffiliation.keys()].filter((c) => !picked.slice(0, k + 1).includes(c));
      expect(off(picked[k]!)).toBeLessThanOrEqual(Math.min(...others.map(off)));
    });
  });

  const started = () => {
    const posted: QueryReply[] = [];
    const tasks: (() => void)[] = [];
    const handle = createQueryHandler((reply) => void posted.push(reply), (run) => void tasks.push(run));
    handle({ type: 'init', columns: columnsOf(index) });
    const channel = new MessageChannel();
    handle({ type: 'textsPort', port: channel.port1 });
    expect(tasks).toHaveLength(0);
    // The port's last message, as the load worker sends it.
    channel.port1.onmessage!({ data: { type: 'textsDone' } } as MessageEvent);
    channel.port2.close();
    return { posted, tasks, handle };
  };

  /** The warm-up's turns that build small graphs, before those of the countries. */
  const smallTurns = warmUpTurns(new QueryEngine(queryIndexOf(columns))).length - WARM_UP_SHARES.length;

  it('runs after the last text has come: small graphs in a few turns, then a country per turn; posts nothing', () => {
    expect(smallTurns).toBeGreaterThan(1);
    const built = vi.spyOn(queryGraph, 'buildFlatGraph');
    const graphs = vi.spyOn(QueryEngine.prototype, 'graphWire');
    const { posted, tasks } = started();
    expect(posted.map((r) => r.type)).toEqual(['ready', 'textsReady']);
    for (let turn = 1; turn <= smallTurns; turn++) {
      expect(tasks).toHaveLength(1);
      tasks.shift()!();
      expect(built).toHaveBeenCalledTimes((SMALL_WARM_UPS / smallTurns) * turn);
    }
    expect(graphs).not.toHaveBeenCalled();
    for (let turn = 1; turn <= WARM_UP_SHARES.length; turn++) {
      expect(tasks).toHaveLength(1);
      tasks.shift()!();
      expect(graphs).toHaveBeenCalledTimes(turn);
    }
    tasks.shift()!();
    expect(tasks).toHaveLength(0);
    expect(posted.map((r) => r.type)).toEqual(['ready', 'textsReady']);
    built.mockRestore();
    graphs.mockRestore();
  });

  it('answers a question that comes during the warm-up before the next country', () => {
    const graphs = vi.spyOn(QueryEngine.prototype, 'graphWire');
    const { posted, tasks, handle } = started();
    for (let turn = 0; turn <= smallTurns; turn++) tasks.shift()!();
    expect(graphs).toHaveBeenCalledTimes(1);
    handle({ type: 'ask', id: 7, question: { kind: 'filter', filters: EMPTY_FILTERS } });
    // The warm-up's turn comes first but leaves its country for later; the answer is posted before it.
    tasks.shift()!();
    expect(graphs).toHaveBeenCalledTimes(1);
    while (tasks.length) tasks.shift()!();
    expect(posted.map((r) => r.type)).toEqual(['ready', 'textsReady', 'answer']);
    expect(graphs).toHaveBeenCalledTimes(WARM_UP_SHARES.length);
    graphs.mockRestore();
  });
});
