import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { useStore } from '../../../src/state/store';
import { pictureKey, waitingForPicture } from '../../../src/viz/network/networkPicture';
import { loadIntoStore } from '../../fixtures/smallDataset';

afterEach(() => useStore.setState({ workerSearch: null, filters: EMPTY_FILTERS }));

describe('whether the network waits for another picture (its layout is held meanwhile)', () => {
  it('not before any picture, not for the one drawn; for a changed filter; for a search the worker is still answering', () => {
    const index = loadIntoStore();
    const state = () => useStore.getState();
    const drawn = pictureKey(state(), index);
    expect(waitingForPicture(state(), null)).toBe(false);
    expect(waitingForPicture(state(), drawn)).toBe(false);
    state().setFilters({ countries: ['SYR'] });
    expect(waitingForPicture(state(), drawn)).toBe(true);
    state().setFilters({ countries: [] });
    expect(waitingForPicture(state(), drawn)).toBe(false);

    // The worker answers searches: a new term shows only once it has answered, so the picture's key stays as drawn.
    useStore.setState({ workerSearch: { index, terms: '', hits: null, within: null } });
    state().setFilters({ q: 'pedersen' });
    expect(pictureKey(state(), index)).toBe(drawn);
    expect(waitingForPicture(state(), drawn)).toBe(true);
    // Answered: the views take the search, and the picture for it is the one waited for.
    useStore.setState({ workerSearch: { index, terms: 'pedersen', hits: null, within: null } });
    const searched = pictureKey(state(), index);
    expect(searched).not.toBe(drawn);
    expect(waitingForPicture(state(), drawn)).toBe(true);
    expect(waitingForPicture(state(), searched)).toBe(false);
  });
});
