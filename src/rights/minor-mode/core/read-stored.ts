import type { MinorModeAdapter } from './adapter.js';
import type { RightsError } from '../../../kernel/core/errors.js';
import { andThen, type OutboxState, type WriteEngine } from '../../../kernel/core/engine/write-engine.js';
import type { TrustedTime } from './model.js';
import { MINOR_MODE_SLICE, pendingRecords } from './record-write.js';
import { resolveStoredMinorMode } from './resolve-stored.js';
import type { MinorModeState } from './state.js';
import type { UsageTimer } from './usage-timer.js';

/** Which read of the stored state: the visit's first (usage and the PIN too), after a change elsewhere, or a retry after a failed load. */
export type StoredReadKind = 'first' | 'changed' | 'retry';

/** What reading minor mode's stored state needs from its slice. */
export interface StoredReadOptions {
  adapter: MinorModeAdapter;
  engine: Pick<WriteEngine, 'read'>;
  time: TrustedTime;
  meter: Pick<UsageTimer, 'tick' | 'restart'>;
  outbox(): OutboxState;
  reportError(error: RightsError): void;
  state(): MinorModeState;
  update(patch: Partial<MinorModeState>): void;
}

/**
 * Reads the record (and, the first time, usage and the PIN) through the engine, then, while `live()` says
 * the connection that asked still runs, lets resolve-stored.ts decide what they say and applies it, then
 * calls `applied`: not for a read older than what the slice holds, or one that came too late.
 */
export function readStoredMinorMode(kind: StoredReadKind, options: StoredReadOptions, live: () => boolean, applied: () => void) {
  const { adapter, engine, time, meter, state } = options;
  const first = kind === 'first';
  return andThen(first ? engine.read((read) => adapter.loadUsage(read)) : null, (usage) =>
    andThen(engine.read((read) => adapter.load(read)), (record) =>
      andThen(first ? engine.read((read) => adapter.hasPin(read)) : null, (pin) => {
        if (!live()) {
          return;
        }
        if (usage?.ok && usage.value) {
          time.notBefore(usage.value.lastRecordedAt);
        }
        if (kind === 'retry') {
          // The time in fallback was use all the same: counted before the read decides.
          meter.tick();
        }
        const now = time.now();
        const { entries, unreadable } = options.outbox();
        const { errors, patch } = resolveStoredMinorMode(record, usage, {
          first,
          pending: pendingRecords(entries),
          outboxUnreadable: unreadable.includes(MINOR_MODE_SLICE) || unreadable.includes('*'),
          previous: state(),
          now,
          hasPin: pin ? pin.ok && pin.value : state().hasPin,
          platformCheck: typeof adapter.verifyGuardian === 'function',
        });
        errors.forEach((error) => options.reportError(error));
        if (patch) {
          meter.restart(now);
          options.update(patch);
          meter.tick();
          applied();
        }
      }),
    ),
  );
}
