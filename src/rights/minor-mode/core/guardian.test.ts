import { describe, expect, test } from 'vitest';
import { createManualClock } from '../../../kernel/core/clock.js';
import { RightsError } from '../../../kernel/core/errors.js';
import { usageForDay } from './model.js';
import { afterRightPin, afterWrongPin, callOnce } from './guardian.js';

const MINUTE = 60_000;

describe('callOnce: a call outside the outbox, with a timeout and an abort', () => {
  test('gives the answer', async () => {
    const clock = createManualClock();
    await expect(callOnce({ engine: {}, clock }, () => Promise.resolve(true))).resolves.toBe(true);
    await expect(callOnce({ engine: {}, clock }, () => 7)).resolves.toBe(7);
    expect(clock.pendingTimers).toBe(0);
  });

  test('an adapter that never answers fails with the call’s code once its time is up, and its signal is aborted', async () => {
    const clock = createManualClock();
    let seen: AbortSignal | null = null;
    const call = callOnce({ engine: {}, clock }, (signal) => ((seen = signal), new Promise<boolean>(() => {})), { timeoutMs: 5000, code: 'read-failed' });
    const settled = call.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await clock.advance(4999);
    expect(seen!.aborted).toBe(false);
    await clock.advance(1);
    const error = await settled;
    expect(error).toBeInstanceOf(RightsError);
    expect((error as RightsError).code).toBe('read-failed');
    expect(seen!.aborted).toBe(true);
  });

  test('the caller’s abort stops it at once', async () => {
    const clock = createManualClock();
    const caller = new AbortController();
    let seen: AbortSignal | null = null;
    const call = callOnce({ engine: {}, clock }, (signal) => ((seen = signal), new Promise<void>(() => {})), { signal: caller.signal });
    caller.abort(new Error('unmounted'));
    await expect(call).rejects.toThrow('unmounted');
    expect(seen!.aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  test('what the adapter throws, at once or later, is what the call rejects with', async () => {
    const clock = createManualClock();
    await expect(callOnce({ engine: {}, clock }, () => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(callOnce({ engine: {}, clock }, () => Promise.reject(new Error('async')))).rejects.toThrow('async');
  });

  test('goes through the engine’s own call path when the engine has one', async () => {
    const clock = createManualClock();
    const calls: unknown[] = [];
    const engine = {
      call<T>(run: (signal: AbortSignal) => T | PromiseLike<T>, options?: object): Promise<T> {
        calls.push(options);
        return Promise.resolve(run(new AbortController().signal));
      },
    };
    await expect(callOnce({ engine, clock }, () => 'through the engine', { code: 'write-failed' })).resolves.toBe('through the engine');
    expect(calls).toEqual([{ code: 'write-failed' }]);
  });
});

describe('the PIN lockout', () => {
  const usage = usageForDay('2026-11-30', null, 0);

  test('four wrong PINs count; the fifth locks for a minute, the sixth for two', () => {
    let count = usage;
    for (let wrong = 1; wrong <= 4; wrong += 1) {
      count = afterWrongPin(count, 1000);
      expect(count).toMatchObject({ failures: wrong, lockedUntil: null });
    }
    count = afterWrongPin(count, 1000);
    expect(count).toMatchObject({ failures: 5, lockedUntil: 1000 + MINUTE });
    expect(afterWrongPin(count, 2000)).toMatchObject({ failures: 6, lockedUntil: 2000 + 2 * MINUTE });
  });

  test('the right PIN forgets the failures and the lockout', () => {
    expect(afterRightPin({ ...usage, failures: 6, lockedUntil: 5000 })).toMatchObject({ failures: 0, lockedUntil: null });
  });
});
