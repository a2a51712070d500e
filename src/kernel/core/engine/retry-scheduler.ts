import type { RightsClock } from '../clock.js';

/**
 * When each slice's outbox is sent again: after a failure, with exponential backoff (`retryDelayMs`
 * doubling up to `maxRetryDelayMs`); after a known wait (an entry held for undo or leased by another
 * tab), at its end and without backoff. Only while a provider is connected.
 */
export interface RetryScheduler {
  /** Sends the slice again after `after` ms (a known wait), or after the next backoff step. */
  schedule(slice: string, after?: number): void;
  cancel(slice: string): void;
  cancelAll(): void;
  /** A round went through: the next failure starts the backoff again. */
  succeeded(slice: string): void;
}

export interface RetrySchedulerOptions {
  clock: RightsClock;
  connected(): boolean;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  run(slice: string): void;
}

export function createRetryScheduler(options: RetrySchedulerOptions): RetryScheduler {
  const { clock } = options;
  const retries = new Map<string, { timer: unknown; attempt: number }>();
  const cancel = (slice: string) => {
    const retry = retries.get(slice);
    if (retry?.timer !== null && retry?.timer !== undefined) {
      clock.clearTimeout(retry.timer);
      retry.timer = null;
    }
  };
  return {
    schedule(slice, after) {
      const retry = retries.get(slice) ?? { timer: null, attempt: 0 };
      retries.set(slice, retry);
      if (retry.timer !== null || !options.connected()) {
        return;
      }
      // A known wait is not a failure: no backoff.
      const delay = after ?? Math.min(options.retryDelayMs * 2 ** retry.attempt, options.maxRetryDelayMs);
      if (after === undefined) {
        retry.attempt += 1;
      }
      retry.timer = clock.setTimeout(() => {
        retry.timer = null;
        options.run(slice);
      }, delay);
    },
    cancel,
    cancelAll() {
      for (const slice of retries.keys()) {
        cancel(slice);
      }
    },
    succeeded(slice) {
      const retry = retries.get(slice);
      if (retry) {
        retry.attempt = 0;
      }
    },
  };
}
