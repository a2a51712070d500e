import { describe, expect, test } from 'vitest';
import type { MemoryCell } from '../adapters/storage.js';
import { createManualClock } from '../clock.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import { choice, createHarness } from '../../../test-support/engine-harness.js';
import type { WriteRequestOf } from './write-engine.js';

describe('protective writes', () => {
  test('apply at once, reach the backend, leave the outbox once confirmed, and report synced', async () => {
    const world = createHarness();
    const applied: string[] = [];
    const written = world.engine.write(choice('off', { apply: () => void applied.push('off') }));
    expect(applied).toEqual(['off']);
    expect(world.pending()).toEqual(['off']);
    await written;
    await world.clock.settle();
    expect(world.backend.confirmed).toEqual(['off']);
    expect(world.pending()).toEqual([]);
    expect(world.device()).toEqual([]);
    expect(world.types()).toEqual(['choice.synced']);
    expect(world.confirmedBatches.flat().map(({ entry }) => entry.args[0])).toEqual(['off']);
  });

  test('are kept on a failing backend, here and on the device, retried with backoff and never rolled back', async () => {
    const world = createHarness();
    world.backend.mode = 'fail';
    let rolledBack = false;
    await world.engine.write(
      choice('off', {
        rollback: () => {
          rolledBack = true;
          return null;
        },
      }),
    );
    expect(world.pending()).toEqual(['off']);
    expect(world.device()).toEqual(['off']);
    expect(world.types()).toEqual(['choice.sync-pending']);
    await world.clock.advance(1000);
    expect(world.backend.calls).toHaveLength(2);
    // The second retry waits twice as long.
    await world.clock.advance(1000);
    expect(world.backend.calls).toHaveLength(2);
    world.backend.mode = 'answer';
    await world.clock.advance(1000);
    expect(world.backend.confirmed).toEqual(['off']);
    expect(world.pending()).toEqual([]);
    expect(world.device()).toEqual([]);
    expect(rolledBack).toBe(false);
    // Reported pending once, then synced: never rolled back.
    expect(world.types()).toEqual(['choice.sync-pending', 'choice.synced']);
    // Every attempt carried the same idempotency key.
    expect(new Set(world.backend.calls.map((call) => call.options.idempotencyKey)).size).toBe(1);
  });
});

describe('reducing writes', () => {
  test('are sent without entering the outbox, and report synced once confirmed', async () => {
    const world = createHarness();
    await world.engine.write(choice('on', { policy: 'reducing' }));
    expect(world.backend.confirmed).toEqual(['on']);
    expect(world.log).toEqual(['sent on']);
    expect(world.types()).toEqual(['choice.synced']);
  });

  test('are rolled back exactly when the backend fails, with a failure for the view, and the old value is put back as protective', async () => {
    const world = createHarness();
    world.backend.mode = 'fail';
    const shown: string[] = ['off'];
    await world.engine.write(
      choice('on', {
        policy: 'reducing',
        apply: () => void shown.push('on'),
        rollback: () => {
          shown.pop();
          return choice('off');
        },
      }),
    );
    expect(shown).toEqual(['off']);
    expect(world.failures).toContainEqual({ code: 'write-failed', action: 'choose' });
    expect(world.types()).toContain('choice.rolled-back');
    world.backend.mode = 'answer';
    await world.clock.advance(1000);
    // The backend may have stored `on` before failing: `off` is written back, and kept until it is confirmed.
    expect(world.backend.confirmed).toEqual(['off']);
    expect(world.pending()).toEqual([]);
    const rolledBack = world.events.find((event) => event.type === ('choice.rolled-back' as string));
    const compensating = world.confirmedBatches.flat()[0]?.entry;
    expect(compensating?.compensates).toBe(rolledBack?.correlationId);
  });
});

describe('submit-once writes', () => {
  test('are kept in the outbox with one idempotency key until the backend returns, and the slice gets the result', async () => {
    const world = createHarness();
    world.backend.mode = 'fail';
    await world.engine.write(choice('complaint', { policy: 'submit-once' }));
    expect(world.device()).toEqual(['complaint']);
    await world.clock.advance(1000);
    world.backend.mode = 'answer';
    await world.clock.advance(2000);
    expect(world.backend.calls.length).toBe(3);
    expect(new Set(world.backend.calls.map((call) => call.options.idempotencyKey)).size).toBe(1);
    expect(world.backend.confirmed).toEqual(['complaint']);
    expect(world.confirmedBatches.flat().map(({ entry }) => entry.policy)).toEqual(['submit-once']);
    expect(world.pending()).toEqual([]);
  });
});

