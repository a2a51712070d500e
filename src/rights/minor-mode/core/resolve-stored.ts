import type { DeviceMinorModeSignal } from './adapter.js';
import { toCalendarDate } from '../../../kernel/core/calendar.js';
import { toRightsError, type RightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import type { Outcome } from '../../../kernel/core/engine/write-engine.js';
import {
  STRICTEST_AGE_BAND,
  defaultMinorModeSettings,
  minorModeStatus,
  parseMinorModeRecord,
  usageForDay,
  type MinorAgeBand,
  type MinorModeRecord,
  type MinorModeUsage,
} from './model.js';
import type { MinorModeAction, MinorModeState } from './state.js';
import { emptyUsage, resumeAfter } from './usage-meter.js';

/** What else a read of minor mode's stored state is decided against. */
export interface StoredMinorModeRead {
  /** The first read of this visit (usage and the PIN read too), or a re-read: after a change elsewhere, or a retry after a failed load. */
  first: boolean;
  /** The records of writes still in the outbox: newer than what the adapter holds until confirmed. */
  pending: readonly unknown[];
  /** Whether this slice's earlier choices in the outbox on this device could not be read. */
  outboxUnreadable: boolean;
  /** The slice's state before the read. */
  previous: MinorModeState;
  /** The kit's trusted time, after what the usage read says time is at least. */
  now: number;
  hasPin: boolean;
  platformCheck: boolean;
}

/** What a read decides: the errors to report, in order, and the new state, or `null` when the read is older than what the slice holds. */
export interface ResolvedMinorMode {
  errors: RightsError[];
  patch: Partial<MinorModeState> | null;
}

/**
 * Decides minor mode from what was read. A record that cannot be read or was tampered with keeps minor mode
 * on with the strictest band's defaults (fails toward protection), unless it was read as off on this device
 * before and only the read failed; today's usage that cannot be read counts as used up while minor mode is on,
 * so deleting it never gives more time. `usage` is `null` on a re-read, which keeps the slice's own count. A
 * re-read after a failed load replaces the fallback as a first read would, and clears the load's failure.
 */
export function resolveStoredMinorMode(record: Outcome<unknown>, usage: Outcome<MinorModeUsage | null> | null, read: StoredMinorModeRead): ResolvedMinorMode {
  const { first, previous, now } = read;
  const timeZone = previous.timeZone;
  const errors: RightsError[] = [];
  let counted: MinorModeUsage | null = usage === null ? previous.usage : null;
  let usageError: RightsError | null = null;
  if (usage !== null) {
    if (usage.ok) {
      counted = usage.value;
    } else {
      usageError = toRightsError(usage.error, 'storage-invalid', "Minor mode's usage on this device could not be read.");
      errors.push(usageError);
    }
  }

  let stored: MinorModeRecord | null = null;
  let recordError: RightsError | null = null;
  if (record.ok) {
    try {
      stored = record.value === null ? null : parseMinorModeRecord(record.value);
    } catch (cause) {
      recordError = toRightsError(cause, 'storage-invalid', 'Stored minor mode is invalid.');
    }
  } else {
    recordError = toRightsError(record.error, 'read-failed', 'Minor mode could not be read.');
  }
  for (const args of read.pending) {
    try {
      const pending = parseMinorModeRecord(args);
      if (!stored || pending.revision > stored.revision) {
        stored = pending;
        recordError = null;
      }
    } catch {
      // The engine sets aside what it cannot validate.
    }
  }
  // After a failed load, what the slice holds is a fallback, not a read: the next read decides as a first would.
  const recovering = previous.fallback || previous.load === 'error' || previous.failure?.action === 'load';
  const again = !first && !recovering;
  if (first && !recovering && previous.revision > (stored?.revision ?? 0)) {
    // A write applied while the first read was out (an enter or an exit made meanwhile) is newer than what
    // the read found: it stands, and the read brings only usage and the PIN.
    if (recordError) {
      errors.push(recordError);
    }
    stored = { on: previous.on, source: previous.source ?? 'guardian', settings: previous.settings, revision: previous.revision };
    recordError = null;
  }
  if (again && stored && stored.revision <= previous.revision) {
    return { errors, patch: null };
  }
  if (again && recordError && (previous.load === 'idle' || previous.load === 'loading')) {
    // A re-read that fails while the first read is still out knows less than the first read will: nothing
    // was read yet to decide from, so minor mode stays being read (ads non-personalized) until that one ends.
    return { errors: [...errors, recordError], patch: null };
  }
  if (recordError) {
    errors.push(recordError);
  }

  // Unreadable while it may have been on: stays on with the strictest band, and says so.
  const keepOn = recordError !== null && (recordError.code !== 'read-failed' || counted === null || counted.on);
  const on = stored ? stored.on : keepOn || (again && previous.on);
  const settings = stored ? stored.settings : keepOn ? defaultMinorModeSettings(STRICTEST_AGE_BAND) : previous.settings;
  let nextUsage = counted ?? emptyUsage(now, timeZone);
  const today = toCalendarDate(now, timeZone);
  if (nextUsage.day !== today) {
    nextUsage = usageForDay(today, nextUsage, now);
  }
  if (first && counted) {
    nextUsage = resumeAfter(nextUsage, now - counted.lastRecordedAt);
  }
  if (usageError && on) {
    nextUsage = { ...nextUsage, usedMs: settings.dailyLimitMinutes * 60_000 };
  }
  const failure: RightsFailure<MinorModeAction> | null = recordError
    ? { code: recordError.code, action: 'load' }
    : usageError && on
      ? { code: usageError.code, action: 'usage' }
      : first && read.outboxUnreadable
        ? { code: 'outbox-unreadable', action: 'recover' }
        : previous.failure?.action === 'load'
          ? null
          : previous.failure;
  return {
    errors,
    patch: {
      load: recordError && !keepOn ? 'error' : 'ready',
      failure,
      on,
      source: stored ? (stored.on ? stored.source : null) : keepOn ? 'guardian' : on ? previous.source : null,
      settings,
      fallback: keepOn && !stored,
      revision: stored ? stored.revision : previous.revision,
      hasPin: read.hasPin,
      platformCheck: read.platformCheck,
      usage: { ...nextUsage, on },
      status: minorModeStatus(settings, nextUsage, now, timeZone),
      now,
    },
  };
}

/** What the device's own minor mode says for the app: whether it is on, and the band to enter with when the app's is off. */
export function resolveDeviceSignal(signal: DeviceMinorModeSignal | null | undefined, state: Pick<MinorModeState, 'on' | 'load'>): { device: boolean; enter: MinorAgeBand | null } {
  const device = signal?.on === true;
  // The device's one-key switch turns the app's minor mode on; turning it off leaves the app's as it is.
  const enter = device && !state.on && (state.load === 'ready' || state.load === 'error') ? (signal?.ageBand ?? STRICTEST_AGE_BAND) : null;
  return { device, enter };
}
