import type { OutboxAdapter } from '../adapters/types.js';
import type { OutboxState } from '../engine/write-engine.js';

/** What the store holds apart from its slices: the outbox every write passes through. */
export interface CoreSlice {
  outbox: OutboxState;
  /** Sends every pending write now, in every slice, and reads again every slice whose data failed to load. */
  retrySync(): Promise<void>;
}

/** The kernel's own adapter: the outbox. */
export interface CoreAdapters {
  /**
   * Where writes wait until their adapter confirms them, on this device: opt-outs, tag deletions and
   * feedback survive a failing backend, a reload and a closed tab. Default:
   * {@link createLocalStorageOutboxAdapter}, shared by every tab and provider of the page's origin.
   */
  outbox?: OutboxAdapter;
}

declare module './registry.js' {
  interface RightsRegistry {
    kernel: { state: CoreSlice; adapters: CoreAdapters; events: never; errors: never };
  }
}
