import { withAdapterFaults, type AdapterFaults } from '../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../rights/personalization/core/adapters.js';
import type { MemoryCell } from '../kernel/core/adapters/storage.js';
import { createMemoryTagsAdapter, type StoredTags } from '../rights/tags/core/adapters.js';
import type { OutboxAdapter } from '../kernel/core/adapters/types.js';
import type { PreferencesAdapter } from '../rights/personalization/core/adapter.js';
import type { TagsAdapter } from '../rights/tags/core/adapter.js';
import { createManualClock } from '../kernel/core/clock.js';
import type { RightsError } from '../kernel/core/errors.js';
import type { RightsEvent } from '../kernel/core/events.js';
import { createRightsStore, type CreateRightsStoreOptions, type RightsStore } from '../store.js';
import { tagsSlice } from '../rights/tags/core/slice.js';
import type { UserTagProfile } from '../rights/tags/core/model.js';
import type { PreferencesRecord } from '../kernel/core/types.js';

/**
 * One user's world for store tests: a backend and a device (outbox) kept in
 * memory cells that tests read directly, faults that can be switched on and
 * off, a manual clock, and `open()` to start a store on them: a first visit,
 * a reload, or a second tab.
 */
export function createWorld(options: { tags?: UserTagProfile } = {}) {
  const clock = createManualClock();
  const cells = { preferences: { value: null } as MemoryCell, tags: { value: null } as MemoryCell, outbox: { value: null } as MemoryCell, aside: { value: null } as MemoryCell };
  const faults = {
    preferences: { clock } as AdapterFaults<keyof PreferencesAdapter & string>,
    tags: { clock } as AdapterFaults<keyof TagsAdapter & string>,
    outbox: { clock } as AdapterFaults<keyof OutboxAdapter & string>,
  };
  const events: RightsEvent[] = [];
  const errors: RightsError[] = [];
  if (options.tags) {
    // The backend's tags: creating an adapter with `initial` stores them in the cell.
    createMemoryTagsAdapter({ cell: cells.tags, initial: options.tags });
  }
  const open = (extra: Partial<CreateRightsStoreOptions> = {}): { store: RightsStore; stop: () => void } => {
    const store = createRightsStore({
      clock,
      retryDelayMs: 1000,
      writeTimeoutMs: 5000,
      loadTimeoutMs: 5000,
      adapters: {
        preferences: withAdapterFaults(createMemoryPreferencesAdapter({ cell: cells.preferences }), faults.preferences),
        tags: withAdapterFaults(createMemoryTagsAdapter({ cell: cells.tags }), faults.tags),
        outbox: withAdapterFaults(createMemoryOutboxAdapter({ cell: cells.outbox, asideCell: cells.aside }), faults.outbox),
      },
      onEvent: (event) => events.push(event),
      onError: (error) => errors.push(error),
      slices: [tagsSlice],
      ...extra,
    });
    const stop = store.connect();
    return { store, stop };
  };
  return {
    clock,
    cells,
    faults,
    events,
    errors,
    open,
    /** What the backend holds. */
    stored: () => (cells.preferences.value as { preferences: PreferencesRecord['preferences'] } | null)?.preferences ?? null,
    storedTags: () => (cells.tags.value as StoredTags | null),
    /** What waits in the outbox on the device. */
    outbox: () => ((cells.outbox.value as { entries: { slice: string; method: string; args: unknown[]; holdUntil?: number }[] } | null)?.entries ?? []),
    /** Lets the backend answer again. */
    heal() {
      for (const fault of Object.values(faults)) {
        for (const key of ['reject', 'hang', 'commitThenReject', 'commitThenHang', 'throwSync'] as const) {
          delete (fault as Record<string, unknown>)[key];
        }
      }
    },
  };
}
