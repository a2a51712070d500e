import type { MinorModeEvent } from './events.js';
import type { WriteRequest } from '../../../kernel/core/engine/write-engine.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import { parseMinorModeRecord, type MinorModeRecord } from './model.js';
import type { MinorModeAction, MinorModeState } from './state.js';

export const MINOR_MODE_SLICE = 'minorMode';
const TARGET = 'minor-mode';

/** What the audit events of a record write carry. */
export type RecordWriteDetails = Omit<MinorModeEvent, 'type' | 'timestamp' | 'correlationId'>;

/** What a record write needs from its slice. */
export interface RecordWriteOptions {
  next: MinorModeRecord;
  action: MinorModeAction;
  /** Protective when it protects at least as much (kept, never rolled back), else reducing (rolled back exactly). */
  protective: boolean;
  details: RecordWriteDetails;
  correlationId: string;
  state(): MinorModeState;
  update(patch: Partial<MinorModeState>): void;
  /** Re-derives the lock and the reminder after the record changed. */
  recount(): void;
  /** What else applying does: its event, ending the guardian's session. */
  applied(): void;
}

/** The write of minor mode's record, for the engine: apply at once; when reducing and it fails, put back exactly what was before. */
export function recordWrite(options: RecordWriteOptions): WriteRequest {
  const { next, action, details, state, update, recount } = options;
  const before = { on: state().on, source: state().source, settings: state().settings, fallback: state().fallback };
  return {
    slice: MINOR_MODE_SLICE,
    action,
    policy: options.protective ? 'protective' : 'reducing',
    adapter: 'minorMode',
    method: 'save',
    args: [next],
    target: TARGET,
    details,
    correlationId: options.correlationId,
    apply() {
      const failure = state().failure;
      update({ on: next.on, source: next.on ? next.source : null, settings: next.settings, revision: next.revision, fallback: false, ...(failure && failure.action !== 'usage' ? { failure: null } : {}) });
      options.applied();
      recount();
    },
    rollback() {
      if (state().revision !== next.revision) {
        return null;
      }
      const back: MinorModeRecord = { on: before.on, source: before.source ?? 'guardian', settings: before.settings, revision: next.revision + 1 };
      update({ on: before.on, source: before.source, settings: before.settings, revision: back.revision, fallback: before.fallback });
      recount();
      return { slice: MINOR_MODE_SLICE, action, policy: 'protective', adapter: 'minorMode', method: 'save', args: [back], target: TARGET, details };
    },
    supersede: (entry) => (entry.method === 'save' ? 'drop' : 'keep'),
  };
}

/** Whether an outbox entry is a record write the adapter can take. */
export function isRecordWrite(entry: OutboxEntry): boolean {
  try {
    parseMinorModeRecord(entry.args[0]);
    return entry.method === 'save';
  } catch {
    return false;
  }
}

/** The records of writes still in the outbox, oldest first: newer than what the adapter holds until confirmed. */
export function pendingRecords(entries: readonly OutboxEntry[]): unknown[] {
  return entries.flatMap((entry) => (entry.slice === MINOR_MODE_SLICE && entry.method === 'save' ? [entry.args[0]] : []));
}

/** The record with the highest revision among `records` that parse, or `null`. */
export function newestRecord(records: readonly unknown[]): MinorModeRecord | null {
  let newest: MinorModeRecord | null = null;
  for (const args of records) {
    try {
      const record = parseMinorModeRecord(args);
      if (!newest || record.revision > newest.revision) {
        newest = record;
      }
    } catch {
      // The engine sets aside what it cannot validate.
    }
  }
  return newest;
}
