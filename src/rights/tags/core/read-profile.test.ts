import { describe, expect, it } from 'vitest';
import { RightsError } from '../../../kernel/core/errors.js';
import { hiddenTagsError } from './read-profile.js';

describe('hiddenTagsError', () => {
  it('is a tags-disallowed error naming the count, the reason and the ids', () => {
    const error = hiddenTagsError(['a'], 'marked disallowed');
    expect(error).toBeInstanceOf(RightsError);
    expect(error.code).toBe('tags-disallowed');
    expect(error.message).toContain('returned 1 tag marked disallowed ("a")');
  });

  it('names at most ten ids, and says there are more', () => {
    const ids = Array.from({ length: 12 }, (_, index) => `t${index}`);
    const error = hiddenTagsError(ids, 'whose labels match the blocklist');
    expect(error.message).toContain('returned 12 tags whose labels match the blocklist');
    expect(error.message).toContain('"t9", …)');
    expect(error.message).not.toContain('"t10"');
  });
});
