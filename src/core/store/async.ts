import type { RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import { isPromiseLike, type Awaitable } from '../types.js';

/** The result of calling an adapter: its value, or what it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

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

/** Settles like `value`, or rejects when it takes longer than `milliseconds`: a backend that hangs counts as failed. */
export function withTimeout<T>(value: Awaitable<T>, milliseconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer within ${milliseconds} ms`)), milliseconds);
    Promise.resolve(value).then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Runs `task` after every earlier one has settled: writes reach the adapter in the order the user made them. */
export function createSerialQueue() {
  let tail: Promise<void> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task);
    tail = next.then(
      () => {},
      () => {},
    );
    return next;
  };
}

/** What every slice gets from the store: where events and errors go, the clock, and the write and retry timings. */
export interface SliceContext {
  emit(event: RightsEvent): void;
  reportError(error: RightsError): void;
  now(): Date;
  /** How long a write may take before it counts as failed. */
  writeTimeoutMs: number;
  /** Delay before the first retry; it doubles up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * Retries a slice's pending writes with backoff, only while a provider is
 * connected: `schedule` after a failure, `succeeded` after a write lands,
 * `now` to retry at once.
 */
export function createRetrySchedule(options: { context: SliceContext; isPending(): boolean; retry(): Promise<void> }) {
  const { context, isPending, retry } = options;
  let connections = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  const cancel = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
  const schedule = () => {
    if (timer !== null || connections === 0 || !isPending()) {
      return;
    }
    const delay = Math.min(context.retryDelayMs * 2 ** attempt, context.maxRetryDelayMs);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      void retry();
    }, delay);
  };
  return {
    schedule,
    succeeded() {
      attempt = 0;
    },
    now(): Promise<void> {
      cancel();
      return isPending() ? retry() : Promise.resolve();
    },
    /** Counts a connected provider and schedules what is pending; returns the disconnect. */
    connect(): () => void {
      connections += 1;
      schedule();
      return () => {
        connections -= 1;
        if (connections === 0) {
          cancel();
        }
      };
    },
  };
}
