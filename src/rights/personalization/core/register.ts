import type { PreferencesAdapter } from './adapter.js';
import type { PersonalizationEvent } from './events.js';
import type { PersonalizationSlice } from './slice.js';

/** Personalization's adapter. */
export interface PersonalizationAdapters {
  /** Where preferences live. Default: {@link createLocalStoragePreferencesAdapter}. */
  preferences?: PreferencesAdapter;
}

declare module '../../../kernel/core/store/registry.js' {
  interface RightsRegistry {
    personalization: { state: PersonalizationSlice; adapters: PersonalizationAdapters; events: PersonalizationEvent; errors: never };
  }
}
