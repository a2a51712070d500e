import type { RightsErrorCode } from '../../../kernel/core/errors.js';
import type { WriteStep } from '../../../kernel/core/events.js';
import type { GuardianPurpose } from './adapter.js';
import type { MinorAgeBand, MinorModeLockReason, MinorModeSource } from './model.js';

/**
 * What happened in minor mode (未成年人模式, MIN 43):
 * - `minorMode.entered` (from settings, the daily prompt or the device's signal), `minorMode.exited`,
 *   `minorMode.settings-changed`, `minorMode.time-granted`, `minorMode.pin-set`;
 * - `minorMode.guardian-verified`, `minorMode.guardian-refused` (a wrong PIN, or the platform's check
 *   failed), `minorMode.pin-locked` (too many wrong PINs);
 * - `minorMode.locked` (the curfew or the daily limit) and `minorMode.unlocked`, `minorMode.rest-reminded`;
 * - then the steps of the write (see {@link WriteStep}).
 * Never the PIN.
 */
export type MinorModeEventType =
  | 'minorMode.entered'
  | 'minorMode.exited'
  | 'minorMode.settings-changed'
  | 'minorMode.time-granted'
  | 'minorMode.pin-set'
  | 'minorMode.guardian-verified'
  | 'minorMode.guardian-refused'
  | 'minorMode.pin-locked'
  | 'minorMode.locked'
  | 'minorMode.unlocked'
  | 'minorMode.rest-reminded'
  | `minorMode.${WriteStep}`;

/** A minor-mode event: the band, the reason, minutes and counts, never the PIN. */
export interface MinorModeEvent {
  type: MinorModeEventType;
  /** The band after the action. */
  ageBand?: MinorAgeBand;
  /** Who turned it on, on `minorMode.entered`. */
  source?: MinorModeSource;
  /** What the guardian was asked for, on verification events. */
  purpose?: GuardianPurpose;
  /** Why the app locked, on `minorMode.locked`. */
  reason?: MinorModeLockReason;
  /** Minutes granted, on `minorMode.time-granted`. */
  minutes?: number;
  /** Wrong PINs in a row, on `minorMode.guardian-refused` and `minorMode.pin-locked`. */
  failures?: number;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}
