import { describe, expect, test } from 'vitest';
import { applyChange, displayedMode, effectiveModes } from './personalization-model.js';
import type { PersonalizationPreferences } from './types.js';

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
