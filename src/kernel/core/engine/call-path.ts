import type { AdapterName } from '../adapters/types.js';
import type { RightsClock } from '../clock.js';
import { RightsError, type RightsErrorCode } from '../errors.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import { isPromiseLike, type Awaitable } from '../types.js';
import type { EngineLifecycle } from './lifecycle.js';
import { attempt, type Outcome } from './outcome.js';

/** Options of {@link CallPath.call}. */
export interface CallOptions {
  /** Gives up after this many milliseconds. Default: the store's `writeTimeoutMs`. */
  timeoutMs?: number;
  /** The caller's own abort: the call is aborted and rejects with its reason. */
  signal?: AbortSignal;
  /** The code of the error a timeout rejects with. Default: `'write-failed'`. */
  code?: 'read-failed' | 'write-failed';
}

export interface CallPath {
  /** Calls an adapter with a timeout and an abort signal; a late answer counts as failed. Synchronous adapters stay synchronous. */
  attempt<T>(timeoutMs: number, invoke: (signal: AbortSignal) => Awaitable<T>, code?: RightsErrorCode, controller?: AbortController): Awaitable<Outcome<T>>;
  /** Sends one outbox entry through its adapter's method, with its idempotency key; `null` while that adapter is not there. */
  send(entry: OutboxEntry, controller?: AbortController): Awaitable<Outcome<unknown>> | null;
  call<T>(run: (signal: AbortSignal) => Awaitable<T>, options?: CallOptions): Promise<T>;
}

export function createCallPath(clock: RightsClock, lifecycle: EngineLifecycle, adapterOf: (name: AdapterName) => object | undefined, writeTimeoutMs: number): CallPath {
  const attemptCall = <T>(
    timeoutMs: number,
    invoke: (signal: AbortSignal) => Awaitable<T>,
    code: RightsErrorCode = 'write-failed',
    controller = new AbortController(),
  ): Awaitable<Outcome<T>> => {
    const immediate = attempt(() => invoke(controller.signal));
    if (!isPromiseLike(immediate)) {
      return immediate;
    }
    lifecycle.track(controller);
    return new Promise<Outcome<T>>((resolve) => {
      // Given up on (a timeout, an unmount, a later choice): failed at once, whatever the adapter does later.
      const giveUp = () => {
        clock.clearTimeout(timer);
        lifecycle.release(controller);
        resolve({ ok: false, error: controller.signal.reason, timedOut: true });
      };
      const timer = clock.setTimeout(() => controller.abort(new RightsError(code, `No answer within ${timeoutMs} ms.`)), timeoutMs);
      controller.signal.addEventListener('abort', giveUp, { once: true });
      void Promise.resolve(immediate).then((outcome) => {
        clock.clearTimeout(timer);
        lifecycle.release(controller);
        controller.signal.removeEventListener('abort', giveUp);
        resolve(controller.signal.aborted ? { ok: false, error: controller.signal.reason, timedOut: true } : outcome);
      });
    });
  };

  return {
    attempt: attemptCall,

    send(entry, controller) {
      const adapter = adapterOf(entry.adapter) as Record<string, unknown> | undefined;
      const method = adapter?.[entry.method];
      if (typeof method !== 'function') {
        // An entry read from the outbox whose adapter is not here yet (its slice is not registered) waits.
        return null;
      }
      const args = structuredClone(entry.args);
      return attemptCall(
        writeTimeoutMs,
        (signal) => (method as (...parameters: unknown[]) => unknown).call(adapter, ...args, { idempotencyKey: entry.key, signal }),
        'write-failed',
        controller,
      );
    },

    call(run, options = {}) {
      const { signal } = options;
      if (signal?.aborted) {
        return Promise.reject(signal.reason);
      }
      if (lifecycle.closed) {
        return Promise.reject(new RightsError(options.code ?? 'write-failed', 'The provider unmounted before this call was made.'));
      }
      const controller = new AbortController();
      const abort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', abort, { once: true });
      const outcome = attemptCall(options.timeoutMs ?? writeTimeoutMs, run, options.code ?? 'write-failed', controller);
      return Promise.resolve(outcome).then((result) => {
        signal?.removeEventListener('abort', abort);
        if (result.ok) {
          return result.value;
        }
        throw result.error;
      });
    },
  };
}
