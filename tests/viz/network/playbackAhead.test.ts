import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { useStore } from '../../../src/state/store';
import { workerQuestion } from '../../../src/viz/network/networkPicture';
import { nextStepQuestion } from '../../../src/viz/network/playbackAhead';
import { loadIntoStore } from '../../fixtures/smallDataset';

afterEach(() => useStore.setState({ filters: EMPTY_FILTERS, window: null, followWindow: false }));

describe("the next playback step's graph question, asked ahead", () => {
  it('is the question the state asks once Step forward has moved the window (followed or not before)', () => {
    const index = loadIntoStore();
    const state = () => useStore.getState();
    for (const [span, window, next] of [
      ['3m', { start: '2019-07-01', end: '2019-09-30' }, { start: '2019-08-01', end: '2019-10-31' }],
      ['1y', { start: '2020-01-01', end: '2020-12-31' }, { start: '2020-04-01', end: '2021-03-31' }],
    ] as const) {
      for (const following of [false, true]) {
        useStore.setState({ window, followWindow: following, playSpan: span });
        state().setFilters({ countries: ['IRN'] });
        const ahead = nextStepQuestion(state(), index);
        expect(ahead).not.toBeNull();
        state().followWindowTo(next);
        expect(JSON.stringify(workerQuestion(state(), index))).toBe(JSON.stringify(ahead));
        // Asked ahead under its own memo: the question shown keeps its identity.
        expect(workerQuestion(state(), index)).not.toBe(ahead);
        state().setFilters({ countries: [] });
      }
    }
  });

  it('is not asked without a window, past the last meeting, for a measure the page computes, or for a search the page answers', () => {
    const index = loadIntoStore();
    const state = () => useStore.getState();
    useStore.setState({ window: null, playSpan: '3m' });
    expect(nextStepQuestion(state(), index)).toBeNull();
    useStore.setState({ window: { start: '2023-01-01', end: '2023-03-31' } });
    expect(nextStepQuestion(state(), index)).toBeNull();
    useStore.setState({ window: { start: '2019-07-01', end: '2019-09-30' } });
    expect(nextStepQuestion(state(), index)).not.toBeNull();
    state().setAnalysis({ size: 'pagerank' });
    expect(nextStepQuestion(state(), index)).toBeNull();
    state().setAnalysis({ size: 'meetings' });
    state().setFilters({ q: 'khaji' });
    expect(nextStepQuestion(state(), index)).toBeNull();
  });
});
