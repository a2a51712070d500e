import type { MinorModeAdapter } from './adapter.js';
import { andThen, attempt, type WriteEngine } from '../../../kernel/core/engine/write-engine.js';
import type { VisibilitySource } from '../../../kernel/core/visibility.js';
import type { MinorAgeBand, TrustedTime } from './model.js';
import { resolveDeviceSignal } from './resolve-stored.js';
import type { MinorModeState } from './state.js';

/** What minor mode's outside signals need from the slice. */
export interface SignalOptions {
  adapter: MinorModeAdapter;
  engine: Pick<WriteEngine, 'read'>;
  time: TrustedTime;
  /** The store's visibility source. */
  visibility: VisibilitySource;
  stopped(): boolean;
  state(): MinorModeState;
  update(patch: Partial<MinorModeState>): void;
  /** Turns minor mode on because the device's switch is on. */
  enter(ageBand: MinorAgeBand): void;
  setForeground(foreground: boolean): void;
  /** Counts again after the time changed. */
  recount(): void;
}

/** Minor mode's signals from outside the app's own storage, while the slice is connected. */
export interface MinorModeSignals {
  /** Reads the device's own minor mode, which turns the app's on. */
  readDevice(): void;
  /** Reads the server's time and starts following the visibility: after the first read of the stored state has started. */
  start(): void;
  stop(): void;
}

/**
 * Follows the device's own minor mode (when the adapter reads it), anchors time on the server's (when the
 * adapter has it), so the device clock cannot move the curfew or the day, and follows the app's visibility,
 * as time counts only while the app is in front.
 */
export function connectSignals(options: SignalOptions): MinorModeSignals {
  const { adapter, state, stopped, update, enter, time, recount, setForeground, engine, visibility } = options;

  const readDevice = () => {
    const signal = adapter.deviceMinorMode;
    if (signal) {
      void andThen(attempt(() => signal.call(adapter)), (outcome) => {
        if (!stopped() && outcome.ok) {
          const { device, enter: band } = resolveDeviceSignal(outcome.value, state());
          if (device !== state().device) {
            update({ device });
          }
          if (band) {
            enter(band);
          }
        }
      });
    }
  };

  const showing = () => setForeground(visibility.visible());
  let unsubscribe: (() => void) | undefined;

  return {
    readDevice,
    start() {
      const serverTime = adapter.serverTime;
      if (serverTime) {
        void andThen(engine.read((read) => serverTime.call(adapter, read)), (outcome) => {
          if (!stopped() && outcome.ok && typeof outcome.value === 'number' && Number.isFinite(outcome.value)) {
            time.setServerTime(outcome.value);
            recount();
          }
        });
      }
      showing();
      unsubscribe = visibility.subscribe(showing);
    },
    stop() {
      if (unsubscribe) {
        unsubscribe();
        // Stopped is away: time stops counting, and ten minutes of it are a rest.
        unsubscribe = undefined;
        setForeground(false);
      }
    },
  };
}
