import { describe, expect, it } from 'vitest';
import type { NotInterestedFeedback } from './model.js';
import { copyFeedback } from './not-interested.js';

describe('copyFeedback', () => {
  it('keeps only the fields given', () => {
    expect(copyFeedback({ itemId: 'item-1' })).toEqual({ itemId: 'item-1' });
    expect(copyFeedback({ itemId: 'item-1', reasonId: 'seen', tagIds: ['t1'] })).toEqual({ itemId: 'item-1', reasonId: 'seen', tagIds: ['t1'] });
  });

  it("is not changed by later changes to the caller's feedback", () => {
    const feedback: NotInterestedFeedback = { itemId: 'item-1', tagIds: ['t1'] };
    const copy = copyFeedback(feedback);
    feedback.tagIds?.push('t2');
    expect(copy.tagIds).toEqual(['t1']);
  });
});
