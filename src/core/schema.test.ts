import { describe, expect, test } from 'vitest';
import { RightsError } from './errors.js';
import { parseStoredPreferences } from './schema.js';

const valid = {
  version: 2,
  personalization: {
    master: 'personalized',
    scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
    strategy: 'popular-nearby',
  },
  updatedAt: '2026-11-22T08:00:00.000Z',
};

function codeOf(data: unknown): string {
  try {
    parseStoredPreferences(data);
    return 'accepted';
  } catch (error) {
    return error instanceof RightsError ? error.code : 'threw something else';
  }
}

describe('parseStoredPreferences', () => {
  test('accepts the current version', () => {
    expect(parseStoredPreferences(valid)).toEqual(valid);
  });

  test('rejects data written by a newer version', () => {
    expect(codeOf({ ...valid, version: 3 })).toBe('storage-newer-version');
  });

  test('migrates version 1, which had no strategy, to the current version', () => {
    const { strategy: _, ...personalizationV1 } = valid.personalization;
    expect(parseStoredPreferences({ ...valid, version: 1, personalization: personalizationV1 })).toEqual({
      ...valid,
      personalization: { ...personalizationV1, strategy: null },
    });
  });

  test('rejects an empty strategy id', () => {
    expect(codeOf({ ...valid, personalization: { ...valid.personalization, strategy: '' } })).toBe('storage-invalid');
  });

  test('rejects a wrong shape, naming where it is wrong', () => {
    expect(codeOf({ ...valid, personalization: { ...valid.personalization, master: 'maybe' } })).toBe('storage-invalid');
    expect(() => parseStoredPreferences({ ...valid, personalization: { master: 'personalized' } })).toThrowError(
      /personalization\.scopes/,
    );
  });

  test('rejects non-objects, unknown versions and bad timestamps', () => {
    expect(codeOf(null)).toBe('storage-invalid');
    expect(codeOf('{"version":1}')).toBe('storage-invalid');
    expect(codeOf([valid])).toBe('storage-invalid');
    expect(codeOf({ ...valid, version: 0 })).toBe('storage-invalid');
    expect(codeOf({ ...valid, updatedAt: 'yesterday' })).toBe('storage-invalid');
  });
});
