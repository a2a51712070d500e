export interface AdapterFaults<Method extends string = string> {
  /** Delay every call by this many milliseconds. Default: 0. */
  latencyMs?: number;
  /** Methods that reject. */
  reject?: ReadonlyArray<Method>;
  /** Methods that never settle, like a request to a server that does not answer. */
  hang?: ReadonlyArray<Method>;
}

type MethodName<Adapter> = Extract<
  { [K in keyof Adapter]-?: NonNullable<Adapter[K]> extends (...args: never[]) => unknown ? K : never }[keyof Adapter],
  string
>;

/**
 * Wraps any adapter (preferences, tags, …) so that it is slow, fails or
 * hangs: for stories and for testing how an app behaves when its backend
 * misbehaves. Methods the adapter lacks stay absent.
 */
export function withAdapterFaults<Adapter extends object>(adapter: Adapter, faults: AdapterFaults<MethodName<Adapter>>): Adapter {
  const misbehave = async (method: string): Promise<void> => {
    if (faults.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    }
    if ((faults.hang as readonly string[] | undefined)?.includes(method)) {
      await new Promise(() => {});
    }
    if ((faults.reject as readonly string[] | undefined)?.includes(method)) {
      throw new Error(`Simulated failure of ${method}()`);
    }
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(adapter)) {
    wrapped[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            await misbehave(name);
            return (value as (...parameters: unknown[]) => unknown).apply(adapter, args);
          }
        : value;
  }
  return wrapped as Adapter;
}
