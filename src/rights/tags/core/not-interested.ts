import { createCorrelationId } from '../../../kernel/core/events.js';
import type { SliceKit } from '../../../kernel/core/store/define-slice.js';
import type { NotInterestedFeedback } from './model.js';
import { feedbackTarget, findFeedbackEntry } from './pending.js';
import { TAGS_SLICE, type TagsSlice } from './state.js';
import type { TagsEventEmitter } from './events.js';

/*
 * "Not interested": per-item feedback, protective, optionally held in the outbox for undo. While it is
 * held, the user can take it back (withdraw) or keep the undo open longer (hold).
 */

/** A copy of the feedback with only the fields given, so later changes to the caller's object do not reach the outbox. */
export function copyFeedback(feedback: NotInterestedFeedback): NotInterestedFeedback {
  return {
    itemId: feedback.itemId,
    ...(feedback.reasonId ? { reasonId: feedback.reasonId } : {}),
    ...(feedback.tagIds ? { tagIds: [...feedback.tagIds] } : {}),
  };
}

/** The slice's "not interested" actions. */
export function notInterestedActions(
  kit: SliceKit<typeof TAGS_SLICE>,
  event: TagsEventEmitter,
): Pick<TagsSlice, 'sendNotInterested' | 'withdrawNotInterested' | 'holdNotInterested'> {
  const { get } = kit;
  return {
    sendNotInterested(feedback, options = {}) {
      if (!get().tags.capabilities.notInterested) {
        return Promise.resolve();
      }
      const correlationId = createCorrelationId();
      const copy = copyFeedback(feedback);
      const details = { itemId: copy.itemId, tagIds: copy.tagIds ?? [], ...(copy.reasonId ? { reasonId: copy.reasonId } : {}) };
      return kit.engine.write({
        slice: TAGS_SLICE,
        action: 'not-interested',
        policy: 'protective',
        adapter: 'tags',
        method: 'notInterested',
        args: [copy],
        target: feedbackTarget(copy.itemId),
        details,
        correlationId,
        ...(options.holdMs ? { holdMs: options.holdMs } : {}),
        apply() {
          event('tags.not-interested', correlationId, details);
        },
      });
    },

    async withdrawNotInterested(itemId) {
      const entry = findFeedbackEntry(get().outbox.entries, itemId);
      if (!entry || !(await kit.engine.withdraw(entry.key))) {
        return false;
      }
      event('tags.not-interested-undone', entry.correlationId, { itemId, tagIds: [] });
      return true;
    },

    async holdNotInterested(itemId, holdMs) {
      const entry = findFeedbackEntry(get().outbox.entries, itemId);
      return entry ? kit.engine.rehold(entry.key, holdMs) : false;
    },
  };
}
