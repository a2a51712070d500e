import type { ReadOptions, Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { MinorAgeBand, MinorModeRecord, MinorModeUsage } from './model.js';

/** Why the kit asks for the guardian: to leave minor mode, change its settings, grant time, or approve a payment. */
export type GuardianPurpose = 'exit' | 'settings' | 'grant-time' | 'spending';

/** What the device's own minor mode says, when the platform can read it. */
export interface DeviceMinorModeSignal {
  /** Whether the device's minor mode is on. */
  on: boolean;
  /** The device's age band, if it has one; else the kit uses the strictest band until the guardian sets one. */
  ageBand?: MinorAgeBand;
}

/**
 * Keeps minor mode (未成年人模式, MIN 43) and the guardian's PIN. The record (on or off, the band, the
 * limits) is domain data the platform may keep on its backend; the usage (today's time, the lockout) is
 * this device's own count. The PIN never leaves the adapter: the kit hands it over to set or check it,
 * and the embedded adapters keep only a salted PBKDF2-SHA-256 hash.
 */
export interface MinorModeAdapter {
  /**
   * Reads minor mode. @returns the record, or `null` when it was never set up. Throw when the read
   * fails: if minor mode was on, the kit keeps it on with the strictest band's defaults and says so.
   */
  load(options: ReadOptions): Awaitable<MinorModeRecord | null>;
  /** Stores the record, replacing what is stored unless the stored one has a higher `revision`. Resolve once durable. */
  save(record: MinorModeRecord, options: WriteOptions): Awaitable<void>;
  /** Reads this device's usage, or `null` when there is none. Throw when it cannot be read: the kit then counts today's time as used. */
  loadUsage(options: ReadOptions): Awaitable<MinorModeUsage | null>;
  /** Stores this device's usage; the kit calls it about once a minute while the app is used. */
  saveUsage(usage: MinorModeUsage): Awaitable<void>;
  /** Whether a guardian PIN is set. */
  hasPin(options: ReadOptions): Awaitable<boolean>;
  /** Sets the guardian PIN. Store a salted, slow hash, never the PIN itself, and never log it. */
  setPin(pin: string, options: WriteOptions): Awaitable<void>;
  /** Whether `pin` is the guardian's. The kit counts wrong tries and locks the PIN after five. */
  verifyPin(pin: string, options: ReadOptions): Awaitable<boolean>;
  /**
   * Optional: the platform's own guardian check (a server-side password, a fingerprint or face check,
   * MMG 2024). Resolve `true` once the guardian passed it. With it, the kit asks no PIN.
   */
  verifyGuardian?(request: { purpose: GuardianPurpose }, options: ReadOptions): Awaitable<boolean>;
  /** Optional: the server's time, in milliseconds since 1970. With it, the device clock cannot move the curfew or the day. */
  serverTime?(options: ReadOptions): Awaitable<number>;
  /** Optional: the device's own minor mode (its one-key switch, MMG 2024). The kit follows it: when it turns on, so does the app. */
  deviceMinorMode?(): Awaitable<DeviceMinorModeSignal | null>;
  /** Optional: tells the kit when the record or the device's minor mode changed elsewhere. */
  subscribe?: Subscribe;
}
