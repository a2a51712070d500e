import type { ComplaintDraftsAdapter, ComplaintsAdapter } from './adapter.js';
import type { ComplaintsEvent } from './events.js';
import type { ComplaintsSlice } from './slice.js';

/** The complaint entry's adapters. */
export interface ComplaintsAdapters {
  /**
   * Where complaints go (ALG 22). Default: {@link createLocalStorageComplaintsAdapter}, for demos only:
   * a complaint kept on the device reaches nobody. Pass one that reaches your ticket system.
   */
  complaints?: ComplaintsAdapter;
  /** Where unsent complaint drafts wait on this device. Default: {@link createLocalStorageComplaintDraftsAdapter}. */
  complaintDrafts?: ComplaintDraftsAdapter;
}

/** The complaints adapter returned a ticket of the wrong shape, or a refusal without reasons (PIPL 50). */
export type ComplaintsErrorCode = 'complaints-invalid';

declare module '../../../kernel/core/store/registry.js' {
  interface RightsRegistry {
    complaints: { state: ComplaintsSlice; adapters: ComplaintsAdapters; events: ComplaintsEvent; errors: ComplaintsErrorCode };
  }
}
