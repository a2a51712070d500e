import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import type { GuardianPurpose } from './core/adapter.js';
import type { RightsFailure } from '../../kernel/core/errors.js';
import { checkSpending, type MinorAgeBand, type MinorModeSettings, type MinorModeSource, type MinorModeStatus, type SpendingCaps, type SpendingVerdict } from './core/model.js';
import { promptShownToday } from './core/usage-meter.js';
import { minorModeSlice, type EnterMinorModeOptions, type GuardianResult, type MinorModeAction, type MinorModeState } from './core/slice.js';
import type { RightsState } from '../../kernel/core/store/registry.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import { useSliceStatus, type SliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';

const NAME = 'useMinorMode';

/** Minor mode for any view, following the component contract (MIN 43). */
export interface UseMinorModeResult extends UseSliceStatusResult<MinorModeAction> {
  /** True once minor mode's stored state is known, or failed to load. */
  hydrated: boolean;
  /** A change of the guardian's is kept on this device and syncing. */
  syncNotice: boolean;
  /** The last failure, or `null`. Show it with `minorMode.failed.<action>`, else `errors.<code>`. */
  failure: RightsFailure<MinorModeAction> | null;
  /** Sends what is pending now, and reads minor mode's stored state again if it failed to load. */
  retry(): void;
  /** Whether minor mode is on. */
  on: boolean;
  /** Who turned it on, while on. */
  source: MinorModeSource | null;
  /** Whether the device's own minor mode is on. */
  device: boolean;
  /** On with the strictest band's defaults because the stored state could not be read. */
  fallback: boolean;
  /** The guardian's band, or `null` when it could not be read. */
  ageBand: MinorAgeBand | null;
  /** The band whose content the feed asks for. */
  contentBand: MinorAgeBand;
  settings: MinorModeSettings;
  /** The lock (`curfew` or `limit`), when it lifts, time left and the rest reminder. */
  status: MinorModeStatus;
  /** Minutes used today. */
  usedMinutes: number;
  /** The kit's trusted time at the last update. Views show times against `useRightsClock()` instead. */
  now: number;
  /** The platform's time zone. */
  timeZone: string;
  /** Whether a guardian PIN is set, and whether the platform checks the guardian itself instead. */
  hasPin: boolean;
  platformCheck: boolean;
  /** Until when the PIN is locked after too many wrong tries, or `null`. */
  pinLockedUntil: number | null;
  /** Turns minor mode on (protective: at once, never lost). */
  enter(options: EnterMinorModeOptions): Promise<void>;
  /** Asks for the guardian: the PIN, or the platform's own check. */
  verify(purpose: GuardianPurpose, pin?: string): Promise<GuardianResult>;
  /** Whether the guardian was verified within the last five minutes. */
  isVerified(): boolean;
  /** Leaves minor mode (reducing); needs the guardian verified. */
  exit(): Promise<boolean>;
  /** Changes settings: stricter at once; looser needs the guardian verified. */
  updateSettings(patch: Partial<MinorModeSettings>): Promise<boolean>;
  /** Grants extra minutes today; needs the guardian verified. */
  grantTime(minutes: number): boolean;
  /** Lifts tonight's curfew; needs the guardian verified. */
  exemptTonight(): Promise<boolean>;
  /** Sets the PIN, or changes it with the guardian verified. */
  setPin(pin: string): Promise<boolean>;
  /** Ends the guardian's verification. */
  endGuardianSession(): void;
  /** The user took the rest reminder. */
  dismissRest(): void;
  /** Whether the entry prompt was already shown today (in the platform's zone) on this device. */
  promptShownToday: boolean;
  /** The entry prompt is being shown: it is not shown again today on this device. */
  markPromptShown(): void;
}

/** Minor mode's state and actions, with no markup. */
export function useMinorMode(consumerName = NAME): UseMinorModeResult {
  const store = useRightsSlice(consumerName, minorModeSlice);
  const actions = useMemo(() => store.getState(), [store]);
  const status = useSliceStatus(consumerName, minorModeSlice);
  const minor = useRightsStore(consumerName, (state) => state.minorMode);
  return useMemo(() => resultOf(minor, status, actions), [minor, status, actions]);
}

