import type { ReadOptions } from '../adapters/types.js';
import { toRightsError } from '../errors.js';
import { parseOutboxEntries, type OutboxEntry } from '../outbox/outbox.js';
import type { Awaitable } from '../types.js';
import { createCallPath, type CallOptions } from './call-path.js';
import { createDeviceOutbox } from './device-outbox.js';
import { entryOf } from './entry-of.js';
import type { WriteEngineOptions } from './engine-options.js';
import { createEntryPhases } from './entry-phases.js';
import { createHold } from './hold.js';
import { createLifecycle } from './lifecycle.js';
import { andThen, type Outcome } from './outcome.js';
import { createRetryScheduler } from './retry-scheduler.js';
import { createSendRound } from './send-round.js';
import { createSliceQueue } from './slice-queue.js';
import { createStepEmitter } from './step-events.js';
import { createSupersession } from './supersession.js';
import { assertWritable, type WriteRequestOf } from './write-request.js';

export { andThen, attempt, type Outcome } from './outcome.js';
export type { CallOptions } from './call-path.js';
export type { WriteEngineOptions } from './engine-options.js';
export type { EntryPhase } from './entry-phases.js';
export type { AdapterWrite, EventSlice, OutboxState, SliceWriteHandler, WriteDetails, WriteMethod, WriteRequest, WriteRequestOf, WriteStepEvent } from './write-request.js';

/**
 * The one write path under every right. It applies a write at once, keeps
 * protective and submit-once writes in a durable outbox before the adapter is
 * called, sends each with its idempotency key and an abort signal, times it
 * out, retries with backoff and when the browser comes back online, rolls
 * reducing writes back exactly, and emits the audit events. Slices declare
 * what a write does; none writes that sequence itself.
 *
 * Its parts: the phase of every entry (`entry-phases`), the device copy
 * (`device-outbox`), the calls with their timeouts and aborts (`call-path`),
 * the order per slice (`slice-queue`), the rounds that send (`send-round`) and
 * their retries (`retry-scheduler`), the hold for undo (`hold`), and which
 * write makes which obsolete (`supersession`), over the store's lifecycle
 * (`lifecycle`).
 */
