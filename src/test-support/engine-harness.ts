import type { OutboxAdapter, WriteOptions } from '../kernel/core/adapters/types.js';
import type { MemoryCell } from '../kernel/core/adapters/storage.js';
import { createManualClock } from '../kernel/core/clock.js';
import { RightsError, type RightsFailure } from '../kernel/core/errors.js';
import type { RightsEvent } from '../kernel/core/events.js';
import type { OutboxEntry } from '../kernel/core/outbox/outbox.js';
import { createMemoryOutboxAdapter } from '../kernel/core/outbox/outbox-adapters.js';
import { createWriteEngine, type OutboxState, type WriteRequestOf } from '../kernel/core/engine/write-engine.js';

/*
 * For the engine's own tests. A fake slice, `choice`, writes one string value through
 * `preferences.save` on a fake backend that answers, fails or hangs as a test says. The device outbox
 * is a memory one; `log` records, in order, what reached the device and what reached the backend.
 */

type Answer = 'answer' | 'fail' | 'hang';

interface BackendCall {
  value: string;
  options: WriteOptions;
  answer(): void;
  fail(): void;
}

export function createHarness(options: { device?: Partial<Pick<OutboxAdapter, 'put' | 'delete'>>; cell?: MemoryCell } = {}) {
  const clock = createManualClock();
  const log: string[] = [];
  const cell = options.cell ?? { value: null };
  const memory = createMemoryOutboxAdapter({ cell });
  const outbox: OutboxAdapter = {
    ...memory,
    async put(entries) {
      await (options.device?.put ?? memory.put)(entries);
      log.push(...entries.map((entry) => `stored ${String(entry.args[0])}`));
    },
    async delete(keys) {
      await (options.device?.delete ?? memory.delete)(keys);
    },
  };
  const backend = {
    mode: 'answer' as Answer,
    calls: [] as BackendCall[],
    confirmed: [] as string[],
    save(value: string, writeOptions: WriteOptions): Promise<void> {
      log.push(`sent ${value}`);
      return new Promise<void>((resolve, reject) => {
        const call: BackendCall = {
          value,
          options: writeOptions,
          answer: () => {
            backend.confirmed.push(value);
            resolve();
          },
          fail: () => reject(new RightsError('write-failed', 'The backend failed.')),
        };
        backend.calls.push(call);
        if (backend.mode === 'answer') {
          call.answer();
        } else if (backend.mode === 'fail') {
          call.fail();
        }
      });
    },
  };
  let state: OutboxState = { load: 'ready', entries: [], unsaved: [], unreadable: [] };
  const events: RightsEvent[] = [];
  const errors: RightsError[] = [];
  const failures: (RightsFailure | null)[] = [];
  const confirmedBatches: { entry: OutboxEntry; result: unknown }[][] = [];
  const engine = createWriteEngine({
    clock,
    outbox,
    adapter: (name) => (name === 'preferences' ? backend : undefined),
    handler: (slice) =>
      slice === 'choice'
        ? {
            confirmed: (batch) => void confirmedBatches.push([...batch]),
            setFailure: (failure) => void failures.push(failure),
          }
        : undefined,
    slices: () => ['choice'],
    getState: () => state,
    setState: (patch) => {
      state = { ...state, ...patch };
    },
    emit: (event) => void events.push(event),
    reportError: (error) => void errors.push(error),
    writeTimeoutMs: 5000,
    loadTimeoutMs: 5000,
    retryDelayMs: 1000,
    maxRetryDelayMs: 60_000,
  });
  const stop = engine.connect();
  return {
    clock,
    log,
    cell,
    backend,
    engine,
    events,
    errors,
    failures,
    confirmedBatches,
    stop,
    state: () => state,
    /** The values waiting in the outbox on the device. */
    device: () => ((cell.value as { entries: OutboxEntry[] } | null)?.entries ?? []).map((entry) => String(entry.args[0])),
    pending: () => state.entries.map((entry) => String(entry.args[0])),
    types: () => events.map((event) => event.type as string),
  };
}

/** A write of the fake slice: protective unless told otherwise. */
export function choice(value: string, overrides: Partial<WriteRequestOf<'choice'>> = {}): WriteRequestOf<'choice'> {
  return { slice: 'choice', action: 'choose', policy: 'protective', adapter: 'preferences', method: 'save', args: [value], target: 'choice', details: { value }, ...overrides } as WriteRequestOf<'choice'>;
}
