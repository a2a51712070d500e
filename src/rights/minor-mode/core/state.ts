import type { GuardianPurpose } from './adapter.js';
import type { RightsFailure } from '../../../kernel/core/errors.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import type { LoadState } from '../../../kernel/core/types.js';
import { STRICTEST_AGE_BAND, defaultMinorModeSettings, minorModeStatus, type MinorAgeBand, type MinorModeSettings, type MinorModeSource, type MinorModeStatus, type MinorModeUsage } from './model.js';
import { emptyUsage } from './usage-meter.js';

/**
 * What a minor-mode failure is about: `load` (its stored state could not be read: it stays on, with the
 * strictest band's defaults, if it was on), `usage` (today's use could not be read: it counts as used up),
 * `exit` and `settings` (leaving or loosening could not be saved and was rolled back), `pin` (the PIN
 * could not be set), `verify` (the guardian check could not be made), `persist` (a choice could not be kept
 * on this device; it applies, is held in memory and retried), `recover` (choices kept on this device could
 * not be read).
 */
export type MinorModeAction = 'load' | 'usage' | 'exit' | 'settings' | 'pin' | 'verify' | 'persist' | 'recover';

/** The outcome of asking for the guardian. */
export type GuardianResult =
  | { status: 'verified' }
  /** A wrong PIN; `attemptsLeft` before the PIN locks. */
  | { status: 'wrong'; attemptsLeft: number }
  /** Too many wrong PINs: no try is taken until `until` (the kit's time, milliseconds since 1970). */
  | { status: 'locked'; until: number }
  /** The platform's check said no, or no check could be made (see the failure). */
  | { status: 'refused' };

/** The minor-mode slice's data. */
export interface MinorModeState {
  load: LoadState;
  failure: RightsFailure<MinorModeAction> | null;
  /** Whether minor mode is on. */
  on: boolean;
  /** Who turned it on, while on. */
  source: MinorModeSource | null;
  /** The guardian's settings (the chosen band's defaults until changed). */
  settings: MinorModeSettings;
  /** Minor mode is on with the strictest band's defaults because its stored state could not be read. */
  fallback: boolean;
  /** Whether a guardian PIN is set. */
  hasPin: boolean;
  /** Whether the platform checks the guardian itself (`verifyGuardian`), so no PIN is asked. */
  platformCheck: boolean;
  /** Whether the device's own minor mode is on. */
  device: boolean;
  revision: number;
  usage: MinorModeUsage;
  /** The lock, time left and the rest reminder, as of `now`. */
  status: MinorModeStatus;
  /** The kit's trusted time at the last update. */
  now: number;
  /** Whether the app is in the foreground: time counts only then. */
  foreground: boolean;
  /** Until when the guardian's last verification lets changes through, or `null`. */
  verifiedUntil: number | null;
  /** The platform's time zone for the curfew and the day: the provider's `timeZone`. Default: Asia/Shanghai. */
  timeZone: string;
}

/** What entering takes. */
export interface EnterMinorModeOptions {
  ageBand: MinorAgeBand;
  /** The guardian PIN to set (4 to 6 digits); not needed when the platform checks the guardian itself, or a PIN is set. */
  pin?: string;
}

/** The minor-mode slice: its data under `minorMode`, and its actions. */
export interface MinorModeSlice {
  minorMode: MinorModeState;
  /** Turns minor mode on with a band's defaults (protective: at once, never lost), then sets the PIN if given. */
  enterMinorMode(options: EnterMinorModeOptions & { source?: MinorModeSource }): Promise<void>;
  /** Asks for the guardian: the PIN, or the platform's own check when it has one. Five wrong PINs lock it for a growing delay. */
  verifyGuardian(purpose: GuardianPurpose, pin?: string): Promise<GuardianResult>;
  /** Whether the guardian was verified within the last five minutes. */
  isGuardianVerified(): boolean;
  /** Ends the guardian's verification, as when the console closes. */
  endGuardianSession(): void;
  /** Leaves minor mode (reducing): needs the guardian verified first; returns whether it went ahead. */
  exitMinorMode(): Promise<boolean>;
  /** Changes settings: a stricter change applies at once (protective); a looser one needs the guardian (reducing). */
  updateMinorModeSettings(patch: Partial<MinorModeSettings>): Promise<boolean>;
  /** Grants extra minutes for today; needs the guardian. */
  grantMinorModeTime(minutes: number): boolean;
  /** Lifts tonight's curfew (the night now, or the coming one); needs the guardian. */
  exemptMinorModeTonight(): Promise<boolean>;
  /** Sets or changes the guardian PIN; changing needs the guardian. */
  setMinorModePin(pin: string): Promise<boolean>;
  /** Tells the kit whether the app is in the foreground. The store's `visibility` source (the page's, by default) does this while the slice is connected. */
  setMinorModeForeground(foreground: boolean): void;
  /** Changes the platform's time zone from the store's `timeZone` (the provider's). */
  setMinorModeTimeZone(timeZone: string): void;
  /** The user took the rest reminder: a new 30 minutes starts. */
  dismissRestReminder(): void;
  /** The entry prompt was shown today. */
  markMinorModePromptShown(): void;
  /** Adds a payment to today's spending. */
  recordMinorModeSpending(amount: number): void;
  /** Reads the stored state again if it failed to load (keeping the strictest fallback until it reads), and sends pending writes now. */
  retryMinorMode(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissMinorModeFailure(): void;
}

/** The store with the minor-mode slice registered. */
export type RightsStateWithMinorMode = RightsState & MinorModeSlice;

/** What the feed asks for in minor mode: the guardian's band (`null` when it could not be read) and the content pool to use. */
export interface MinorContentPool {
  ageBand: MinorAgeBand | null;
  contentBand: MinorAgeBand;
}

/** Minor mode before anything is read: off, with the strictest band's defaults ready. */
export function offMinorModeState(now: number, timeZone: string): MinorModeState {
  const settings = defaultMinorModeSettings(STRICTEST_AGE_BAND);
  const usage = emptyUsage(now, timeZone);
  return {
    load: 'idle',
    failure: null,
    on: false,
    source: null,
    settings,
    fallback: false,
    hasPin: false,
    platformCheck: false,
    device: false,
    revision: 0,
    usage,
    status: minorModeStatus(settings, usage, now, timeZone),
    now,
    foreground: false,
    verifiedUntil: null,
    timeZone,
  };
}
