import * as v from 'valibot';
import type { AdapterName } from '../store/registry.js';

/**
 * How a write behaves when its adapter fails:
 * - `protective`: a choice that protects the user (opting out, deleting a tag, "not interested",
 *   withdrawing consent, entering minor mode). Applied at once, put in the outbox before the adapter is
 *   called, retried until the adapter confirms it, never rolled back.
 * - `reducing`: a choice that gives up some protection (opting back in, choosing an interest, undoing a
 *   deletion, granting consent, leaving minor mode). Applied at once and rolled back exactly, with a
 *   message, if the adapter fails; the rolled-back value is then written as a protective write, since the
 *   backend may have stored the change before failing. It never drops another action's pending write.
 * - `submit-once`: a submission that must reach the backend once (a complaint, a consent receipt). Kept
 *   in the outbox with its idempotency key until the adapter returns a result, which the slice stores.
 */
export type WritePolicy = 'protective' | 'reducing' | 'submit-once';

/** One write waiting in the outbox. Plain JSON, so it survives a reload. */
export interface OutboxEntry {
  /** The idempotency key: the same on every attempt of this write, so the backend carries it out once. */
  key: string;
  /** The slice that made it, such as `'personalization'` or `'tags'`. */
  slice: string;
  /** The user action it carries out, for events and messages, such as `'opt-out'` or `'remove'`. */
  action: string;
  /** The adapter and method that carry it out. */
  adapter: AdapterName;
  method: string;
  /** The method's arguments, before the write options, as JSON. */
  args: unknown[];
  policy: Exclude<WritePolicy, 'reducing'>;
  /** What it writes, such as `'preferences'` or `'feedback:item-7'`. */
  target: string;
  /** Joins this write's events in the audit log. */
  correlationId: string;
  /** When the user made the choice, as an ISO 8601 string: for records only, never compared. */
  createdAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** Ids and values its audit events carry. */
  details?: Record<string, unknown>;
  /** Set when the kit wrote it back after rolling a write back: the correlation id of that write. */
  compensates?: string;
  /**
   * Wall-clock milliseconds before which no tab sends it: the user may still take it back (undo in a
   * toast). Written by `holdMs` and the engine's `rehold`; entries stored by earlier builds called it
   * `notBefore`, and are read as this.
   */
  holdUntil?: number;
  /**
   * Wall-clock milliseconds before which other tabs leave it alone: the tab that made it holds it until
   * an earlier write of its own to the same target has settled, so the two reach the backend in order.
   */
  leaseUntil?: number;
}

// Only what the engine relies on is checked here; each slice checks the arguments of its own writes.
const entrySchema = v.object({
  key: v.string(),
  slice: v.string(),
  action: v.string(),
  adapter: v.string(),
  method: v.string(),
  args: v.array(v.unknown()),
  policy: v.picklist(['protective', 'submit-once']),
  target: v.string(),
  correlationId: v.string(),
  createdAt: v.string(),
  attempts: v.optional(v.number(), 0),
  details: v.optional(v.record(v.string(), v.unknown())),
  compensates: v.optional(v.string()),
  holdUntil: v.optional(v.number()),
  leaseUntil: v.optional(v.number()),
  // The name `holdUntil` had before it and the lease were told apart; see migrateEntry.
  notBefore: v.optional(v.number()),
});

/**
 * Reads an entry stored by an earlier build. Its `notBefore` kept every tab but the one that made it
 * from sending the entry; after a reload no tab made it, so it holds the entry for all of them, which
 * is what `holdUntil` does.
 */
function migrateEntry(stored: v.InferOutput<typeof entrySchema>): OutboxEntry {
  const { notBefore, ...entry } = stored;
  const holdUntil = entry.holdUntil ?? notBefore;
  return { ...entry, ...(holdUntil === undefined ? {} : { holdUntil }) } as OutboxEntry;
}

/**
 * Splits what an outbox adapter returned into entries the kit can trust and
 * values it cannot, which are set aside and reported. One bad entry never
 * costs the others.
 */
export function parseOutboxEntries(values: readonly unknown[]): { entries: OutboxEntry[]; invalid: unknown[] } {
  const entries: OutboxEntry[] = [];
  const invalid: unknown[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const result = v.safeParse(entrySchema, value);
    if (result.success && result.output.key !== '' && !seen.has(result.output.key)) {
      seen.add(result.output.key);
      entries.push(migrateEntry(result.output));
    } else if (!result.success || result.output.key === '') {
      invalid.push(value);
    }
  }
  return { entries, invalid };
}
