import { beforeEach, describe, expect, test } from 'vitest';
import { RightsError } from '../errors.js';
import type { PreferencesRecord } from '../types.js';
import { runOutboxAdapterConformance } from '../outbox/outbox-conformance.js';
import { runPreferencesAdapterConformance } from '../../../rights/personalization/core/conformance.js';
import { runTagsAdapterConformance, type TagsInspector } from '../../../rights/tags/core/conformance.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import { createLocalStorageOutboxAdapter } from '../../../store.js';
import { createLocalStoragePreferencesAdapter, createMemoryPreferencesAdapter, readStoredPreferences } from '../../../rights/personalization/core/adapters.js';
import type { MemoryCell } from './storage.js';
import { createLocalStorageTagsAdapter, createMemoryTagsAdapter, toStoredTags, type StoredTags } from '../../../rights/tags/core/adapters.js';

const runner = { describe, test, beforeEach, expect };
const readOptions = () => ({ signal: new AbortController().signal });
const writeOptions = (idempotencyKey = 'key') => ({ idempotencyKey, signal: new AbortController().signal });

/* The embedded preferences adapters store `{ version: 3, preferences, revisions }`; their inspector reads it as a backend's tool would. */
function preferencesInspector(read: () => unknown, write: (value: unknown) => void) {
  return {
    stored: () => {
      const value = read();
      return value === null ? null : readStoredPreferences(value);
    },
    seed: (record: PreferencesRecord) => write({ version: 3, ...record }),
  };
}

runPreferencesAdapterConformance(runner, {
  name: 'memory',
  setup() {
    const cell: MemoryCell = { value: null };
    return {
      adapter: createMemoryPreferencesAdapter({ cell }),
      inspector: preferencesInspector(
        () => structuredClone(cell.value),
        (value) => {
          cell.value = structuredClone(value);
        },
      ),
    };
  },
});

runPreferencesAdapterConformance(runner, {
  name: 'localStorage',
  setup() {
    localStorage.clear();
    const key = 'conformance:preferences';
    return {
      adapter: createLocalStoragePreferencesAdapter({ key }),
      inspector: preferencesInspector(
        () => {
          const raw = localStorage.getItem(key);
          return raw === null ? null : (JSON.parse(raw) as unknown);
        },
        (value) => localStorage.setItem(key, JSON.stringify(value)),
      ),
    };
  },
});

function tagsInspector(read: () => StoredTags | null, write: (value: StoredTags) => void): TagsInspector {
  return {
    seed: (profile) => write(toStoredTags(profile)),
    tagIds: () => (read()?.tags ?? []).map((tag) => tag.id),
    tag: (id) => read()?.tags.find((tag) => tag.id === id) ?? null,
    intensity: (categoryId) => read()?.intensities[categoryId] ?? null,
    feedback: () => read()?.feedback ?? [],
  };
}

runTagsAdapterConformance(runner, {
  name: 'memory',
  capabilities: ['restore', 'select', 'setIntensity', 'notInterested'],
  setup() {
    const cell: MemoryCell = { value: null };
    return {
      adapter: createMemoryTagsAdapter({ cell }),
      inspector: tagsInspector(
        () => structuredClone(cell.value as StoredTags | null),
        (value) => {
          cell.value = structuredClone(value);
        },
      ),
    };
  },
});

runTagsAdapterConformance(runner, {
  name: 'localStorage',
  capabilities: ['restore', 'select', 'setIntensity', 'notInterested'],
  setup() {
    localStorage.clear();
    const key = 'conformance:tags';
    return {
      adapter: createLocalStorageTagsAdapter({ key }),
      inspector: tagsInspector(
        () => JSON.parse(localStorage.getItem(key) ?? 'null') as StoredTags | null,
        (value) => localStorage.setItem(key, JSON.stringify(value)),
      ),
    };
  },
});

runOutboxAdapterConformance(runner, {
  name: 'memory',
  setup() {
    const cell: MemoryCell = { value: null };
    const asideCell: MemoryCell = { value: null };
    return {
      adapter: createMemoryOutboxAdapter({ cell, asideCell }),
      inspector: {
        entries: () => structuredClone((cell.value as { entries?: unknown[] } | null)?.entries ?? []),
        seed: (values) => {
          cell.value = { version: 1, entries: structuredClone(values) };
        },
        setAside: () => structuredClone((asideCell.value as unknown[] | null) ?? []),
      },
    };
  },
});

runOutboxAdapterConformance(runner, {
  name: 'localStorage',
  setup() {
    localStorage.clear();
    const key = 'conformance:outbox';
    return {
      adapter: createLocalStorageOutboxAdapter({ key }),
      inspector: {
        entries: () => (JSON.parse(localStorage.getItem(key) ?? 'null') as { entries: unknown[] } | null)?.entries ?? [],
        seed: (values) => localStorage.setItem(key, JSON.stringify({ version: 1, entries: values })),
        setAside: () => JSON.parse(localStorage.getItem(`${key}:set-aside`) ?? '[]') as unknown[],
      },
    };
  },
});

const record: PreferencesRecord = {
  preferences: { master: 'non-personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null },
  revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
};

function withoutLocalStorage(replacement: () => unknown, run: () => void) {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: replacement });
  try {
    run();
  } finally {
    if (original) {
      Object.defineProperty(globalThis, 'localStorage', original);
    }
  }
}

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof RightsError ? error.code : `not a RightsError: ${String(error)}`;
  }
}

