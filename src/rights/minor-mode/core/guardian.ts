import type { GuardianPurpose } from './adapter.js';
import { RightsDeveloperError, RightsError, toRightsError } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import type { MinorModeEvent } from './events.js';
import type { SliceContext } from '../../../kernel/core/store/define-slice.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import { PIN_ATTEMPTS, VERIFIED_FOR_MS, pinLockoutMs, type MinorModeUsage, type TrustedTime } from './model.js';
import { isPinFormat } from './pin.js';
import type { GuardianResult, MinorModeState } from './state.js';

/*
 * The guardian: setting and checking the PIN, or the platform's own check, and the lockout after wrong
 * tries. None of these calls enters the outbox: a PIN must never be stored on the device in clear, and a
 * check is only worth its answer now. Each goes through one call path with a timeout and an abort.
 */

/** What one call outside the outbox takes: how long it may take, the caller's abort, and the error code when it fails. */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  code?: 'read-failed' | 'write-failed';
}

type Call = <T>(run: (signal: AbortSignal) => Awaitable<T>, options?: CallOptions) => Promise<T>;

/**
 * Calls `run` once, outside the outbox, through the engine's call path: a timeout (the engine's write
 * timeout unless `timeoutMs` says otherwise) and a real abort. Rejects with a `RightsError` of `code` when
 * it times out, or with what `run` threw. A PIN never enters the outbox (see `WriteEngine.call`).
 */
export function callOnce<T>(context: { engine: { call: Call } }, run: (signal: AbortSignal) => Awaitable<T>, options: CallOptions = {}): Promise<T> {
  return context.engine.call(run, options);
}

/** The count after a wrong PIN at `now`: one more failure, and the lockout from the fifth. */
export function afterWrongPin(usage: MinorModeUsage, now: number): MinorModeUsage {
  const failures = usage.failures + 1;
  return { ...usage, failures, lockedUntil: failures >= PIN_ATTEMPTS ? now + pinLockoutMs(failures) : null, lastRecordedAt: Math.max(usage.lastRecordedAt, now) };
}

/** The count after the right PIN: the failures and the lockout are forgotten. */
export function afterRightPin(usage: MinorModeUsage): MinorModeUsage {
  return { ...usage, failures: 0, lockedUntil: null };
}

/** What the guardian needs from its slice. */
export interface GuardianOptions {
  /** The slice's adapters, error reports and engine (its kit). */
  context: Pick<SliceContext, 'adapter' | 'reportError' | 'engine'>;
  time: TrustedTime;
  state(): MinorModeState;
  update(patch: Partial<MinorModeState>): void;
  saveUsage(usage: MinorModeUsage): void;
  event(type: MinorModeEvent['type'], details?: Pick<MinorModeEvent, 'purpose' | 'failures'>): void;
  /** The lockout's end is a moment the status may change: the slice wakes then. */
  schedule(): void;
}

/** The guardian of one slice. */
export interface Guardian {
  /** Asks for the guardian: the platform's check when it has one and no PIN is given, else the PIN. */
  verify(purpose: GuardianPurpose, pin?: string): Promise<GuardianResult>;
  /** Whether the guardian was verified within the last five minutes. */
  verified(): boolean;
  /** Whether `what` may go ahead; reports why not when it may not. */
  require(what: string): boolean;
  /** Sets the PIN; changing a PIN already set needs the guardian verified. */
  setPin(pin: string, firstTime: boolean): Promise<boolean>;
}

export function createGuardian(options: GuardianOptions): Guardian {
  const { context, time, state, update, saveUsage, event } = options;
  const adapter = () => context.adapter('minorMode');

  const verifiedNow = (purpose: GuardianPurpose): GuardianResult => {
    update({ verifiedUntil: time.now() + VERIFIED_FOR_MS });
    event('minorMode.guardian-verified', { purpose });
    return { status: 'verified' };
  };

  const cannotCheck = (error: unknown, message: string): GuardianResult => {
    context.reportError(toRightsError(error, 'read-failed', message));
    update({ failure: { code: 'read-failed', action: 'verify' } });
    return { status: 'refused' };
  };

  const platformCheck = async (purpose: GuardianPurpose): Promise<GuardianResult> => {
    const check = adapter().verifyGuardian;
    let passed = false;
    if (check) {
      try {
        passed = await callOnce(context, (signal) => check.call(adapter(), { purpose }, { signal }), { code: 'read-failed' });
      } catch (error) {
        return cannotCheck(error, "The platform's guardian check failed.");
      }
    }
    if (!passed) {
      event('minorMode.guardian-refused', { purpose });
      return { status: 'refused' };
    }
    return verifiedNow(purpose);
  };

  const pinCheck = async (purpose: GuardianPurpose, pin: string): Promise<GuardianResult> => {
    const { usage } = state();
    if (usage.lockedUntil !== null && usage.lockedUntil > time.now()) {
      return { status: 'locked', until: usage.lockedUntil };
    }
    let right: boolean;
    try {
      right = await callOnce(context, (signal) => adapter().verifyPin(pin, { signal }), { code: 'read-failed' });
    } catch (error) {
      return cannotCheck(error, 'The guardian PIN could not be checked.');
    }
    // From the count as it is now: it may have moved on while the PIN was being checked.
    if (right) {
      const next = afterRightPin(state().usage);
      update({ usage: next, verifiedUntil: time.now() + VERIFIED_FOR_MS, ...(state().failure?.action === 'verify' ? { failure: null } : {}) });
      saveUsage(next);
      event('minorMode.guardian-verified', { purpose });
      return { status: 'verified' };
    }
    const next = afterWrongPin(state().usage, time.now());
    update({ usage: next });
    saveUsage(next);
    event('minorMode.guardian-refused', { purpose, failures: next.failures });
    if (next.lockedUntil !== null) {
      event('minorMode.pin-locked', { purpose, failures: next.failures });
      options.schedule();
      return { status: 'locked', until: next.lockedUntil };
    }
    return { status: 'wrong', attemptsLeft: PIN_ATTEMPTS - next.failures };
  };

  const verified = () => {
    const until = state().verifiedUntil;
    return until !== null && until > time.now();
  };

  const require = (what: string) => {
    if (!verified()) {
      // Not a crash: the view asks for the guardian first; a caller that skipped it gets `false`.
      context.reportError(toRightsError(new Error(`${what} needs the guardian verified first.`), 'write-failed', `${what} needs the guardian verified first.`));
      return false;
    }
    return true;
  };

  return {
    verify: (purpose, pin) => (state().platformCheck && pin === undefined ? platformCheck(purpose) : pinCheck(purpose, pin ?? '')),
    verified,
    require,
    async setPin(pin, firstTime) {
      if (!isPinFormat(pin)) {
        throw new RightsDeveloperError('A guardian PIN has 4 to 6 digits; check it before setting it.');
      }
      if (!firstTime && state().hasPin && !require('Changing the PIN')) {
        return false;
      }
      try {
        await callOnce(context, (signal) => adapter().setPin(pin, { idempotencyKey: createCorrelationId(), signal }), { code: 'write-failed' });
      } catch (error) {
        context.reportError(toRightsError(error, 'write-failed', 'The guardian PIN could not be set.'));
        update({ failure: { code: 'write-failed', action: 'pin' } });
        return false;
      }
      update({ hasPin: true, ...(state().failure?.action === 'pin' ? { failure: null } : {}) });
      event('minorMode.pin-set');
      return true;
    },
  };
}
