import type { RightsClock } from '../../../kernel/core/clock.js';
import type { MinorModeEvent } from './events.js';
import type { MinorModeUsage, TrustedTime } from './model.js';
import type { MinorModeState } from './state.js';
import { advanceUsage, nextWake, resumeAfter } from './usage-meter.js';

/** What the timer needs from its slice. */
export interface UsageTimerOptions {
  clock: RightsClock;
  time: TrustedTime;
  state(): MinorModeState;
  update(patch: Partial<MinorModeState>): void;
  saveUsage(usage: MinorModeUsage): void;
  event(type: MinorModeEvent['type'], details?: Pick<MinorModeEvent, 'reason'>): void;
}

/** The usage meter on the slice's clock: it counts when told, and wakes itself at the next moment the status changes. */
export interface UsageTimer {
  /** Counts the time since the last count, writes it down, and waits for the next change. */
  tick(): void;
  /** Waits for the next change from now, in place of any earlier wait. */
  schedule(): void;
  /** Counts from `now` on: what came before was not use (a read just settled). */
  restart(now: number): void;
  /** Runs `change` on the count as of now, then counts on from there. */
  recount(change: (usage: MinorModeUsage) => MinorModeUsage): void;
  /** The app came to the front or went away: time counts only in front; ten minutes away are a rest. */
  setForeground(foreground: boolean): void;
  /** Stops waiting. */
  stop(): void;
}

const loaded = (state: MinorModeState) => state.load === 'ready' || state.load === 'error';

export function createUsageTimer(options: UsageTimerOptions): UsageTimer {
  const { clock, time, state, update, event, saveUsage } = options;
  let lastTick = time.now();
  let hiddenAt: number | null = null;
  let timer: unknown = null;

  const stop = () => {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
  };

  const schedule = () => {
    stop();
    const current = state();
    const wait = loaded(current) ? nextWake(current.usage, current.status, time.now(), current) : null;
    if (wait !== null) {
      timer = clock.setTimeout(() => {
        timer = null;
        tick();
      }, wait);
    }
  };

  const tick = () => {
    const current = state();
    const now = time.now();
    const since = lastTick;
    lastTick = now;
    const next = advanceUsage(current.usage, current.settings, now, { on: current.on, foreground: current.foreground, status: current.status, since, timeZone: current.timeZone });
    for (const happened of next.events) {
      event(happened.type, happened.type === 'minorMode.locked' ? { reason: happened.reason } : {});
    }
    update({ usage: next.usage, status: next.status, now });
    // Nothing is written before the stored count is read, so a slow read is never overwritten.
    if (loaded(current)) {
      saveUsage(next.usage);
    }
    schedule();
  };

  return {
    tick,
    schedule,
    stop,
    restart(now) {
      lastTick = now;
    },
    recount(change) {
      tick();
      update({ usage: change(state().usage) });
      tick();
    },
    setForeground(foreground) {
      if (state().foreground === foreground) {
        return;
      }
      if (!foreground) {
        tick();
        hiddenAt = time.now();
        update({ foreground: false });
        schedule();
        return;
      }
      const away = hiddenAt === null ? 0 : time.now() - hiddenAt;
      lastTick = time.now();
      hiddenAt = null;
      update({ foreground: true, usage: resumeAfter(state().usage, away) });
      tick();
    },
  };
}
