import type { ConsentAdapter } from './adapter.js';
import type { ConsentEvent } from './events.js';
import type { ConsentSlice } from './slice.js';

/** The consent's adapter. */
export interface ConsentAdapters {
  /**
   * Where consent receipts go. Default: {@link createLocalStorageConsentAdapter}, for demos only: a
   * receipt kept on the device is no proof for an audit. Pass one that reaches your backend.
   */
  consent?: ConsentAdapter;
}

/** The consent adapter returned a receipt of the wrong shape. */
export type ConsentErrorCode = 'consent-invalid';

declare module '../../../kernel/core/store/registry.js' {
  interface RightsRegistry {
    consent: { state: ConsentSlice; adapters: ConsentAdapters; events: ConsentEvent; errors: ConsentErrorCode };
  }
}