function resultOf(minor: MinorModeState, status: SliceStatus<'minorMode'>, actions: RightsState): UseMinorModeResult {
  const now = minor.now;
  return {
    ...status,
    on: minor.on,
    source: minor.source,
    device: minor.device,
    fallback: minor.fallback,
    ageBand: minor.fallback ? null : minor.settings.ageBand,
    contentBand: minor.settings.ageBand,
    settings: minor.settings,
    status: minor.status,
    usedMinutes: Math.floor(minor.usage.usedMs / 60_000),
    now,
    timeZone: minor.timeZone,
    hasPin: minor.hasPin,
    platformCheck: minor.platformCheck,
    pinLockedUntil: minor.usage.lockedUntil !== null && minor.usage.lockedUntil > now ? minor.usage.lockedUntil : null,
    enter: (options) => actions.enterMinorMode(options),
    verify: (purpose, pin) => actions.verifyGuardian(purpose, pin),
    isVerified: () => actions.isGuardianVerified(),
    exit: () => actions.exitMinorMode(),
    updateSettings: (patch) => actions.updateMinorModeSettings(patch),
    grantTime: (minutes) => actions.grantMinorModeTime(minutes),
    exemptTonight: () => actions.exemptMinorModeTonight(),
    setPin: (pin) => actions.setMinorModePin(pin),
    endGuardianSession: () => actions.endGuardianSession(),
    dismissRest: () => actions.dismissRestReminder(),
    promptShownToday: promptShownToday(minor.usage, now, minor.timeZone),
    markPromptShown: () => actions.markMinorModePromptShown(),
  };
}

/** What {@link useSpendingGuard} gives a checkout. */
export interface UseSpendingGuardResult {
  /** Whether minor mode is on, so the caps apply. */
  active: boolean;
  caps: SpendingCaps;
  /** Spent today on this device, in the currency's smallest unit (分). */
  spentToday: number;
  /**
   * Checks a payment (分) against the caps (MIN 44): `allowed`, `needs-guardian` (ask with
   * `GuardianVerification purpose="spending"`), or `over-cap`. Always `allowed` outside minor mode. Your
   * server must enforce the caps too: this check runs on a device the child holds.
   */
  check(amount: number): SpendingVerdict;
  /** Adds a completed payment (分) to today's spending. */
  record(amount: number): void;
}

/**
 * Applies a zone given to a component (the deprecated `MinorModeGate` `timeZone`) over the provider's,
 * for platforms that set it there before the provider took it.
 */
export function useMinorModeTimeZone(consumerName: string, timeZone: string | undefined): void {
  const store = useRightsSlice(consumerName, minorModeSlice);
  useEffect(() => {
    if (timeZone) {
      store.getState().setMinorModeTimeZone(timeZone);
    }
  }, [store, timeZone]);
}

/** Spending caps for a checkout (MIN 44: 单次消费数额和单日累计消费数额). */
export function useSpendingGuard(): UseSpendingGuardResult {
  const store = useRightsSlice('useSpendingGuard', minorModeSlice);
  const { on, caps, spentToday } = useRightsStore(
    'useSpendingGuard',
    useShallow((state) => ({ on: state.minorMode.on, caps: state.minorMode.settings.spending, spentToday: state.minorMode.usage.spent })),
  );
  return useMemo(
    () => ({
      active: on,
      caps,
      spentToday,
      check: (amount: number) => (on ? checkSpending(caps, spentToday, amount) : 'allowed'),
      record: (amount: number) => store.getState().recordMinorModeSpending(amount),
    }),
    [on, caps, spentToday, store],
  );
}

/** Formats when use resumes (or the PIN unlocks), in the platform's zone: the time, and the date when it is another day. */
export function formatMinorModeTime(instant: number, now: number, locale: string, timeZone: string): string {
  const sameDay = (first: number, second: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(first) ===
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(second);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay(instant, now) ? {} : { month: 'long', day: 'numeric' }),
  }).format(instant);
}
