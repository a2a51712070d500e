import { toRightsError } from '../errors.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { CallPath } from './call-path.js';
import type { DeviceOutbox } from './device-outbox.js';
import type { WriteEngineOptions } from './engine-options.js';
import type { EntryPhases } from './entry-phases.js';
import type { EngineLifecycle } from './lifecycle.js';
import { attempt } from './outcome.js';
import type { RetryScheduler } from './retry-scheduler.js';
import type { EmitStep } from './step-events.js';

/**
 * Confirmations are applied to the store and the device in batches that grow
 * with the backlog (at least 64, at least a quarter of it), so that replaying
 * thousands of entries rewrites the device copy a handful of times, not once
 * per entry.
 */
const BATCH = 64;

type Confirmed = { entry: OutboxEntry; result: unknown };

export interface SendRoundParts {
  options: WriteEngineOptions;
  phases: EntryPhases;
  device: DeviceOutbox;
  calls: CallPath;
  lifecycle: EngineLifecycle;
  scheduler: RetryScheduler;
  emitStep: EmitStep;
}

/** Whether an entry's `holdUntil` (undo) or, for an entry this engine does not hold the lease of, its `leaseUntil` (another tab's) still keeps it here. */
export function waitsUntil(entry: OutboxEntry, leased: boolean, now: number): number | null {
  const until = Math.max(entry.holdUntil ?? 0, leased ? 0 : (entry.leaseUntil ?? 0));
  return until > now ? until : null;
}

/** Whether a key is in the store's outbox now; the set of keys is rebuilt only when the entries change, so a long round stays linear. */
function presentInStore(options: WriteEngineOptions): (key: string) => boolean {
  const seen = { entries: null as readonly OutboxEntry[] | null, keys: new Set<string>() };
  return (key) => {
    const { entries } = options.getState();
    if (seen.entries !== entries) {
      seen.entries = entries;
      seen.keys = new Set(entries.map((entry) => entry.key));
    }
    return seen.keys.has(key);
  };
}

/** Sends one slice's outbox, oldest first: the round a flush queues. */
export function createSendRound({ options, phases, device, calls, lifecycle, scheduler, emitStep }: SendRoundParts) {
  const { clock } = options;

  // Confirmed entries leave the store; failed ones count an attempt; then the device forgets the confirmed.
  const commit = async (slice: string, confirmed: Confirmed[], failedKeys: Set<string>) => {
    if (confirmed.length === 0 && failedKeys.size === 0) {
      return;
    }
    const done = new Set(confirmed.map(({ entry }) => entry.key));
    const { entries, unsaved } = options.getState();
    const stillUnsaved = unsaved.filter((key) => !done.has(key));
    options.setState({
      entries: entries.flatMap((entry) => (done.has(entry.key) ? [] : failedKeys.has(entry.key) ? [{ ...entry, attempts: entry.attempts + 1 }] : [entry])),
      ...(stillUnsaved.length === unsaved.length ? {} : { unsaved: stillUnsaved }),
    });
    if (stillUnsaved.length < unsaved.length) {
      device.clearDeviceFailure([slice]);
    }
    done.forEach((key) => phases.move(key, 'settled', 'sending'));
    if (confirmed.length > 0) {
      options.handler(slice)?.confirmed?.(confirmed);
      // Forgetting a confirmed entry can wait: if it fails, a retry carries the same key and has no second effect.
      const forgotten = await attempt(() => options.outbox.delete([...done]));
      if (forgotten.ok) {
        done.forEach((key) => phases.forget(key));
      }
    }
  };

  // Confirmed entries the device could not forget yet (storage full) are forgotten at the next round.
  const forgetSettled = async () => {
    const keys = phases.keysIn('settled');
    if (keys.length > 0 && (await attempt(() => options.outbox.delete(keys))).ok) {
      keys.forEach((key) => phases.forget(key));
    }
  };

  return async (slice: string): Promise<void> => {
    scheduler.cancel(slice);
    if (lifecycle.closed) {
      return;
    }
    const savedAll = await device.persistUnsaved(slice);
    await forgetSettled();
    const registered = options.handler(slice) !== undefined;
    const confirmed: Confirmed[] = [];
    const failedKeys = new Set<string>();
    const outcome = { failure: null as { entry: OutboxEntry; error: unknown } | null, waiting: false };
    const present = presentInStore(options);
    const round = device.entriesOf(slice);
    const batch = Math.max(BATCH, Math.ceil(round.length / 4));
    for (const entry of round) {
      // Another write or tab may have confirmed or superseded it meanwhile.
      if (!present(entry.key) || !phases.sendable(entry.key)) {
        continue;
      }
      if (waitsUntil(entry, phases.of(entry.key) === 'leased', clock.now()) !== null) {
        // Held for undo, or another tab holds it for a moment: sent once the wait is over.
        outcome.waiting = true;
        continue;
      }
      if (lifecycle.closed) {
        break;
      }
      // A submission waits for its slice, which stores the result; any other write goes out with its adapter.
      const sent = entry.policy === 'submit-once' && !registered ? null : calls.send(entry);
      if (sent === null) {
        continue;
      }
      const before = phases.of(entry.key);
      phases.move(entry.key, 'sending');
      const result = await sent;
      if (result.ok) {
        // It stays `sending` until its batch is committed: only then has it left the store.
        confirmed.push({ entry, result: result.value });
        emitStep(slice, 'synced', entry);
      } else {
        phases.move(entry.key, before);
        failedKeys.add(entry.key);
        outcome.failure = { entry, error: result.error };
        if (entry.attempts === 0) {
          emitStep(slice, 'sync-pending', entry, toRightsError(result.error, 'write-failed', '').code);
        }
      }
      if (confirmed.length + failedKeys.size >= batch) {
        await commit(slice, confirmed.splice(0), new Set(failedKeys));
        failedKeys.clear();
      }
      if (!result.ok && result.timedOut) {
        break;
      }
    }
    await commit(slice, confirmed, failedKeys);
    const { failure } = outcome;
    if (failure) {
      options.reportError(toRightsError(failure.error, 'write-failed', `The ${failure.entry.adapter} adapter failed to ${failure.entry.method}.`));
    }
    if (!failure && savedAll) {
      scheduler.succeeded(slice);
    }
    if (failure || !savedAll || phases.keysIn('settled').length > 0) {
      scheduler.schedule(slice);
    } else if (outcome.waiting) {
      // Nothing failed: go again when the first waiting entry may be sent.
      const now = clock.now();
      const soonest = Math.min(...device.entriesOf(slice).flatMap((entry) => {
        const until = waitsUntil(entry, phases.of(entry.key) === 'leased', now);
        return until === null ? [] : [until - now];
      }));
      scheduler.schedule(slice, Number.isFinite(soonest) ? soonest + 1 : undefined);
    }
  };
}
