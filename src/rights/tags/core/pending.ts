import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import { TAGS_SLICE, type FeedbackStatus } from './state.js';

/*
 * What the outbox says about tags: deletions still waiting, and where an item's "not interested" stands.
 * Pure reads of outbox entries, shared by the read, the slice and the feedback button.
 */

/** The outbox target of one item's "not interested" feedback. */
export function feedbackTarget(itemId: string): string {
  return `feedback:${itemId}`;
}

/** Tag ids that deletions waiting in the outbox remove. */
export function pendingRemovals(entries: readonly OutboxEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.slice === TAGS_SLICE && entry.method === 'remove') {
      for (const id of entry.args[0] as string[]) {
        ids.add(id);
      }
    }
  }
  return ids;
}

/** The outbox entry holding one item's feedback, or `undefined` once it has gone out. */
export function findFeedbackEntry(entries: readonly OutboxEntry[], itemId: string): OutboxEntry | undefined {
  const target = feedbackTarget(itemId);
  return entries.find((candidate) => candidate.slice === TAGS_SLICE && candidate.target === target);
}

/** Where one item's feedback stands: waiting in the outbox, confirmed, or not given. */
export function selectFeedbackStatus(state: RightsState, itemId: string): FeedbackStatus {
  const target = feedbackTarget(itemId);
  let status: FeedbackStatus | null = null;
  for (const entry of state.outbox.entries) {
    if (entry.target === target && entry.slice === TAGS_SLICE) {
      status = entry.attempts > 0 || status === 'pending' ? 'pending' : 'sending';
    }
  }
  return status ?? (state.tags.sentFeedback.has(itemId) ? 'sent' : 'idle');
}

/** An earlier deletion no longer wanted once these ids are back: dropped, or left with the other ids. */
export const withoutIds = (ids: ReadonlySet<string>) => (entry: OutboxEntry): 'keep' | 'drop' | { args: unknown[] } => {
  if (entry.method !== 'remove') {
    return 'keep';
  }
  const before = entry.args[0] as string[];
  const rest = before.filter((id) => !ids.has(id));
  return rest.length === before.length ? 'keep' : rest.length === 0 ? 'drop' : { args: [rest] };
};
