import { toRightsError } from '../errors.js';
import { parseOutboxEntries, type OutboxEntry } from '../outbox/outbox.js';
import { createCallPath } from './call-path.js';
import type { WriteEngineOptions } from './engine-options.js';
import { entryOf } from './entry-of.js';
import { createLifecycle } from './lifecycle.js';
import { andThen, attempt } from './outcome.js';
import type { WriteEngine } from './write-engine.js';
import { assertWritable, type WriteRequestOf } from './write-request.js';

/** What the engine's chunk exports. */
export interface WriteEngineModule {
  createWriteEngine(options: WriteEngineOptions): WriteEngine;
}

/**
 * The engine a provider's store runs on while the engine's own chunk loads, after the first paint. Until it
 * arrives, a small reader stands in:
 * - it reads through the adapters with the engine's timeouts, so a slice loads as before;
 * - it reads the outbox on this device and tells each slice what of it is its own, before the first paint,
 *   so a protective choice still waiting there (an opt-out) shows from the first frame;
 * - a write applies at once, and a protective or submit-once write is put on the device before the call
 *   returns: a closed page loses nothing, and the next visit replays it;
 * - once the engine has read the outbox for itself (what an earlier visit left), the writes go through it in
 *   the order made, each keeping its device key, so the device holds it once.
 */
export function createDeferredEngine(options: WriteEngineOptions, load: () => Promise<WriteEngineModule>): WriteEngine {
  const { clock } = options;
  const lifecycle = createLifecycle(clock);
  const calls = createCallPath(clock, lifecycle, options.adapter, options.writeTimeoutMs);
  let engine: WriteEngine | null = null;
  let loading: Promise<void> | null = null;
  let previewed: OutboxEntry[] | null = null;
  const writes: { request: WriteRequestOf<string>; settle(done: Promise<void>): void }[] = [];
  const waiting: ((arrived: WriteEngine) => void)[] = [];

  const start = () => {
    loading ??= load().then(({ createWriteEngine }) => {
      const arrived = createWriteEngine(options);
      // The engine reads the outbox first, with this visit's writes in the store, so that it takes them as
      // this visit's, not as an earlier visit's to replay. Then they leave the store and go through it in the
      // order made: what an earlier visit left is known by then, so each write supersedes and overtakes as
      // it would have, had the engine been there.
      return andThen(previewed ? arrived.loadOutbox() : undefined, () => {
        const mine = new Set(writes.map(({ request }) => request.outboxKey));
        options.setState({ entries: options.getState().entries.filter((entry) => !mine.has(entry.key)) });
        for (const { request, settle } of writes.splice(0)) {
          // One write's developer error must not hold up the others, nor the engine.
          let done: Promise<void>;
          try {
            done = arrived.write(request);
          } catch (error) {
            done = Promise.reject(error);
          }
          settle(done);
        }
        engine = arrived;
        for (const run of waiting.splice(0)) {
          run(arrived);
        }
      });
    }, (cause: unknown) => {
      // The chunk could not load (offline, say): what is protective is on the device already; the next
      // call that needs the engine tries again.
      loading = null;
      options.reportError(toRightsError(cause, 'write-failed', 'The write engine could not be loaded.'));
    });
  };
  /** Runs on the engine, at once when it is there, else once it has arrived. */
  const later = <T>(run: (arrived: WriteEngine) => T | Promise<T>): Promise<T> => {
    if (engine) {
      return Promise.resolve(run(engine));
    }
    start();
    return new Promise<T>((resolve, reject) => waiting.push((arrived) => Promise.resolve(run(arrived)).then(resolve, reject)));
  };
  /** Tells one slice what of the outbox it has seen is its own, valid entries only. */
  const preview = (slice: string) => {
    const handler = options.handler(slice);
    handler?.outboxChanged?.((previewed ?? []).filter((entry) => entry.slice === slice && (handler.validate?.(entry) ?? true)));
  };

  return {
    write(request) {
      if (engine) {
        return engine.write(request);
      }
      const any = request as unknown as WriteRequestOf<string>;
      assertWritable(any, options.adapter(any.adapter));
      any.apply?.();
      let queued: WriteRequestOf<string> = { ...any, apply: undefined };
      if (any.policy !== 'reducing') {
        const entry = entryOf(clock, any, any.policy);
        queued = { ...queued, outboxKey: entry.key, correlationId: entry.correlationId };
        // In the store, so it shows pending, and on the device before this returns. Should storing fail, the
        // engine stores it again when it arrives, and reports a failure then as for any write.
        options.setState({ entries: [...options.getState().entries, entry] });
        void attempt(() => options.outbox.put([entry]));
      }
      start();
      return new Promise<void>((resolve, reject) => writes.push({ request: queued, settle: (done) => void done.then(resolve, reject) }));
    },
    read(invoke) {
      return engine ? engine.read(invoke) : calls.attempt(options.loadTimeoutMs, (signal) => invoke({ signal }), 'read-failed');
    },
    call(run, callOptions) {
      return engine ? engine.call(run, callOptions) : calls.call(run, callOptions);
    },
    withdraw: (key) => later((arrived) => arrived.withdraw(key)),
    rehold: (key, holdMs) => later((arrived) => arrived.rehold(key, holdMs)),
    flush: (slice, stored) => later((arrived) => arrived.flush(slice, stored)),
    flushAll: () => later((arrived) => arrived.flushAll()),
    loadOutbox() {
      if (engine) {
        return engine.loadOutbox();
      }
      start();
      return andThen(
        calls.attempt(options.loadTimeoutMs, (signal) => options.outbox.load({ signal }), 'read-failed'),
        (outcome) => {
          const { entries, invalid } = outcome.ok ? parseOutboxEntries(outcome.value ?? []) : { entries: [], invalid: ['*'] };
          previewed = entries;
          // What cannot be read is as good as lost, for the slices' first read too: they show their protective
          // fallback. The engine reports it and sets it aside when it arrives.
          const unreadable = invalid.map((value) => {
            const slice = (value as { slice?: unknown } | null)?.slice;
            return typeof slice === 'string' ? slice : '*';
          });
          if (unreadable.length > 0) {
            options.setState({ unreadable: [...new Set([...options.getState().unreadable, ...unreadable])] });
          }
          options.slices().forEach(preview);
        },
      );
    },
    reloadOutbox() {
      // Before it arrives, the engine's own read of the outbox, still to come, takes in what changed.
      return engine?.reloadOutbox();
    },
    adoptSlice(slice) {
      if (engine) {
        return engine.adoptSlice(slice);
      }
      preview(slice);
      void later((arrived) => arrived.adoptSlice(slice));
    },
    connect() {
      const stopReader = lifecycle.connect(
        () => {},
        () => {},
      );
      let stop: (() => void) | null = null;
      let gone = false;
      void later((arrived) => {
        if (!gone) {
          stop = arrived.connect();
        }
      });
      return () => {
        gone = true;
        stopReader();
        stop?.();
      };
    },
    close() {
      lifecycle.close();
      void later((arrived) => arrived.close());
    },
  };
}
