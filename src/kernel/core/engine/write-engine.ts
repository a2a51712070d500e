import type { AdapterName, OutboxAdapter, ReadOptions } from '../adapters/types.js';
import type { RightsClock } from '../clock.js';
import { RightsError, toRightsError, type RightsErrorCode, type RightsFailure } from '../errors.js';
import { createCorrelationId, type RightsEvent } from '../events.js';
import { isPromiseLike, type Awaitable, type LoadState } from '../types.js';
import { parseOutboxEntries, type OutboxEntry, type WritePolicy } from '../outbox/outbox.js';

/** The result of calling an adapter: its value, or what it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown; timedOut?: boolean };

/** Calls `read`, catching what it throws; stays synchronous when `read` is, so synchronous storage applies before the first paint. */
export function attempt<T>(read: () => Awaitable<T>): Awaitable<Outcome<T>> {
  try {
    const value = read();
    if (isPromiseLike(value)) {
      return Promise.resolve(value).then(
        (resolved): Outcome<T> => ({ ok: true, value: resolved }),
        (error: unknown): Outcome<T> => ({ ok: false, error }),
      );
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Runs `next` on a value that may or may not be a promise, staying synchronous when it is not. */
export function andThen<T, R>(value: Awaitable<T>, next: (value: T) => R): Awaitable<R> {
  return isPromiseLike(value) ? Promise.resolve(value).then(next) : next(value);
}

/** What a slice asks the engine to write. */
export interface WriteRequest {
  slice: string;
  /** The user action, for the failure a view shows and for the audit log. */
  action: string;
  policy: WritePolicy;
  adapter: AdapterName;
  method: string;
  /** The method's arguments, before the write options. JSON only: the same arguments go with every retry. */
  args: unknown[];
  /** What it writes, such as `'preferences'` or `'feedback:item-7'`. */
  target: string;
  /** Ids and values the audit events of this write carry (never personal data beyond ids). */
  details?: Record<string, unknown>;
  correlationId?: string;
  /** The correlation id of the rolled-back write this one puts back, for a write the kit makes itself. */
  compensates?: string;
  /** Applies the change to the store at once. */
  apply?(): void;
  /**
   * `protective` only: kept in the outbox (on the device too) but not sent for this many milliseconds,
   * so the user can take it back with {@link WriteEngine.withdraw}, as an undo in a toast offers.
   */
  holdMs?: number;
  /**
   * `reducing` only: undoes exactly what `apply` did, after the adapter failed, and returns the
   * protective write that puts the rolled-back value back on the backend (which may have stored the
   * change before failing), or `null` when there is nothing to put back.
   */
  rollback?(error: RightsError): WriteRequest | null;
  /**
   * Which earlier outbox entries this write makes obsolete: `'drop'` them, replace their arguments (the
   * entry then gets a new idempotency key), or `'keep'` them. A protective write supersedes once it is in
   * the outbox; a reducing one once the adapter confirms it.
   */
  supersede?(entry: OutboxEntry): 'keep' | 'drop' | { args: unknown[] };
}

/** What the engine needs from each slice. */
export interface SliceWriteHandler {
  /** Writes of this slice the adapter confirmed, in order, with what it returned. */
  confirmed?(batch: readonly { entry: OutboxEntry; result: unknown }[]): void;
  /** The outbox was read or changed elsewhere: re-derive what depends on it. */
  outboxChanged?(entries: readonly OutboxEntry[]): void;
  /** Checks an entry's arguments before it is sent; an entry that fails is set aside and reported. */
  validate?(entry: OutboxEntry): boolean;
  /** Sets the slice's failure, for its views. */
  setFailure(failure: RightsFailure | null, onlyIfAction?: string): void;
}

/** The engine's own state, in the store under `outbox`. */
export interface OutboxState {
  /** `'ready'` once the outbox on this device has been read; `'error'` when it could not be. */
  load: LoadState;
  /** Every write not yet confirmed by its adapter, oldest first. Pending flags are derived from it. */
  entries: readonly OutboxEntry[];
  /** Keys of entries that could not yet be stored on this device (storage full or unavailable); they are kept in memory and retried. */
  unsaved: readonly string[];
  /** Slices whose earlier choices on this device could not be read and may be lost: they show privacy-protective values. */
  unreadable: readonly string[];
}

export interface WriteEngineOptions {
  clock: RightsClock;
  outbox: OutboxAdapter;
  /** The adapter behind a name, or `undefined` while no slice that provides it is registered. */
  adapter(name: AdapterName): object | undefined;
  /** The handler of a registered slice. */
  handler(slice: string): SliceWriteHandler | undefined;
  /** The slices registered so far. */
  slices(): readonly string[];
  getState(): OutboxState;
  setState(patch: Partial<OutboxState>): void;
  emit(event: RightsEvent): void;
  reportError(error: RightsError): void;
  writeTimeoutMs: number;
  loadTimeoutMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * Confirmations are applied to the store and the device in batches that grow
 * with the backlog (at least 64, at least a quarter of it), so that replaying
 * thousands of entries rewrites the device copy a handful of times, not once
 * per entry.
 */
const BATCH = 64;

/**
 * The one write path under every right. It applies a write at once, keeps
 * protective and submit-once writes in a durable outbox before the adapter is
 * called, sends each with its idempotency key and an abort signal, times it
 * out, retries with backoff and when the browser comes back online, rolls
 * reducing writes back exactly, and emits the audit events. Slices declare
 * what a write does; none writes that sequence itself.
 */
export function createWriteEngine(options: WriteEngineOptions) {
  const { clock } = options;
  const queues = new Map<string, Promise<void>>();
  const queuedRounds = new Map<string, { waitFor: Promise<unknown>[]; done: Promise<void> }>();
  // Entries being stored on the device: never sent before they are there.
  const storing = new Set<string>();
  const retries = new Map<string, { timer: unknown; attempt: number }>();
  const inFlight = new Set<AbortController>();
  let connections = 0;
  let abortTimer: unknown = null;
  // Reducing writes not yet settled, so that a later protective choice of the same target can overtake
  // them: one not yet sent is dropped; one already out is given up on (aborted), and the later choice is
  // held in the outbox until it has settled, so that a late answer can never land after it.
  const reducing = new Set<ReducingJob>();
  const held = new Set<string>();
  const leased = new Set<string>();
  // Longer holds on their way to the device, by key (`rehold`).
  const reholding = new Map<string, Promise<void>>();
  // Entries whose adapter call is out: too late to withdraw.
  const sending = new Set<string>();
  // Confirmed entries the device could not forget yet (storage full): forgotten at the next round.
  const undeleted = new Set<string>();
  // Once every provider has gone (a closed page, a route change), nothing more is sent: what is
  // pending stays in the outbox for the next store, as after a reload.
  let closed = false;

  const entriesOf = (slice: string) => options.getState().entries.filter((entry) => entry.slice === slice);
  const timestamp = () => new Date(clock.now()).toISOString();

  const emit = (type: string, entry: Pick<OutboxEntry, 'details' | 'correlationId'>, errorCode?: RightsErrorCode) => {
    options.emit({
      ...(entry.details as object),
      type,
      timestamp: timestamp(),
      correlationId: entry.correlationId,
      ...(errorCode ? { errorCode } : {}),
    } as RightsEvent);
  };

  /** Runs tasks of one slice one after another, so writes reach the adapter in the order the user made them. */
  const enqueue = (slice: string, task: () => Promise<void>): Promise<void> => {
    const next = (queues.get(slice) ?? Promise.resolve()).then(task);
    queues.set(
      slice,
      next.catch(() => {}),
    );
    return next;
  };

  /** Calls an adapter with a timeout and an abort signal; a late answer counts as failed. */
  const call = <T>(
    timeoutMs: number,
    invoke: (signal: AbortSignal) => Awaitable<T>,
    code: RightsErrorCode = 'write-failed',
    controller = new AbortController(),
  ): Awaitable<Outcome<T>> => {
    const immediate = attempt(() => invoke(controller.signal));
    if (!isPromiseLike(immediate)) {
      return immediate;
    }
    inFlight.add(controller);
    return new Promise<Outcome<T>>((resolve) => {
      // Given up on (a timeout, an unmount, a later choice): failed at once, whatever the adapter does later.
      const giveUp = () => {
        clock.clearTimeout(timer);
        inFlight.delete(controller);
        resolve({ ok: false, error: controller.signal.reason, timedOut: true });
      };
      const timer = clock.setTimeout(() => controller.abort(new RightsError(code, `No answer within ${timeoutMs} ms.`)), timeoutMs);
      controller.signal.addEventListener('abort', giveUp, { once: true });
      void Promise.resolve(immediate).then((outcome) => {
        clock.clearTimeout(timer);
        inFlight.delete(controller);
        controller.signal.removeEventListener('abort', giveUp);
        resolve(controller.signal.aborted ? { ok: false, error: controller.signal.reason, timedOut: true } : outcome);
      });
    });
  };

  const send = (entry: OutboxEntry, controller?: AbortController): Awaitable<Outcome<unknown>> | null => {
    const adapter = options.adapter(entry.adapter) as Record<string, unknown> | undefined;
    const method = adapter?.[entry.method];
    if (typeof method !== 'function') {
      // The adapter is not available yet (its slice is not registered): the entry waits.
      return null;
    }
    const args = structuredClone(entry.args);
    return call(
      options.writeTimeoutMs,
      (signal) => (method as (...parameters: unknown[]) => unknown).call(adapter, ...args, { idempotencyKey: entry.key, signal }),
      'write-failed',
      controller,
    );
  };

  /* ---------------------------------------------------------------------------------------------
   * The outbox on the device
   * -------------------------------------------------------------------------------------------*/

  const reportDeviceFailure = (slices: Iterable<string>, cause: unknown) => {
    options.reportError(toRightsError(cause, 'device-write-failed', 'Could not keep a write in the outbox on this device.'));
    for (const slice of new Set(slices)) {
      options.handler(slice)?.setFailure({ code: 'device-write-failed', action: 'persist' });
    }
  };

  /** Once nothing of a slice waits to be stored on the device, the message about it no longer applies. */
  const clearDeviceFailure = (slices: Iterable<string>) => {
    const { entries, unsaved } = options.getState();
    const waiting = new Set(unsaved);
    for (const slice of new Set(slices)) {
      if (!entries.some((entry) => entry.slice === slice && waiting.has(entry.key))) {
        options.handler(slice)?.setFailure(null, 'persist');
      }
    }
  };

  /** Stores new entries and removes superseded ones on the device; what fails stays in memory, marked unsaved, and is retried. */
  const persist = async (added: readonly OutboxEntry[], removed: readonly string[], holdUnsaved = true): Promise<boolean> => {
    if (closed) {
      return false;
    }
    const outcome = await attempt(async () => {
      if (removed.length > 0) {
        await options.outbox.delete(removed);
      }
      if (added.length > 0) {
        await options.outbox.put(added);
      }
    });
    const addedKeys = new Set(added.map((entry) => entry.key));
    const { unsaved } = options.getState();
    if (outcome.ok) {
      if (unsaved.some((key) => addedKeys.has(key))) {
        options.setState({ unsaved: unsaved.filter((key) => !addedKeys.has(key)) });
      }
      clearDeviceFailure(added.map((entry) => entry.slice));
      return true;
    }
    if (holdUnsaved) {
      options.setState({ unsaved: [...new Set([...unsaved, ...addedKeys])] });
    }
    reportDeviceFailure(
      added.map((entry) => entry.slice),
      outcome.error,
    );
    return false;
  };

  /** Tries again to store entries that could not be stored on the device. */
  const persistUnsaved = async (slice: string) => {
    const unsaved = new Set(options.getState().unsaved);
    const waiting = entriesOf(slice).filter((entry) => unsaved.has(entry.key));
    return waiting.length === 0 ? true : persist(waiting, []);
  };

  /* ---------------------------------------------------------------------------------------------
   * Confirmations, in batches
   * -------------------------------------------------------------------------------------------*/

  const commit = async (slice: string, confirmed: { entry: OutboxEntry; result: unknown }[], failedKeys: Set<string>) => {
    if (confirmed.length === 0 && failedKeys.size === 0) {
      return;
    }
    const done = new Set(confirmed.map(({ entry }) => entry.key));
    const { entries, unsaved } = options.getState();
    const stillUnsaved = unsaved.filter((key) => !done.has(key));
    options.setState({
      entries: entries.flatMap((entry) =>
        done.has(entry.key) ? [] : failedKeys.has(entry.key) ? [{ ...entry, attempts: entry.attempts + 1 }] : [entry],
      ),
      ...(stillUnsaved.length === unsaved.length ? {} : { unsaved: stillUnsaved }),
    });
    if (stillUnsaved.length < unsaved.length) {
      clearDeviceFailure([slice]);
    }
    done.forEach((key) => leased.delete(key));
    if (confirmed.length > 0) {
      options.handler(slice)?.confirmed?.(confirmed);
      // Forgetting a confirmed entry can wait: if it fails, a retry carries the same key and has no second effect.
      const forgotten = await attempt(() => options.outbox.delete([...done]));
      if (!forgotten.ok) {
        done.forEach((key) => undeleted.add(key));
      }
    }
  };

  /** Applies what a confirmed write makes obsolete: entries made before it are dropped or rewritten with a new key; later ones stand. */
  const supersede = async (request: WriteRequest, earlier: ReadonlySet<string>) => {
    if (!request.supersede) {
      return;
    }
    const dropped: string[] = [];
    const rewritten: OutboxEntry[] = [];
    for (const entry of options.getState().entries) {
      if (!earlier.has(entry.key) || entry.slice !== request.slice) {
        continue;
      }
      const verdict = request.supersede(entry);
      if (verdict === 'keep') {
        continue;
      }
      dropped.push(entry.key);
      if (verdict !== 'drop') {
        rewritten.push({ ...entry, args: verdict.args, key: createCorrelationId(), attempts: 0 });
      }
    }
    // The device first: if it cannot take the change, the earlier entries stay, in the store too.
    if (dropped.length > 0 && (await persist(rewritten, dropped, false))) {
      const gone = new Set(dropped);
      options.setState({ entries: [...options.getState().entries.filter((entry) => !gone.has(entry.key)), ...rewritten] });
    }
  };

  /* ---------------------------------------------------------------------------------------------
   * Sending the outbox, and retrying it
   * -------------------------------------------------------------------------------------------*/

  const cancelRetry = (slice: string) => {
    const retry = retries.get(slice);
    if (retry?.timer !== null && retry?.timer !== undefined) {
      clock.clearTimeout(retry.timer);
      retry.timer = null;
    }
  };

  const scheduleRetry = (slice: string, after?: number) => {
    const retry = retries.get(slice) ?? { timer: null, attempt: 0 };
    retries.set(slice, retry);
    if (retry.timer !== null || connections === 0) {
      return;
    }
    // A known wait (an entry held for undo) is not a failure: no backoff.
    const delay = after ?? Math.min(options.retryDelayMs * 2 ** retry.attempt, options.maxRetryDelayMs);
    if (after === undefined) {
      retry.attempt += 1;
    }
    retry.timer = clock.setTimeout(() => {
      retry.timer = null;
      void flush(slice);
    }, delay);
  };

  /**
   * Sends every entry of one slice, oldest first, after `stored` (the device copy of new entries) is
   * done. Requests made while a round waits to start join it, so a burst of writes is one round.
   */
  const flush = (slice: string, stored?: Promise<unknown>): Promise<void> => {
    const queued = queuedRounds.get(slice);
    if (queued) {
      if (stored) {
        queued.waitFor.push(stored);
      }
      return queued.done;
    }
    const round = { waitFor: stored ? [stored] : [], done: Promise.resolve() };
    queuedRounds.set(slice, round);
    round.done = enqueue(slice, async () => {
      queuedRounds.delete(slice);
      await Promise.all(round.waitFor);
      await sendOutbox(slice);
    });
    return round.done;
  };

  const sendOutbox = async (slice: string) => {
    cancelRetry(slice);
    if (closed) {
      return;
    }
    const savedAll = await persistUnsaved(slice);
    if (undeleted.size > 0) {
      const keys = [...undeleted];
      if ((await attempt(() => options.outbox.delete(keys))).ok) {
        keys.forEach((key) => undeleted.delete(key));
      }
    }
    const registered = options.handler(slice) !== undefined;
    let confirmed: { entry: OutboxEntry; result: unknown }[] = [];
    let failedKeys = new Set<string>();
    let failure: { entry: OutboxEntry; error: unknown } | null = null;
    let leaseWait = false;
    let seen: readonly OutboxEntry[] | null = null;
    let present = new Set<string>();
    const round = entriesOf(slice);
    const batch = Math.max(BATCH, Math.ceil(round.length / 4));
    for (const entry of round) {
      // Another write or tab may have confirmed or superseded it meanwhile.
      if (seen !== options.getState().entries) {
        seen = options.getState().entries;
        present = new Set(seen.map((current) => current.key));
      }
      if (!present.has(entry.key) || storing.has(entry.key) || held.has(entry.key)) {
        continue;
      }
      if (entry.notBefore !== undefined && entry.notBefore > clock.now() && !leased.has(entry.key)) {
        // Another tab holds it for a moment; it is sent once that tab's earlier write has settled.
        leaseWait = true;
        continue;
      }
      if (closed) {
        break;
      }
      // A submission waits for its slice, which stores the result; any other write goes out with its adapter.
      const sent = entry.policy === 'submit-once' && !registered ? null : send(entry);
      if (sent === null) {
        continue;
      }
      sending.add(entry.key);
      const outcome = await sent;
      sending.delete(entry.key);
      if (outcome.ok) {
        confirmed.push({ entry, result: outcome.value });
        emit(`${slice}.synced`, entry);
      } else {
        failedKeys.add(entry.key);
        failure = { entry, error: outcome.error };
        if (entry.attempts === 0) {
          emit(`${slice}.sync-pending`, entry, toRightsError(outcome.error, 'write-failed', '').code);
        }
      }
      if (confirmed.length + failedKeys.size >= batch) {
        await commit(slice, confirmed, failedKeys);
        confirmed = [];
        failedKeys = new Set();
      }
      if (!outcome.ok && outcome.timedOut) {
        break;
      }
    }
    await commit(slice, confirmed, failedKeys);
    if (failure) {
      options.reportError(toRightsError(failure.error, 'write-failed', `The ${failure.entry.adapter} adapter failed to ${failure.entry.method}.`));
    }
    const retry = retries.get(slice);
    if (!failure && savedAll && retry) {
      retry.attempt = 0;
    }
    if (failure || !savedAll || undeleted.size > 0) {
      scheduleRetry(slice);
    } else if (leaseWait) {
      // Nothing failed: go again when the first held entry may be sent.
      const now = clock.now();
      const soonest = Math.min(...entriesOf(slice).flatMap((entry) => (entry.notBefore !== undefined && entry.notBefore > now ? [entry.notBefore - now] : [])));
      scheduleRetry(slice, Number.isFinite(soonest) ? soonest + 1 : undefined);
    }
  };

  const flushAll = () => Promise.all([...new Set([...options.slices(), ...options.getState().entries.map((entry) => entry.slice)])].map((slice) => flush(slice)));

  /* ---------------------------------------------------------------------------------------------
   * Writes
   * -------------------------------------------------------------------------------------------*/

  const makeEntry = (request: WriteRequest, policy: OutboxEntry['policy']): OutboxEntry => ({
    key: createCorrelationId(),
    slice: request.slice,
    action: request.action,
    adapter: request.adapter,
    method: request.method,
    args: request.args,
    policy,
    target: request.target,
    correlationId: request.correlationId ?? createCorrelationId(),
    createdAt: timestamp(),
    attempts: 0,
    ...(request.details ? { details: request.details } : {}),
    ...(request.compensates ? { compensates: request.compensates } : {}),
    ...(request.holdMs ? { notBefore: clock.now() + request.holdMs } : {}),
  });

  /** Puts a protective or submit-once write in the outbox (first in memory, then on the device) and sends it. */
  const keep = (request: WriteRequest, policy: OutboxEntry['policy']): Promise<void> => {
    const entry = makeEntry(request, policy);
    const dropped = options
      .getState()
      .entries.filter((existing) => existing.slice === request.slice && request.supersede?.(existing) === 'drop')
      .map((existing) => existing.key);
    options.setState({ entries: [...options.getState().entries, entry] });
    overtake([entry], true);
    // Stored on the device at once, and before the adapter is called: a reload or a closed tab cannot lose it.
    storing.add(entry.key);
    const stored = persist([entry], dropped).then((ok) => {
      storing.delete(entry.key);
      // What it makes obsolete leaves the store once it has left the device, so the two never disagree.
      if (ok && dropped.length > 0) {
        const gone = new Set(dropped);
        options.setState({ entries: options.getState().entries.filter((existing) => !gone.has(existing.key)) });
      }
    });
    // Queued at once, so that a later write of the same slice cannot overtake it.
    return flush(request.slice, stored);
  };

  const reduce = (request: WriteRequest) => {
    // Only what was pending when the user made this choice can be made obsolete by it.
    const job: ReducingJob = {
      request,
      earlier: new Set(options.getState().entries.map((entry) => entry.key)),
      started: false,
      cancelled: false,
      overtaken: false,
      controller: new AbortController(),
      holds: [],
    };
    reducing.add(job);
    const settle = () => {
      reducing.delete(job);
      if (job.holds.length > 0) {
        job.holds.forEach((key) => held.delete(key));
        void flush(request.slice);
      }
    };
    return enqueue(request.slice, async () => {
      job.started = true;
      if (job.cancelled) {
        // A later protective choice of the same target came first: this write is moot.
        settle();
        return;
      }
      const entry = makeEntry(request, 'protective');
      const sent = closed ? null : send(entry, job.controller);
      const outcome =
        sent === null
          ? ({ ok: false, error: new RightsError('write-failed', closed ? 'The provider unmounted before this write was sent.' : `No ${request.adapter} adapter.`) } as const)
          : await sent;
      if (outcome.ok) {
        emit(`${request.slice}.synced`, entry);
        options.handler(request.slice)?.confirmed?.([{ entry, result: outcome.value }]);
        await supersede(request, job.earlier);
        settle();
        return;
      }
      if (closed || job.overtaken) {
        // The page is gone, or a later choice of the user replaced this one: there is nothing to roll back.
        settle();
        return;
      }
      const error = toRightsError(outcome.error, 'write-failed', `The ${request.adapter} adapter failed to ${request.method}.`);
      options.reportError(error);
      const compensation = request.rollback?.(error) ?? null;
      options.handler(request.slice)?.setFailure({ code: error.code, action: request.action });
      emit(`${request.slice}.rolled-back`, entry, error.code);
      if (compensation) {
        // Not awaited: it joins the queue behind this task.
        void keep({ ...compensation, correlationId: entry.correlationId, compensates: entry.correlationId }, 'protective');
      }
      settle();
    });
  };

  /** A new protective choice overtakes unsettled reducing writes of the same target. */
  function overtake(entries: readonly OutboxEntry[], mine: boolean) {
    for (const entry of entries) {
      if (entry.compensates !== undefined) {
        continue;
      }
      for (const job of reducing) {
        const { request } = job;
        if (job.cancelled || job.earlier.has(entry.key) || request.slice !== entry.slice || (request.supersede?.(entry) ?? 'keep') === 'keep') {
          continue;
        }
        if (!job.started) {
          job.cancelled = true;
          continue;
        }
        // Out already: keep the later choice here until the earlier write has settled, then send it.
        const hold = mine ? { ...entry, notBefore: clock.now() + options.writeTimeoutMs + 1000 } : { ...entry, key: createCorrelationId(), attempts: 0, notBefore: clock.now() + options.writeTimeoutMs + 1000 };
        held.add(hold.key);
        leased.add(hold.key);
        job.holds.push(hold.key);
        const others = options.getState().entries.filter((existing) => existing.key !== hold.key);
        options.setState({ entries: [...others, hold] });
        storing.add(hold.key);
        void persist([hold], []).finally(() => storing.delete(hold.key));
        job.overtaken = true;
        job.controller.abort(new RightsError('write-failed', 'A later choice of the same target replaced this write.'));
      }
    }
  }

  return {
    /**
     * Carries out one write under its policy. It applies at once; the promise settles when the write is
     * confirmed, kept for retry, or rolled back.
     */
    write(request: WriteRequest): Promise<void> {
      request.apply?.();
      if (request.policy === 'reducing') {
        return reduce(request);
      }
      return keep(request, request.policy);
    },

    /** Reads through an adapter with a timeout and an abort signal; synchronous adapters stay synchronous. */
    read<T>(invoke: (options: ReadOptions) => Awaitable<T>): Awaitable<Outcome<T>> {
      return call(options.loadTimeoutMs, (signal) => invoke({ signal }), 'read-failed');
    },

    /**
     * Takes back a write still held for undo (`holdMs`): it leaves the outbox here at once and is
     * never sent, once the device has let go of it too. Resolves `false`, and the write stands (back in
     * the outbox if it had left), when it is being stored or sent, its hold has ended, or the device
     * could not delete it.
     */
    async withdraw(key: string): Promise<boolean> {
      // A longer hold still being stored goes first, so the device cannot keep what is withdrawn here.
      const reheld = reholding.get(key);
      if (reheld) {
        await reheld;
      }
      const entry = options.getState().entries.find((candidate) => candidate.key === key);
      if (!entry || entry.attempts > 0 || sending.has(key) || storing.has(key) || entry.notBefore === undefined || entry.notBefore <= clock.now()) {
        return false;
      }
      held.add(key);
      options.setState({ entries: options.getState().entries.filter((candidate) => candidate !== entry) });
      const unsaved = options.getState().unsaved.includes(key);
      const deleted = unsaved || (await persist([], [key], false));
      held.delete(key);
      if (!deleted) {
        // The device still holds it, so another tab or a reload would send it: it stands, here too.
        options.setState({ entries: [...options.getState().entries, entry] });
        void flush(entry.slice);
        return false;
      }
      if (unsaved) {
        options.setState({ unsaved: options.getState().unsaved.filter((candidate) => candidate !== key) });
      }
      return true;
    },

    /**
     * Holds a write that waits for undo (`holdMs`) for `holdMs` more from now, such as while the user is on
     * the undo toast. The device's copy waits as long, so a reload or another tab does not send it sooner.
     * Resolves `false` when it can no longer be held: it is being stored or sent, or its hold has ended.
     */
    async rehold(key: string, holdMs: number): Promise<boolean> {
      // Synchronous up to the new hold, so a flush due now cannot slip in first.
      const entry = options.getState().entries.find((candidate) => candidate.key === key);
      if (!entry || entry.attempts > 0 || sending.has(key) || storing.has(key) || entry.notBefore === undefined || entry.notBefore <= clock.now()) {
        return false;
      }
      const longer: OutboxEntry = { ...entry, notBefore: clock.now() + holdMs };
      options.setState({ entries: options.getState().entries.map((candidate) => (candidate.key === key ? longer : candidate)) });
      // On the device in order, each after the one before; what it stores is the latest hold, unless withdrawn meanwhile.
      const stored = (reholding.get(key) ?? Promise.resolve()).then(async () => {
        const latest = options.getState().entries.find((candidate) => candidate.key === key);
        if (!latest || closed) {
          return;
        }
        if (options.getState().unsaved.includes(key)) {
          // Not on the device yet: this is another try at storing it.
          await persist([latest], []);
        } else {
          // On the device already, with the shorter hold. If the longer one cannot be stored, a reload sends
          // the feedback sooner than the user might take it back: never later, never lost.
          await attempt(() => options.outbox.put([latest]));
        }
      });
      reholding.set(key, stored);
      await stored;
      if (reholding.get(key) === stored) {
        reholding.delete(key);
      }
      return true;
    },

    /** Sends what is pending now, instead of at the next scheduled retry. */
    flush,
    flushAll,

    /** Reads the outbox on this device: valid entries join the store, invalid ones are set aside and reported. */
    loadOutbox(): Awaitable<void> {
      const state = options.getState();
      if (state.load === 'loading') {
        return;
      }
      options.setState({ load: 'loading' });
      return andThen(
        call(options.loadTimeoutMs, (signal) => options.outbox.load({ signal }), 'read-failed'),
        (outcome) => {
          if (!outcome.ok) {
            options.reportError(toRightsError(outcome.error, 'outbox-unreadable', 'The outbox on this device could not be read.'));
            markUnreadable(['*']);
            options.setState({ load: 'error' });
            notifySlices();
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
              emit(`${entry.slice}.replayed`, entry);
            }
          }
          if (rejected.length > 0) {
            setAside(rejected);
          }
          notifySlices();
        },
      );
    },

    /** Another tab or provider changed the outbox: take its entries, keep ours that are not stored yet. */
    reloadOutbox(): Awaitable<void> {
      return andThen(
        call(options.loadTimeoutMs, (signal) => options.outbox.load({ signal }), 'read-failed'),
        (outcome) => {
          if (!outcome.ok) {
            return;
          }
          const { entries } = parseOutboxEntries(outcome.value ?? []);
          const unsaved = new Set(options.getState().unsaved);
          const stored = new Set(entries.map((entry) => entry.key));
          const current = options.getState().entries;
          const attempts = new Map(current.map((entry) => [entry.key, entry.attempts]));
          options.setState({
            entries: [
              // Confirmed here but not yet forgotten by the device (it was full) are not pending again.
              ...entries
                .filter((entry) => !undeleted.has(entry.key) && (options.handler(entry.slice)?.validate?.(entry) ?? true))
                .map((entry) => ({ ...entry, attempts: attempts.get(entry.key) ?? entry.attempts })),
              // Ours that are not on the device yet (being stored, or storage failed) stay.
              ...current.filter((entry) => (unsaved.has(entry.key) || storing.has(entry.key)) && !stored.has(entry.key)),
            ],
          });
          const fresh = entries.filter((entry) => !attempts.has(entry.key) && !undeleted.has(entry.key));
          overtake(fresh, false);
          notifySlices();
          for (const slice of new Set(fresh.map((entry) => entry.slice))) {
            scheduleRetry(slice);
          }
        },
      );
    },

    /** Checks the entries of a slice registered after the outbox was read, and tells it what is pending. */
    adoptSlice(slice: string) {
      const handler = options.handler(slice);
      const mine = entriesOf(slice);
      const rejected = mine.filter((entry) => !(handler?.validate?.(entry) ?? true));
      if (rejected.length > 0) {
        const keys = new Set(rejected.map((entry) => entry.key));
        options.setState({ entries: options.getState().entries.filter((entry) => !keys.has(entry.key)) });
        setAside(rejected);
      }
      handler?.outboxChanged?.(entriesOf(slice));
    },

    /** Starts retries while at least one provider is connected; returns the disconnect. */
    connect(): () => void {
      connections += 1;
      if (abortTimer !== null) {
        clock.clearTimeout(abortTimer);
        abortTimer = null;
      }
      if (closed) {
        closed = false;
        void flushAll();
      }
      return () => {
        connections -= 1;
        if (connections > 0) {
          return;
        }
        for (const slice of retries.keys()) {
          cancelRetry(slice);
        }
        // Deferred, so that a provider remounted at once (StrictMode, a quick route change) keeps its requests.
        abortTimer = clock.setTimeout(() => {
          abortTimer = null;
          closed = true;
          for (const controller of inFlight) {
            controller.abort(new RightsError('write-failed', 'The provider unmounted.'));
          }
        }, 0);
      };
    },
  };

  function markUnreadable(slices: readonly string[]) {
    const unreadable = new Set([...options.getState().unreadable, ...slices]);
    options.setState({ unreadable: [...unreadable] });
  }

  function notifySlices() {
    for (const slice of options.slices()) {
      options.handler(slice)?.outboxChanged?.(entriesOf(slice));
    }
  }

  function setAside(values: readonly unknown[]) {
    void attempt(() => options.outbox.setAside(values));
    options.reportError(new RightsError('outbox-unreadable', `${values.length} entries of the outbox on this device could not be read and were set aside.`));
    const slices = values.map((value) => {
      const slice = (value as { slice?: unknown } | null)?.slice;
      return typeof slice === 'string' ? slice : '*';
    });
    markUnreadable(slices);
  }
}

/** The engine a store runs on. */
export type WriteEngine = ReturnType<typeof createWriteEngine>;

interface ReducingJob {
  request: WriteRequest;
  /** Keys pending when the user made the choice: only these can be made obsolete by it. */
  earlier: ReadonlySet<string>;
  started: boolean;
  cancelled: boolean;
  /** Given up on because a later choice replaced it while it was out. */
  overtaken: boolean;
  controller: AbortController;
  /** Later choices held until this write settles. */
  holds: string[];
}
