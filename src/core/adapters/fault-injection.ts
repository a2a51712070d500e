import type { StoredPreferences } from '../schema.js';
import type { PreferencesAdapter } from './types.js';

export interface AdapterFaults {
  /** Delay every call by this many milliseconds. Default: 0. */
  latencyMs?: number;
  /** Methods that reject. */
  reject?: ReadonlyArray<keyof PreferencesAdapter>;
  /** Methods that never settle, like a request to a server that does not answer. */
  hang?: ReadonlyArray<keyof PreferencesAdapter>;
}

/**
 * Wraps an adapter so that it is slow, fails or hangs: for stories and for
 * testing how an app behaves when its backend misbehaves.
 */
export function withAdapterFaults(adapter: PreferencesAdapter, faults: AdapterFaults): PreferencesAdapter {
  const misbehave = async (method: keyof PreferencesAdapter): Promise<void> => {
    if (faults.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    }
    if (faults.hang?.includes(method)) {
      await new Promise(() => {});
    }
    if (faults.reject?.includes(method)) {
      throw new Error(`Simulated failure of ${method}()`);
    }
  };
  return {
    async load() {
      await misbehave('load');
      return adapter.load();
    },
    async save(preferences: StoredPreferences) {
      await misbehave('save');
      await adapter.save(preferences);
    },
    async clear() {
      await misbehave('clear');
      await adapter.clear();
    },
  };
}