export function createWriteEngine(options: WriteEngineOptions) {
  const { clock } = options;
  const lifecycle = createLifecycle(clock);
  const phases = createEntryPhases();
  const queue = createSliceQueue();
  const device = createDeviceOutbox(options, lifecycle);
  const calls = createCallPath(clock, lifecycle, (name) => options.adapter(name), options.writeTimeoutMs);
  const emitStep = createStepEmitter(options);
  const scheduler = createRetryScheduler({ ...options, connected: () => lifecycle.connected, run: (slice) => void flush(slice) });
  const sendRound = createSendRound({ options, phases, device, calls, lifecycle, scheduler, emitStep });

  /**
   * Sends every entry of one slice, oldest first, after `stored` (the device copy of new entries) is
   * done. Requests made while a round waits to start join it, so a burst of writes is one round.
   */
  const flush = (slice: string, stored?: Promise<unknown>): Promise<void> => queue.round(slice, () => sendRound(slice), stored);
  const flushAll = () => Promise.all([...new Set([...options.slices(), ...options.getState().entries.map((entry) => entry.slice)])].map((slice) => flush(slice)));

  const makeEntry = (request: WriteRequestOf<string>, policy: OutboxEntry['policy']) => entryOf(clock, request, policy);

  /** Puts a protective or submit-once write in the outbox (first in memory, then on the device) and sends it. */
  const keep = (request: WriteRequestOf<string>, policy: OutboxEntry['policy']): Promise<void> => {
    const made = makeEntry(request, policy);
    const dropped = options
      .getState()
      .entries.filter((existing) => existing.slice === request.slice && request.supersede?.(existing) === 'drop')
      .map((existing) => existing.key);
    // An earlier reducing write of the same target still out keeps it here, leased, until that has settled.
    const overtaking = supersession.overtakeWith(made);
    const entry = overtaking?.entry ?? made;
    phases.begin(entry.key, overtaking ? 'held' : 'storing');
    options.setState({ entries: [...options.getState().entries, entry] });
    // Stored on the device at once, and before the adapter is called: a reload or a closed tab cannot lose it.
    const stored = device.persist([entry], dropped).then((ok) => {
      phases.move(entry.key, 'stored', 'storing');
      // What it makes obsolete leaves the store once it has left the device, so the two never disagree.
      if (ok && dropped.length > 0) {
        const gone = new Set(dropped);
        gone.forEach((key) => phases.forget(key));
        options.setState({ entries: options.getState().entries.filter((existing) => !gone.has(existing.key)) });
      }
    });
    overtaking?.hold(stored);
    // Queued at once, so that a later write of the same slice cannot overtake it.
    return flush(request.slice, stored);
  };

  const supersession = createSupersession({
    options,
    phases,
    device,
    calls,
    lifecycle,
    queue,
    emitStep,
    flush: (slice) => flush(slice),
    compensate: (request) => keep(request, 'protective'),
  });
  const hold = createHold({ options, phases, device, lifecycle, flush: (slice) => flush(slice) });
  const readOutbox = () => calls.attempt(options.loadTimeoutMs, (signal) => options.outbox.load({ signal }), 'read-failed');

  return {
    /**
     * Carries out one write under its policy. It applies at once; the promise settles when the write is
     * confirmed, kept for retry, or rolled back. Throws a `RightsDeveloperError`, before applying
     * anything, when the request names an adapter method the store does not have.
     */
    write<Slice extends string>(request: WriteRequestOf<Slice>): Promise<void> {
      assertWritable(request, options.adapter(request.adapter));
      const any = request as unknown as WriteRequestOf<string>;
      any.apply?.();
      if (any.policy === 'reducing') {
        return supersession.reduce(any, (reduced) => makeEntry(reduced, 'protective'));
      }
      return keep(any, any.policy);
    },

    /** Reads through an adapter with a timeout and an abort signal; synchronous adapters stay synchronous. */
    read<T>(invoke: (options: ReadOptions) => Awaitable<T>): Awaitable<Outcome<T>> {
      return calls.attempt(options.loadTimeoutMs, (signal) => invoke({ signal }), 'read-failed');
    },

    /**
     * The one path for calls that must not be stored in the outbox: setting and checking the guardian's
     * PIN, the platform's guardian check, attachment uploads, drafts and usage. One attempt, never
     * retried: the caller decides what a failure means. `run` gets a signal that aborts when `timeoutMs`
     * (default: the store's `writeTimeoutMs`) passes, when `options.signal` aborts, or when the engine
     * closes (the last provider unmounted). A timeout rejects with a `RightsError` of `options.code`
     * (default `'write-failed'`); the caller's abort rejects with its reason; what `run` throws is
     * rejected as it is. An answer after the abort is ignored.
     *
     * A PIN never enters the outbox: the outbox is kept on the device, in plain JSON, until the adapter
     * confirms, so a stored PIN would be a secret at rest on the device for anyone with the device to read;
     * and a PIN check replayed after a reload or from another tab, with nobody there to type it, would
     * count as a wrong try and could lock the guardian out.
     */
    call<T>(run: (signal: AbortSignal) => Awaitable<T>, callOptions?: CallOptions): Promise<T> {
      return calls.call(run, callOptions);
    },

    withdraw: hold.withdraw,
    rehold: hold.rehold,

    /** Sends what is pending now, instead of at the next scheduled retry. */
    flush,
    flushAll,

    /** Reads the outbox on this device: valid entries join the store, invalid ones are set aside and reported. */
    loadOutbox(): Awaitable<void> {
      if (options.getState().load === 'loading') {
        return;
      }
      options.setState({ load: 'loading' });
      return andThen(readOutbox(), (outcome) => {
        if (!outcome.ok) {
          options.reportError(toRightsError(outcome.error, 'outbox-unreadable', 'The outbox on this device could not be read.'));
          device.markUnreadable(['*']);
          options.setState({ load: 'error' });
          device.notifySlices();
          return;
        }
        const { entries, invalid } = parseOutboxEntries(outcome.value ?? []);
        const checked = entries.filter((entry) => options.handler(entry.slice)?.validate?.(entry) ?? true);
        const rejected = [...invalid, ...entries.filter((entry) => !checked.includes(entry))];
        const known = new Set(options.getState().entries.map((entry) => entry.key));
        const stored = new Set(checked.map((entry) => entry.key));
        options.setState({
          load: 'ready',
          // Entries made before the outbox was read stay, after those it held.
          entries: [...checked.filter((entry) => !known.has(entry.key)), ...options.getState().entries.filter((entry) => !stored.has(entry.key) || known.has(entry.key))],
        });
        for (const entry of checked) {
          if (!known.has(entry.key)) {
            emitStep(entry.slice, 'replayed', entry);
          }
        }
        if (rejected.length > 0) {
          device.setAside(rejected);
        }
        device.notifySlices();
      });
    },

    /** Another tab or provider changed the outbox: take its entries, keep ours that are not stored yet. */
    reloadOutbox(): Awaitable<void> {
      return andThen(readOutbox(), (outcome) => {
        if (!outcome.ok) {
          return;
        }
        const { entries } = parseOutboxEntries(outcome.value ?? []);
        const unsaved = new Set(options.getState().unsaved);
        const stored = new Set(entries.map((entry) => entry.key));
        const current = options.getState().entries;
        const attempts = new Map(current.map((entry) => [entry.key, entry.attempts]));
        // Confirmed here but not yet forgotten by the device (it was full) are not pending again.
        const settled = new Set(phases.keysIn('settled'));
        options.setState({
          entries: [
            ...entries
              .filter((entry) => !settled.has(entry.key) && (options.handler(entry.slice)?.validate?.(entry) ?? true))
              .map((entry) => ({ ...entry, attempts: attempts.get(entry.key) ?? entry.attempts })),
            // Ours that are not on the device yet (being stored, or storage failed) stay.
            ...current.filter((entry) => (unsaved.has(entry.key) || phases.of(entry.key) === 'storing' || phases.of(entry.key) === 'held') && !stored.has(entry.key)),
          ],
        });
        // Entries another tab confirmed or dropped meanwhile are no longer this engine's to track.
        const kept = new Set(options.getState().entries.map((entry) => entry.key));
        for (const key of [...phases.keysIn('stored'), ...phases.keysIn('leased')]) {
          if (!kept.has(key)) {
            phases.forget(key);
          }
        }
        const fresh = entries.filter((entry) => !attempts.has(entry.key) && !settled.has(entry.key));
        supersession.overtakeFromElsewhere(fresh);
        device.notifySlices();
        for (const slice of new Set(fresh.map((entry) => entry.slice))) {
          scheduler.schedule(slice);
        }
      });
    },

    /** Checks the entries of a slice registered after the outbox was read, and tells it what is pending. */
    adoptSlice(slice: string) {
      const handler = options.handler(slice);
      const rejected = device.entriesOf(slice).filter((entry) => !(handler?.validate?.(entry) ?? true));
      if (rejected.length > 0) {
        const keys = new Set(rejected.map((entry) => entry.key));
        options.setState({ entries: options.getState().entries.filter((entry) => !keys.has(entry.key)) });
        device.setAside(rejected);
      }
      handler?.outboxChanged?.(device.entriesOf(slice));
    },

    /**
     * Starts retries while at least one provider is connected; returns the disconnect. The last
     * disconnect closes the engine one turn later, unless a provider connects again first.
     */
    connect(): () => void {
      return lifecycle.connect(
        () => void flushAll(),
        () => scheduler.cancelAll(),
      );
    },

    /** Closes the engine now: aborts every write and call that is out and sends nothing more until the next `connect`. */
    close(): void {
      scheduler.cancelAll();
      lifecycle.close();
    },
  };
}

/** The engine a store runs on. */
export type WriteEngine = ReturnType<typeof createWriteEngine>;
