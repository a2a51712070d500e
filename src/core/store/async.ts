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