describe('invariant: stored before sent', () => {
  test('a protective write does not reach the backend until the device holds it', async () => {
    let store: () => void = () => {};
    const world = createHarness({
      device: {
        put: () =>
          new Promise<void>((resolve) => {
            store = resolve;
          }),
      },
    });
    const written = world.engine.write(choice('off'));
    await world.clock.advance(10_000);
    expect(world.backend.calls).toHaveLength(0);
    store();
    await written;
    expect(world.log).toEqual(['stored off', 'sent off']);
  });
});

describe('invariant: what shows pending is on the device or marked unsaved', () => {
  test('a write confirmed while the rest of its round is out stays on the device until its batch is committed, whatever other slices do', async () => {
    const world = createHarness();
    world.backend.mode = 'hang';
    const first = world.engine.write(choice('first', { target: 'first' }));
    const second = world.engine.write(choice('second', { target: 'second' }));
    await world.clock.settle();
    world.backend.calls[0]?.answer();
    await world.clock.settle();
    expect(world.backend.calls.map((call) => call.value)).toEqual(['first', 'second']);
    // Another slice's round runs while `second` is out.
    void world.engine.write({ ...choice('elsewhere'), slice: 'other' } as unknown as WriteRequestOf<'choice'>);
    await world.clock.settle();
    expect(world.pending()).toContain('first');
    expect(world.device()).toContain('first');
    world.backend.calls.forEach((call) => call.answer());
    await Promise.all([first, second]);
    expect(world.pending()).toEqual([]);
    expect(world.device()).toEqual([]);
  });
});

describe('invariant: superseded only after the device let go', () => {
  test('an entry a new write makes obsolete stays pending here while the device still holds it', async () => {
    const deletions: (() => void)[] = [];
    const world = createHarness();
    world.backend.mode = 'fail';
    await world.engine.write(choice('old'));
    expect(world.pending()).toEqual(['old']);
    // From here the device lets go of entries only when the test says so.
    const cell = world.cell;
    const memory = createMemoryOutboxAdapter({ cell });
    const slow = createHarness({
      cell,
      device: {
        delete: (keys) =>
          new Promise<void>((resolve) => {
            deletions.push(() => resolve(memory.delete(keys)));
          }),
      },
    });
    slow.backend.mode = 'hang';
    await slow.engine.loadOutbox();
    expect(slow.pending()).toEqual(['old']);
    const written = slow.engine.write(choice('new', { supersede: (entry) => (entry.args[0] === 'old' ? 'drop' : 'keep') }));
    await slow.clock.settle();
    expect(slow.pending()).toEqual(['old', 'new']);
    expect(slow.device()).toEqual(['old']);
    expect(slow.backend.calls).toHaveLength(0);
    deletions.splice(0).forEach((release) => release());
    await slow.clock.settle();
    expect(slow.device()).toEqual(['new']);
    expect(slow.pending()).toEqual(['new']);
    slow.backend.calls.forEach((call) => call.answer());
    await slow.clock.settle();
    // The device forgets the confirmed entry too.
    deletions.splice(0).forEach((release) => release());
    await written;
    expect(slow.backend.confirmed).toEqual(['new']);
  });

  test('when the device cannot let go, the obsolete entry stays, here and there, and nothing is lost', async () => {
    const world = createHarness({ device: { delete: () => Promise.reject(new Error('The device is full.')) } });
    world.backend.mode = 'fail';
    await world.engine.write(choice('old'));
    await world.engine.write(choice('new', { supersede: (entry) => (entry.args[0] === 'old' ? 'drop' : 'keep') }));
    expect(world.pending()).toEqual(['old', 'new']);
    expect(world.failures).toContainEqual({ code: 'device-write-failed', action: 'persist' });
  });
});

