import type { RightsClock } from '../core/clock.js';
import { useRightsContext } from './rights-context.js';

/**
 * The clock of the nearest `RightsProvider`: its `clock` prop, or the system's. Views and hooks read the
 * time through it, never through `Date.now()`, so a story or a test that passes `createManualClock()`
 * moves every view's "now" with the store's. Throws a developer error outside a provider.
 */
export function useRightsClock(): RightsClock {
  return useRightsContext('useRightsClock').clock;
}
