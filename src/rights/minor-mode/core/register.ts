import type { MinorModeAdapter } from './adapter.js';
import type { MinorModeEvent } from './events.js';
import type { MinorModeSlice } from './slice.js';

/** Minor mode's adapter. */
export interface MinorModeAdapters {
  /** Where minor mode and the guardian PIN are kept. Default: {@link createLocalStorageMinorModeAdapter}, on this device. */
  minorMode?: MinorModeAdapter;
}

declare module '../../../kernel/core/store/registry.js' {
  interface RightsRegistry {
    minorMode: { state: MinorModeSlice; adapters: MinorModeAdapters; events: MinorModeEvent; errors: never };
  }
}