describe('invariant: a reducing write overtaken by a protective one', () => {
  const reducing = (value: string) => choice(value, { policy: 'reducing', supersede: (entry) => (entry.target === 'choice' ? 'drop' : 'keep') });

  test('one not sent yet is dropped: only the protective choice reaches the backend', async () => {
    const world = createHarness();
    world.backend.mode = 'hang';
    // An earlier write holds the slice's queue, so the reducing one waits its turn.
    const first = world.engine.write(choice('first', { target: 'other' }));
    const opened = world.engine.write(reducing('on'));
    const closed = world.engine.write(choice('off'));
    await world.clock.settle();
    world.backend.mode = 'answer';
    world.backend.calls.forEach((call) => call.answer());
    await Promise.all([first, opened, closed]);
    expect(world.backend.confirmed).toEqual(['first', 'off']);
    expect(world.log.filter((line) => line.startsWith('sent'))).toEqual(['sent first', 'sent off']);
  });

  test('one already out is given up on, is not rolled back, and the protective choice is held until it has settled, then sent', async () => {
    const world = createHarness();
    world.backend.mode = 'hang';
    let rolledBack = false;
    const opened = world.engine.write({
      ...reducing('on'),
      rollback: () => {
        rolledBack = true;
        return null;
      },
    });
    await world.clock.settle();
    const out = world.backend.calls[0];
    expect(out?.value).toBe('on');
    world.backend.mode = 'answer';
    const closed = world.engine.write(choice('off'));
    // The later choice waits on the device with a lease, so another tab leaves it alone too.
    const stored = (world.cell.value as { entries: OutboxEntry[] }).entries;
    expect(stored.map((entry) => [entry.args[0], (entry.leaseUntil ?? 0) > world.clock.now()])).toEqual([['off', true]]);
    expect(out?.options.signal.aborted).toBe(true);
    await Promise.all([opened, closed]);
    await world.clock.settle();
    // A late answer to the given-up write cannot land after the protective one.
    out?.answer();
    expect(world.log.filter((line) => line.startsWith('sent'))).toEqual(['sent on', 'sent off']);
    expect(world.backend.confirmed.at(-1)).toBe('on');
    expect(world.backend.calls.at(-1)?.value).toBe('off');
    expect(rolledBack).toBe(false);
    expect(world.types()).not.toContain('choice.rolled-back');
    expect(world.pending()).toEqual([]);
  });
});

describe('invariant: a withdrawal during a hold', () => {
  test('a write held for undo is on the device at once, is not sent during its hold, and once withdrawn is never sent', async () => {
    const world = createHarness();
    void world.engine.write(choice('not-interested', { holdMs: 5000 }));
    await world.clock.advance(1000);
    expect(world.device()).toEqual(['not-interested']);
    expect(world.backend.calls).toHaveLength(0);
    const key = world.state().entries[0]?.key ?? '';
    await expect(world.engine.withdraw(key)).resolves.toBe(true);
    expect(world.pending()).toEqual([]);
    expect(world.device()).toEqual([]);
    await world.clock.advance(60_000);
    expect(world.backend.calls).toHaveLength(0);
  });

  test('a write whose hold has ended goes out and can no longer be withdrawn', async () => {
    const world = createHarness();
    void world.engine.write(choice('not-interested', { holdMs: 5000 }));
    await world.clock.settle();
    const key = world.state().entries[0]?.key ?? '';
    await world.clock.advance(5100);
    expect(world.backend.confirmed).toEqual(['not-interested']);
    await expect(world.engine.withdraw(key)).resolves.toBe(false);
  });

  test('a write held longer (rehold) waits, on the device too, and can still be withdrawn', async () => {
    const world = createHarness();
    void world.engine.write(choice('not-interested', { holdMs: 5000 }));
    await world.clock.advance(4000);
    const key = world.state().entries[0]?.key ?? '';
    await expect(world.engine.rehold(key, 5000)).resolves.toBe(true);
    await world.clock.advance(3000);
    expect(world.backend.calls).toHaveLength(0);
    expect(((world.cell.value as { entries: OutboxEntry[] }).entries[0]?.holdUntil ?? 0) > world.clock.now()).toBe(true);
    await expect(world.engine.withdraw(key)).resolves.toBe(true);
    await world.clock.advance(60_000);
    expect(world.backend.calls).toHaveLength(0);
  });
});

describe('entries stored by an earlier build', () => {
  test('an entry held for undo under its old name (notBefore) is held as long, can be withdrawn, and otherwise goes out when the hold ends', async () => {
    const clock = createManualClock();
    const old = (key: string, value: string) => ({
      key,
      slice: 'choice',
      action: 'choose',
      adapter: 'preferences',
      method: 'save',
      args: [value],
      policy: 'protective',
      target: `choice:${value}`,
      correlationId: `c-${key}`,
      createdAt: '2026-11-30T00:00:00.000Z',
      attempts: 0,
      notBefore: clock.now() + 5000,
    });
    const cell: MemoryCell = { value: { version: 1, entries: [old('k1', 'kept'), old('k2', 'withdrawn')] } };
    const world = createHarness({ cell });
    await world.engine.loadOutbox();
    void world.engine.flushAll();
    await world.clock.advance(4000);
    expect(world.backend.calls).toHaveLength(0);
    await expect(world.engine.withdraw('k2')).resolves.toBe(true);
    await world.clock.advance(2000);
    expect(world.backend.confirmed).toEqual(['kept']);
    expect(world.device()).toEqual([]);
  });
});

