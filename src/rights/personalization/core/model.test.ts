import { describe, expect, test } from 'vitest';
import { applyChange, displayedMode, effectiveModes, mergePreferenceRecords } from './model.js';
import type { PersonalizationPreferences } from '../../../kernel/core/types.js';

const allOn: PersonalizationPreferences = {
  master: 'personalized',
  scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
};

describe('personalization model', () => {
  test('the master switch off makes every scope non-personalized and remembers each scope', () => {
    const off = applyChange(allOn, 'all', 'non-personalized');
    expect(effectiveModes(off)).toEqual({
      feed: 'non-personalized',
      ads: 'non-personalized',
      push: 'non-personalized',
      search: 'non-personalized',
    });
    expect(effectiveModes(applyChange(off, 'all', 'personalized'))).toEqual(allOn.scopes);
  });

  test('turning one scope on while the master is off turns on only that scope', () => {
    const off = applyChange(allOn, 'all', 'non-personalized');
    const feedOnly = applyChange(off, 'feed', 'personalized');
    expect(effectiveModes(feedOnly)).toEqual({
      feed: 'personalized',
      ads: 'non-personalized',
      push: 'non-personalized',
      search: 'non-personalized',
    });
  });

  test('the master shows off once every scope is off, and turning it on then turns all on', () => {
    let preferences = allOn;
    for (const scope of ['feed', 'ads', 'push', 'search'] as const) {
      preferences = applyChange(preferences, scope, 'non-personalized');
    }
    expect(displayedMode(preferences, 'all')).toBe('non-personalized');
    expect(effectiveModes(applyChange(preferences, 'all', 'personalized'))).toEqual(allOn.scopes);
  });
});

describe('mergePreferenceRecords', () => {
  const off = { master: 'personalized', scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null } as const;
  const on = { master: 'personalized', scopes: { feed: 'personalized', ads: 'non-personalized', push: 'personalized', search: 'personalized' }, strategy: 'popular-nearby' } as const;
  const revisions = (feed: number, ads: number, strategy = 0) => ({ master: 1, feed, ads, push: 1, search: 1, strategy });

  test('each field keeps the value with the higher revision, whatever the order', () => {
    const first = { preferences: off, revisions: revisions(5, 2) };
    const second = { preferences: on, revisions: revisions(3, 4, 4) };
    const merged = mergePreferenceRecords(first, second);
    expect(merged.preferences.scopes).toMatchObject({ feed: 'non-personalized', ads: 'non-personalized' });
    expect(merged.preferences.strategy).toBe('popular-nearby');
    expect(merged.revisions).toEqual(revisions(5, 4, 4));
    expect(mergePreferenceRecords(second, first)).toEqual(merged);
    expect(mergePreferenceRecords(merged, merged)).toEqual(merged);
  });

  test('on equal revisions the non-personalized value wins, so a stale tab never undoes an opt-out', () => {
    const merged = mergePreferenceRecords({ preferences: on, revisions: revisions(5, 5) }, { preferences: off, revisions: revisions(5, 5) });
    expect(merged.preferences.scopes).toMatchObject({ feed: 'non-personalized', ads: 'non-personalized' });
  });
});
