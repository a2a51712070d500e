import type { RightsClock } from '../clock.js';

/**
 * How a wrapped adapter misbehaves. Read at every call, so a test or a story
 * can change it while running (a backend that recovers).
 */
export interface AdapterFaults<Method extends string = string> {
  /** Delay every call by this many milliseconds. Default: 0. */
  latencyMs?: number;
  /** Methods that reject without doing anything, like a request refused by a server. */
  reject?: ReadonlyArray<Method>;
  /** Methods that never settle and do nothing, like a request to a server that does not answer. */
  hang?: ReadonlyArray<Method>;
  /** Methods that do their work, then reject: the server stored it, then the answer was lost. */
  commitThenReject?: ReadonlyArray<Method>;
  /** Methods that do their work, then never settle. */
  commitThenHang?: ReadonlyArray<Method>;
  /** Methods that throw synchronously, before returning a promise. */
  throwSync?: ReadonlyArray<Method>;
  /** The clock that times `latencyMs`. Default: the platform's timers. */
  clock?: Pick<RightsClock, 'setTimeout'>;
}

type MethodName<Adapter> = Extract<
  { [K in keyof Adapter]-?: NonNullable<Adapter[K]> extends (...args: never[]) => unknown ? K : never }[keyof Adapter],
  string
>;

const never = new Promise<never>(() => {});

/**
 * Wraps any adapter (preferences, tags, outbox, …) so that it is slow, fails,
 * hangs, or fails after doing its work: for stories and for testing how an
 * app behaves when its backend misbehaves. Methods the adapter lacks stay
 * absent; `subscribe` is passed through untouched.
 */
export function withAdapterFaults<Adapter extends object>(adapter: Adapter, faults: AdapterFaults<MethodName<Adapter>>): Adapter {
  const has = (list: ReadonlyArray<string> | undefined, method: string) => list?.includes(method) ?? false;
  const wait = (milliseconds: number) =>
    new Promise<void>((resolve) => (faults.clock?.setTimeout ?? globalThis.setTimeout)(resolve, milliseconds));
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(adapter)) {
    if (typeof value !== 'function' || name === 'subscribe') {
      wrapped[name] = value;
      continue;
    }
    const original = value as (...parameters: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (has(faults.throwSync, name)) {
        throw new Error(`Simulated synchronous failure of ${name}()`);
      }
      const faulty = [faults.hang, faults.reject, faults.commitThenHang, faults.commitThenReject].some((list) => has(list, name));
      if (!faults.latencyMs && !faulty) {
        // A well-behaved call stays as it is, synchronous where the adapter is.
        return original.apply(adapter, args);
      }
      return (async () => {
        if (faults.latencyMs) {
          await wait(faults.latencyMs);
        }
        if (has(faults.hang, name)) {
          return never;
        }
        if (has(faults.reject, name)) {
          throw new Error(`Simulated failure of ${name}()`);
        }
        const result = await original.apply(adapter, args);
        if (has(faults.commitThenHang, name)) {
          return never;
        }
        if (has(faults.commitThenReject, name)) {
          throw new Error(`Simulated lost answer of ${name}(), after it was carried out`);
        }
        return result;
      })();
    };
  }
  return wrapped as Adapter;
}