describe('invariant: a deferred close under StrictMode', () => {
  test('a close followed at once by a re-open neither drops nor repeats a write that is out', async () => {
    const world = createHarness();
    world.backend.mode = 'hang';
    const written = world.engine.write(choice('off'));
    await world.clock.settle();
    expect(world.backend.calls).toHaveLength(1);
    // StrictMode unmounts and remounts at once.
    world.stop();
    const stop = world.engine.connect();
    await world.clock.advance(0);
    expect(world.backend.calls[0]?.options.signal.aborted).toBe(false);
    world.backend.calls[0]?.answer();
    await written;
    await world.clock.advance(60_000);
    expect(world.backend.calls).toHaveLength(1);
    expect(world.backend.confirmed).toEqual(['off']);
    expect(world.pending()).toEqual([]);
    stop();
  });

  test('a close that stays closed aborts what is out and keeps it in the outbox for the next store, which sends it once', async () => {
    const world = createHarness();
    world.backend.mode = 'hang';
    void world.engine.write(choice('off'));
    await world.clock.settle();
    world.stop();
    await world.clock.advance(0);
    expect(world.backend.calls[0]?.options.signal.aborted).toBe(true);
    await world.clock.advance(60_000);
    expect(world.backend.calls).toHaveLength(1);
    expect(world.device()).toEqual(['off']);
    const next = createHarness({ cell: world.cell });
    await next.engine.loadOutbox();
    await next.engine.flushAll();
    expect(next.backend.confirmed).toEqual(['off']);
    expect(next.types()).toEqual(['choice.replayed', 'choice.synced']);
  });
});

describe('call(): calls that are never stored', () => {
  test('resolves with what run returns, in one attempt, and never enters the outbox', async () => {
    const world = createHarness();
    await expect(world.engine.call(() => 'checked')).resolves.toBe('checked');
    await expect(world.engine.call(async () => 42)).resolves.toBe(42);
    expect(world.log).toEqual([]);
    expect(world.pending()).toEqual([]);
    let tries = 0;
    await expect(
      world.engine.call(() => {
        tries += 1;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await world.clock.advance(60_000);
    expect(tries).toBe(1);
  });

  test('times out after the engine’s write timeout, aborts run’s signal and rejects with write-failed, or the code asked for', async () => {
    const world = createHarness();
    const signals: AbortSignal[] = [];
    const hanging = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<never>(() => {});
    };
    const writing = world.engine.call(hanging);
    const reading = world.engine.call(hanging, { timeoutMs: 1000, code: 'read-failed' });
    const settledAt: Record<string, number> = {};
    void writing.catch(() => void (settledAt.writing = world.clock.monotonic()));
    void reading.catch(() => void (settledAt.reading = world.clock.monotonic()));
    await world.clock.advance(5000);
    await expect(reading).rejects.toMatchObject({ name: 'RightsError', code: 'read-failed' });
    await expect(writing).rejects.toMatchObject({ name: 'RightsError', code: 'write-failed' });
    expect(settledAt).toEqual({ reading: 1000, writing: 5000 });
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
  });

  test('rejects with the caller’s reason when the caller aborts, and aborts run’s signal', async () => {
    const world = createHarness();
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const called = world.engine.call(
      (signal) => {
        seen = signal;
        return new Promise<never>(() => {});
      },
      { signal: caller.signal },
    );
    const reason = new Error('The user closed the dialog.');
    caller.abort(reason);
    await expect(called).rejects.toBe(reason);
    expect(seen?.aborted).toBe(true);
    // Already aborted: run is not even called.
    let ran = false;
    await expect(
      world.engine.call(
        () => {
          ran = true;
        },
        { signal: caller.signal },
      ),
    ).rejects.toBe(reason);
    expect(ran).toBe(false);
  });

  test('is aborted when the engine closes, at once or after the last provider has gone', async () => {
    const world = createHarness();
    const signals: AbortSignal[] = [];
    const hanging = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<never>(() => {});
    };
    const first = expect(world.engine.call(hanging)).rejects.toMatchObject({ name: 'RightsError', code: 'write-failed' });
    world.stop();
    await world.clock.advance(0);
    await first;
    const stop = world.engine.connect();
    const second = world.engine.call(hanging);
    world.engine.close();
    await expect(second).rejects.toMatchObject({ name: 'RightsError' });
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    stop();
  });

  test('an answer after the timeout is ignored', async () => {
    const world = createHarness();
    let answer: (value: string) => void = () => {};
    const called = expect(world.engine.call(() => new Promise<string>((resolve) => (answer = resolve)), { timeoutMs: 100 })).rejects.toMatchObject({
      code: 'write-failed',
    });
    await world.clock.advance(100);
    answer('too late');
    await called;
  });
});
