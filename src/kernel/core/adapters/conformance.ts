import type { Awaitable } from '../types.js';
import type { WriteOptions } from './types.js';

/** The parts of a test runner the suites need; Vitest's and Jest's globals fit. */
export interface ConformanceRunner {
  describe(name: string, body: () => void): void;
  test(name: string, body: () => Promise<void>): void;
  beforeEach(body: () => Awaitable<void>): void;
  expect(actual: unknown): { toEqual(expected: unknown): void; toBeNull(): void };
}

let counter = 0;

/** Write options with a fresh key, or the given one, and a live signal. */
export function writeOptions(idempotencyKey = `conformance-${(counter += 1)}`): WriteOptions {
  return { idempotencyKey, signal: new AbortController().signal };
}

/** Write options whose signal is already aborted, as when the kit has given up on the attempt. */
export function abortedOptions(): WriteOptions {
  const controller = new AbortController();
  controller.abort(new Error('The kit stopped waiting.'));
  return { idempotencyKey: `conformance-aborted-${(counter += 1)}`, signal: controller.signal };
}

export const readOptions = () => ({ signal: new AbortController().signal });

/** Whether calling `run` threw or rejected. */
export async function fails(run: () => Awaitable<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch {
    return true;
  }
}
