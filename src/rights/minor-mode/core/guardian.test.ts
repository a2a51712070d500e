import { describe, expect, test } from 'vitest';
import { usageForDay } from './model.js';
import { afterRightPin, afterWrongPin, callOnce } from './guardian.js';

const MINUTE = 60_000;

describe('callOnce: a call outside the outbox, through the engine', () => {
  test('goes through the engine’s own call path when the engine has one', async () => {
    const calls: unknown[] = [];
    const engine = {
      call<T>(run: (signal: AbortSignal) => T | PromiseLike<T>, options?: object): Promise<T> {
        calls.push(options);
        return Promise.resolve(run(new AbortController().signal));
      },
    };
    await expect(callOnce({ engine }, () => 'through the engine', { code: 'write-failed' })).resolves.toBe('through the engine');
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
