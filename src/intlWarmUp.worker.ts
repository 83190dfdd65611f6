/// <reference lib="webworker" />
import { warmIntl } from './intlWarmUp';

// Loads the locale data here, off the page's thread (see warmUp.ts), then says so and ends.
warmIntl();
(self as unknown as DedicatedWorkerGlobalScope).postMessage('warm');
self.close();
