import type { RightsClock } from '../core/clock.js';
import { useRightsContext } from './rights-context.js';

/**
 * The provider's clock, for a view that shows a time or a date: the clock passed to `RightsProvider`, else
 * the system's. Views read the time here, never from `Date.now()` or a slice's state, so a test's manual
 * clock drives them too.
 */
export function useRightsClock(consumerName = 'useRightsClock'): RightsClock {
  return useRightsContext(consumerName).clock;
}