describe('localStorage adapters', () => {
  test('corrupt JSON is a storage-corrupt RightsError, not a SyntaxError', () => {
    localStorage.setItem('algorights:preferences', '{"version":3,');
    expect(codeOf(() => createLocalStoragePreferencesAdapter().load(readOptions()))).toBe('storage-corrupt');
  });

  test('storage that throws SecurityError is storage-unavailable, for reads and writes alike, never "nothing stored"', () => {
    const adapter = createLocalStoragePreferencesAdapter();
    withoutLocalStorage(
      () => {
        throw new DOMException('denied', 'SecurityError');
      },
      () => {
        expect(codeOf(() => adapter.load(readOptions()))).toBe('storage-unavailable');
        expect(codeOf(() => adapter.save(record, writeOptions()))).toBe('storage-unavailable');
      },
    );
  });

  test('storage that is null, as in some in-app WebViews, is storage-unavailable too', () => {
    const outbox = createLocalStorageOutboxAdapter();
    withoutLocalStorage(
      () => null,
      () => {
        expect(codeOf(() => outbox.load(readOptions()))).toBe('storage-unavailable');
      },
    );
  });

  test('a full storage fails the write: nothing claims to be saved', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => {} };
    const adapter = createLocalStorageOutboxAdapter({ storage: full });
    expect(codeOf(() => adapter.put([]))).toBe('write-failed');
  });

  test('preferences kept by versions 1 and 2 of the kit are read, with nothing newer than a choice made since', () => {
    localStorage.setItem(
      'algorights:preferences',
      JSON.stringify({ version: 2, personalization: { master: 'personalized', scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: 'popular-nearby' }, updatedAt: '2026-11-22T08:00:00.000Z' }),
    );
    expect(createLocalStoragePreferencesAdapter().load(readOptions())).toEqual({
      preferences: { master: 'personalized', scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: 'popular-nearby' },
      revisions: { master: 0, feed: 0, ads: 0, push: 0, search: 0, strategy: 0 },
    });
  });

  test('preferences written by a newer kit are storage-newer-version', () => {
    localStorage.setItem('algorights:preferences', JSON.stringify({ version: 9, preferences: {} }));
    expect(codeOf(() => createLocalStoragePreferencesAdapter().load(readOptions()))).toBe('storage-newer-version');
  });

  test('what version 0.1 left pending is taken into the outbox once, and the old keys removed', () => {
    localStorage.setItem(
      'algorights:pending-sync',
      JSON.stringify({ version: 2, personalization: { master: 'non-personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null }, updatedAt: '2026-11-22T08:00:00.000Z' }),
    );
    localStorage.setItem(
      'algorights:pending-tags',
      JSON.stringify({ version: 1, removals: ['camping'], feedback: [{ itemId: 'item-1' }], updatedAt: '2026-11-22T08:00:00.000Z' }),
    );
    const entries = createLocalStorageOutboxAdapter().load(readOptions()) as { method: string; args: unknown[] }[];
    expect(entries.map((entry) => entry.method)).toEqual(['save', 'remove', 'notInterested']);
    expect(entries[1]?.args).toEqual([['camping']]);
    expect(localStorage.getItem('algorights:pending-sync')).toBeNull();
    expect(localStorage.getItem('algorights:pending-tags')).toBeNull();
    expect((createLocalStorageOutboxAdapter().load(readOptions()) as unknown[]).length).toBe(3);
  });

  test('an outbox record that cannot be read is reported, and set aside by the next write instead of blocking it', () => {
    localStorage.setItem('algorights:outbox', '{"version":1,"entries":[');
    const adapter = createLocalStorageOutboxAdapter();
    expect(codeOf(() => adapter.load(readOptions()))).toBe('storage-corrupt');
    adapter.put([]);
    expect(JSON.parse(localStorage.getItem('algorights:outbox') ?? 'null')).toEqual({ version: 1, entries: [] });
    expect(JSON.parse(localStorage.getItem('algorights:outbox:set-aside') ?? '[]')).toEqual(['{"version":1,"entries":[']);
  });

  test('an outbox written by a newer kit is outbox-unreadable', () => {
    localStorage.setItem('algorights:outbox', JSON.stringify({ version: 5, entries: [] }));
    expect(codeOf(() => createLocalStorageOutboxAdapter().load(readOptions()))).toBe('outbox-unreadable');
  });
});

describe('change notices between tabs and providers', () => {
  test('a write through one localStorage adapter reaches another on the same key, in the same document', async () => {
    const first = createLocalStoragePreferencesAdapter();
    const second = createLocalStoragePreferencesAdapter();
    let heard = 0;
    const stop = second.subscribe?.(() => {
      heard += 1;
    });
    first.save(record, writeOptions());
    await expect.poll(() => heard).toBe(1);
    stop?.();
  });

  test('memory adapters sharing a cell hear of each other, but not of themselves', async () => {
    const cell: MemoryCell = { value: null };
    const first = createMemoryOutboxAdapter({ cell });
    const second = createMemoryOutboxAdapter({ cell });
    const heard: string[] = [];
    first.subscribe?.(() => heard.push('first'));
    second.subscribe?.(() => heard.push('second'));
    first.put([]);
    await Promise.resolve();
    expect(heard).toEqual(['second']);
  });
});
