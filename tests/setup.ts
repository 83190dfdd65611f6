import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// waitFor/findBy give up after this long. Idle-sliced work (the network's keyboard list) needs more than the 1 s default
// when the 2-core machine is busy; it is a hang guard, not a speed check.
configure({ asyncUtilTimeout: 10_000 });
