import { isPromiseLike, type Awaitable } from '../types.js';

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
