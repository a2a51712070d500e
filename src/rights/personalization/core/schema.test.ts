import { describe, expect, test } from 'vitest';
import { RightsError } from '../../../kernel/core/errors.js';
import { parsePreferencesRecord } from './schema.js';

const valid = {
  preferences: {
    master: 'personalized',
    scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
    strategy: 'popular-nearby',
  },
  revisions: { master: 3, feed: 5, ads: -1, push: 0, search: 0, strategy: 5 },
};

function codeOf(data: unknown): string {
  try {
    parsePreferencesRecord(data);
    return 'accepted';
  } catch (error) {
    return error instanceof RightsError ? error.code : 'threw something else';
  }
}

describe('parsePreferencesRecord', () => {
  test('accepts a record with its revisions', () => {
    expect(parsePreferencesRecord(valid)).toEqual(valid);
  });

  test('a backend that keeps no revisions or strategy is read as older than any choice, with no strategy', () => {
    expect(parsePreferencesRecord({ preferences: { master: 'personalized', scopes: valid.preferences.scopes } })).toEqual({
      preferences: { master: 'personalized', scopes: valid.preferences.scopes, strategy: null },
      revisions: { master: 0, feed: 0, ads: 0, push: 0, search: 0, strategy: 0 },
    });
  });

  test('rejects an empty strategy id, a fractional or too low revision, and a wrong shape, naming where', () => {
    expect(codeOf({ ...valid, preferences: { ...valid.preferences, strategy: '' } })).toBe('storage-invalid');
    expect(codeOf({ ...valid, revisions: { ...valid.revisions, feed: 1.5 } })).toBe('storage-invalid');
    expect(codeOf({ ...valid, revisions: { ...valid.revisions, feed: -2 } })).toBe('storage-invalid');
    expect(() => parsePreferencesRecord({ ...valid, preferences: { ...valid.preferences, scopes: { ...valid.preferences.scopes, ads: 'maybe' } } })).toThrowError(
      /preferences\.scopes\.ads/,
    );
  });

  test('rejects non-objects', () => {
    for (const data of [null, 'x', 42, []]) {
      expect(codeOf(data)).toBe('storage-invalid');
    }
  });
});
