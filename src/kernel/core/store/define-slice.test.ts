import { describe, expect, test } from 'vitest';
import { createManualClock } from '../clock.js';
import { RightsError, type RightsFailure } from '../errors.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import type { Subscribe } from '../adapters/types.js';
import type { LoadState } from '../types.js';
import { createRightsStore } from '../../../store.js';
import { defineSlice, type SliceDescriptor } from './define-slice.js';

/** A slice that exists only in this test: a counter read from its adapter. */
interface CounterSlice {
  counter: { load: LoadState; failure: RightsFailure<'load' | 'upload'> | null; value: number };
  loadCounter(options?: { retry?: boolean }): void;
  retryCounter(): Promise<void>;
  dismissCounterFailure(): void;
  upload(signal?: AbortSignal): Promise<string>;
}
interface CounterAdapter {
  read(): number | Promise<number>;
  upload(signal: AbortSignal): Promise<string>;
  subscribe?: Subscribe;
}

declare module './registry.js' {
  interface RightsRegistry {
    counter: { state: CounterSlice; adapters: { counter?: CounterAdapter }; events: never; errors: never };
  }
}

const counterSlice: SliceDescriptor<CounterSlice, 'counter'> = defineSlice({
  name: 'counter',
  watch: 'counter',
  requiredMethods: { counter: ['read'] },
  advice: { counter: 'pass a counter adapter' },
  defaults: {},
  setup(kit) {
    return {
      state: { load: 'idle', failure: null, value: 0 },
      read: async () => {
        try {
          const value = await kit.adapter('counter').read();
          kit.update({ load: 'ready', value, failure: null });
        } catch {
          kit.update({ load: 'error', failure: { code: 'read-failed', action: 'load' } });
        }
      },
      actions: {
        loadCounter: kit.loadOnce,
        retryCounter: kit.retry,
        dismissCounterFailure: kit.dismissFailure,
        upload: (signal) => kit.call((inner) => kit.adapter('counter').upload(inner), { timeoutMs: 1000, code: 'write-failed', ...(signal ? { signal } : {}) }),
      },
    };
  },
});

function open(adapter: CounterAdapter) {
  const clock = createManualClock(0);
  const store = createRightsStore({ clock, adapters: { counter: adapter, outbox: createMemoryOutboxAdapter() }, slices: [counterSlice] });
  const stop = store.connect();
  return { store, clock, stop };
}

describe('defineSlice', () => {
  test('loadOnce reads once; after a failure only a retry reads again, and dismissFailure forgets the failure', async () => {
    let reads = 0;
    let fail = true;
    const { store, clock } = open({
      read: () => {
        reads += 1;
        if (fail) {
          throw new Error('offline');
        }
        return 7;
      },
      upload: () => Promise.resolve('a'),
    });
    store.getState().loadCounter();
    store.getState().loadCounter();
    await clock.settle();
    expect(reads).toBe(1);
    expect(store.getState().counter).toMatchObject({ load: 'error', failure: { code: 'read-failed', action: 'load' } });
    store.getState().loadCounter();
    expect(reads).toBe(1);
    fail = false;
    await store.getState().retryCounter();
    expect(store.getState().counter).toMatchObject({ load: 'ready', value: 7, failure: null });
    store.setState({ counter: { ...store.getState().counter, failure: { code: 'write-failed', action: 'upload' } } });
    store.getState().dismissCounterFailure();
    expect(store.getState().counter.failure).toBeNull();
  });

  test('the standard connect reads again when the adapter reports a change, and stops listening when disconnected', async () => {
    let value = 1;
    const listeners = new Set<() => void>();
    const { store, clock, stop } = open({
      read: () => value,
      upload: () => Promise.resolve('a'),
      subscribe: (onChange) => {
        listeners.add(onChange);
        return () => listeners.delete(onChange);
      },
    });
    store.getState().loadCounter();
    await clock.settle();
    value = 2;
    listeners.forEach((listener) => listener());
    await clock.settle();
    expect(store.getState().counter.value).toBe(2);
    stop();
    await clock.settle();
    expect(listeners.size).toBe(0);
  });

  test('kit.call aborts a call that outlives its timeout, or whose signal aborts, with a RightsError of its code', async () => {
    const signals: AbortSignal[] = [];
    const { store, clock } = open({ read: () => 0, upload: (signal) => (signals.push(signal), new Promise(() => {})) });
    const timedOut = store.getState().upload().catch((error: unknown) => error);
    await clock.advance(1000);
    expect(await timedOut).toBeInstanceOf(RightsError);
    expect(await timedOut).toMatchObject({ code: 'write-failed' });
    expect(signals[0]?.aborted).toBe(true);

    const controller = new AbortController();
    const aborted = store.getState().upload(controller.signal).catch((error: unknown) => error);
    controller.abort(new Error('the user closed the form'));
    expect(await aborted).toMatchObject({ code: 'write-failed' });
    expect(signals[1]?.aborted).toBe(true);
  });
});
