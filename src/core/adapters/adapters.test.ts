import { beforeEach, describe, expect, test } from 'vitest';
import { RightsError } from '../errors.js';
import { runAdapterConformance } from './conformance/run-adapter-conformance.js';
import { runTagsAdapterConformance } from './conformance/run-tags-adapter-conformance.js';
import { createLocalStorageTagsAdapter, createMemoryTagsAdapter, type StoredTags } from './tags-adapters.js';
import { createLocalStoragePreferencesAdapter } from './local-storage-preferences-adapter.js';
import { createMemoryPreferencesAdapter, type MemoryCell } from './memory-preferences-adapter.js';

runAdapterConformance(
  { describe, test, beforeEach, expect },
  {
    name: 'memory',
    setup() {
      const cell: MemoryCell = { value: null };
      return {
        adapter: createMemoryPreferencesAdapter({ cell }),
        read: () => (cell.value === null ? null : structuredClone(cell.value)),
        write: (value) => {
          cell.value = structuredClone(value);
        },
      };
    },
  },
);

runAdapterConformance(
  { describe, test, beforeEach, expect },
  {
    name: 'localStorage',
    setup() {
      localStorage.clear();
      const key = 'conformance:preferences';
      return {
        adapter: createLocalStoragePreferencesAdapter({ key }),
        read: () => {
          const raw = localStorage.getItem(key);
          return raw === null ? null : (JSON.parse(raw) as unknown);
        },
        write: (value) => localStorage.setItem(key, JSON.stringify(value)),
      };
    },
  },
);

describe('createLocalStoragePreferencesAdapter', () => {
  test('reports corrupt JSON as a storage-corrupt RightsError instead of a SyntaxError', () => {
    localStorage.setItem('algorights:preferences', '{"version":1,');
    const adapter = createLocalStoragePreferencesAdapter();
    expect(() => adapter.load()).toThrowError(RightsError);
    try {
      adapter.load();
    } catch (error) {
      expect((error as RightsError).code).toBe('storage-corrupt');
    }
  });

  test('reads nothing and fails writes clearly where storage is unavailable', () => {
    const adapter = createLocalStoragePreferencesAdapter({ storage: undefined });
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(adapter.load()).toBeNull();
      expect(() =>
        adapter.save({
          version: 2,
          personalization: {
            master: 'non-personalized',
            scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
            strategy: null,
          },
          updatedAt: '2026-01-01T00:00:00.000Z',
        }),
      ).toThrowError(/localStorage is unavailable/);
    } finally {
      if (original) {
        Object.defineProperty(globalThis, 'localStorage', original);
      }
    }
  });
});

runTagsAdapterConformance(
  { describe, test, beforeEach, expect },
  {
    name: 'memory',
    capabilities: ['restore', 'select', 'setIntensity', 'notInterested'],
    setup() {
      const cell: MemoryCell = { value: null };
      return {
        adapter: createMemoryTagsAdapter({ cell }),
        read: () => (cell.value === null ? null : (structuredClone(cell.value) as StoredTags)),
        write: (value) => {
          cell.value = structuredClone(value);
        },
      };
    },
  },
);

runTagsAdapterConformance(
  { describe, test, beforeEach, expect },
  {
    name: 'localStorage',
    capabilities: ['restore', 'select', 'setIntensity', 'notInterested'],
    setup() {
      localStorage.clear();
      const key = 'conformance:tags';
      return {
        adapter: createLocalStorageTagsAdapter({ key }),
        read: () => {
          const raw = localStorage.getItem(key);
          return raw === null ? null : (JSON.parse(raw) as StoredTags);
        },
        write: (value) => localStorage.setItem(key, JSON.stringify(value)),
      };
    },
  },
);
