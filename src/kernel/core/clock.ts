/**
 * The time the kit runs on. Core code never reads `Date.now()` or calls a
 * timer itself: it asks the clock, so tests drive it with fake time and, once
 * minor mode counts usage, moving the device clock cannot defeat a limit.
 */
export interface RightsClock {
  /** Wall-clock time in milliseconds since 1970, for timestamps and revisions. */
  now(): number;
  /** Milliseconds from an arbitrary start that never go backwards, for elapsed time. */
  monotonic(): number;
  /** Runs `callback` once after `milliseconds`; returns a handle for {@link RightsClock.clearTimeout}. */
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now()`, `performance.now()` and the platform's timers. */
export const systemClock: RightsClock = {
  now: () => Date.now(),
  monotonic: () => (typeof performance === 'undefined' ? Date.now() : performance.now()),
  setTimeout: (callback, milliseconds) => globalThis.setTimeout(callback, milliseconds),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A clock that moves only when told to: for tests of the store, and for your own tests of code built on it. */
export interface ManualClock extends RightsClock {
  /** Moves time forward, running every timer that falls due, in order, and letting promises settle between them. */
  advance(milliseconds: number): Promise<void>;
  /** Lets pending promises settle without moving time. */
  settle(): Promise<void>;
  /** Sets the wall clock (as a user changing the device's time does); the monotonic clock is unaffected. */
  setWallClock(milliseconds: number): void;
  /** How many timers are waiting. */
  readonly pendingTimers: number;
}

/** Creates a {@link ManualClock} starting at `start` (wall-clock milliseconds; default 2026-11-30T00:00:00Z). */
export function createManualClock(start = Date.UTC(2026, 10, 30)): ManualClock {
  let wall = start;
  let elapsed = 0;
  let sequence = 0;
  const timers = new Map<number, { due: number; callback: () => void; order: number }>();
  // One turn of the platform's event loop lets every chain of promises finish, however long.
  const nextTurn = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  const settle = () => new Promise<void>((resolve) => (nextTurn ? nextTurn(resolve) : globalThis.setTimeout(resolve, 0)));
  return {
    now: () => wall,
    monotonic: () => elapsed,
    setTimeout(callback, milliseconds) {
      sequence += 1;
      timers.set(sequence, { due: elapsed + Math.max(0, milliseconds), callback, order: sequence });
      return sequence;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    get pendingTimers() {
      return timers.size;
    },
    setWallClock(milliseconds) {
      wall = milliseconds;
    },
    settle,
    async advance(milliseconds) {
      const end = elapsed + milliseconds;
      await settle();
      for (;;) {
        let next: [number, { due: number; callback: () => void; order: number }] | undefined;
        for (const entry of timers) {
          if (entry[1].due <= end && (!next || entry[1].due < next[1].due || (entry[1].due === next[1].due && entry[1].order < next[1].order))) {
            next = entry;
          }
        }
        if (!next) {
          break;
        }
        timers.delete(next[0]);
        wall += next[1].due - elapsed;
        elapsed = next[1].due;
        next[1].callback();
        await settle();
      }
      wall += end - elapsed;
      elapsed = end;
      await settle();
    },
  };
}
