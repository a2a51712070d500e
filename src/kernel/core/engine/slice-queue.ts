/**
 * Runs the tasks of one slice one after another, so writes reach the adapter in the order the user made
 * them. A round of sending that waits to start takes in the requests made meanwhile, so a burst of
 * writes is sent in one round.
 */
export interface SliceQueue {
  enqueue(slice: string, task: () => Promise<void>): Promise<void>;
  /** Queues a round that runs `send` once everything in `waitFor` (the device copies of new entries) is done. */
  round(slice: string, send: () => Promise<void>, stored?: Promise<unknown>): Promise<void>;
}

export function createSliceQueue(): SliceQueue {
  const queues = new Map<string, Promise<void>>();
  const waiting = new Map<string, { waitFor: Promise<unknown>[]; done: Promise<void> }>();
  const enqueue = (slice: string, task: () => Promise<void>): Promise<void> => {
    const next = (queues.get(slice) ?? Promise.resolve()).then(task);
    queues.set(
      slice,
      next.catch(() => {}),
    );
    return next;
  };
  return {
    enqueue,
    round(slice, send, stored) {
      const queued = waiting.get(slice);
      if (queued) {
        if (stored) {
          queued.waitFor.push(stored);
        }
        return queued.done;
      }
      const round = { waitFor: stored ? [stored] : [], done: Promise.resolve() };
      waiting.set(slice, round);
      round.done = enqueue(slice, async () => {
        waiting.delete(slice);
        await Promise.all(round.waitFor);
        await send();
      });
      return round.done;
    },
  };
}
