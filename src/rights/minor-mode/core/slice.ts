import type { StoreApi } from 'zustand/vanilla';
import { createLocalStorageMinorModeAdapter } from './adapters.js';
import type { GuardianPurpose, MinorModeAdapter } from './adapter.js';
import { RightsDeveloperError, toRightsError, type RightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { type MinorModeEvent } from './events.js';
import {
  PIN_ATTEMPTS,
  REST_AFTER_MS,
  REST_BREAK_MS,
  STRICTEST_AGE_BAND,
  VERIFIED_FOR_MS,
  curfewNight,
  defaultMinorModeSettings,
  inCurfew,
  isStricter,
  minorModeStatus,
  parseMinorModeRecord,
  parseMinorModeSettings,
  pinLockoutMs,
  trustedTime,
  untilCurfewChange,
  untilMidnight,
  usageForDay,
  type MinorAgeBand,
  type MinorModeRecord,
  type MinorModeSettings,
  type MinorModeSource,
  type MinorModeStatus,
  type MinorModeUsage,
  type TrustedTime,
} from './model.js';
import { isPinFormat } from './pin.js';
import type { LoadState } from '../../../kernel/core/types.js';
import { CHINA_TIME_ZONE, toCalendarDate } from '../../../kernel/core/calendar.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import type { SliceContext, SliceDescriptor } from '../../../kernel/core/store/define-slice.js';
import { andThen, attempt, type Outcome, type WriteRequest } from '../../../kernel/core/engine/write-engine.js';

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
  /** The platform's time zone for the curfew and the day. Default: Asia/Shanghai. */
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
  /** Tells the kit whether the app is in the foreground (`visibilitychange`). */
  setMinorModeForeground(foreground: boolean): void;
  /** Sets the platform's time zone. */
  setMinorModeTimeZone(timeZone: string): void;
  /** The user took the rest reminder: a new 30 minutes starts. */
  dismissRestReminder(): void;
  /** The entry prompt was shown today. */
  markMinorModePromptShown(): void;
  /** Adds a payment to today's spending. */
  recordMinorModeSpending(amount: number): void;
  retryMinorMode(): Promise<void>;
  dismissMinorModeFailure(): void;
}

/** The store with the minor-mode slice registered. */
export type RightsStateWithMinorMode = RightsState & MinorModeSlice;

const SLICE = 'minorMode';
const TARGET = 'minor-mode';
const TICK_MS = 60_000;

/** What the feed asks for in minor mode: the guardian's band (`null` when it could not be read) and the content pool to use. */
export interface MinorContentPool {
  ageBand: MinorAgeBand | null;
  contentBand: MinorAgeBand;
}

interface Runtime {
  time: TrustedTime;
  timer: unknown;
  lastTick: number;
  hiddenAt: number | null;
  usageLost: boolean;
  tick(): void;
  readDevice(): void;
}

const runtimes = new WeakMap<SliceContext, Runtime>();

function emptyUsage(now: number, timeZone: string): MinorModeUsage {
  return usageForDay(toCalendarDate(now, timeZone), null, now);
}

function offState(now: number): MinorModeState {
  const settings = defaultMinorModeSettings(STRICTEST_AGE_BAND);
  const usage = emptyUsage(now, CHINA_TIME_ZONE);
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
    status: minorModeStatus(settings, usage, now),
    now,
    foreground: false,
    verifiedUntil: null,
    timeZone: CHINA_TIME_ZONE,
  };
}

type Get = () => RightsStateWithMinorMode;
type Update = (patch: Partial<MinorModeState>) => void;

/** The minor-mode slice: registered by the first minor-mode component that renders. */
export const minorModeSlice: SliceDescriptor<MinorModeSlice> = {
  name: SLICE,
  requiredMethods: { minorMode: ['load', 'save', 'loadUsage', 'saveUsage', 'hasPin', 'setPin', 'verifyPin'] },
  advice: {
    minorMode: 'start from createLocalStorageMinorModeAdapter() or createMemoryMinorModeAdapter(), and check yours with runMinorModeAdapterConformance()',
  },
  defaults: { minorMode: () => createLocalStorageMinorModeAdapter() },

  create(context) {
    return (rawSet, rawGet) => {
      const get = rawGet as Get;
      const set = rawSet as (partial: (state: RightsStateWithMinorMode) => Partial<RightsStateWithMinorMode>) => void;
      const update: Update = (patch) => set((state) => ({ minorMode: { ...state.minorMode, ...patch } }));
      const adapter = () => context.adapter('minorMode') as MinorModeAdapter;
      const time = trustedTime(context.clock);
      const mine = () => get().minorMode;
      const event = (type: MinorModeEvent['type'], details: Omit<MinorModeEvent, 'type' | 'timestamp' | 'correlationId'> = {}, correlationId = createCorrelationId()) =>
        context.emit({ ...details, type, timestamp: context.timestamp(), correlationId });

      const saveUsage = (usage: MinorModeUsage) => {
        void andThen(
          attempt(() => adapter().saveUsage(usage)),
          (outcome) => {
            if (!outcome.ok) {
              context.reportError(toRightsError(outcome.error, 'device-write-failed', "Minor mode's usage could not be kept on this device."));
              update({ failure: { code: 'device-write-failed', action: 'persist' } });
            }
          },
        );
      };

      /** Counts the time since the last tick, rolls the day over, and re-derives the lock and the reminder. */
      const tick = () => {
        const state = mine();
        const now = time.now();
        const runtime = runtimes.get(context);
        const delta = runtime ? Math.max(0, now - runtime.lastTick) : 0;
        if (runtime) {
          runtime.lastTick = now;
        }
        let usage = state.usage;
        const day = toCalendarDate(now, state.timeZone);
        if (usage.day !== day) {
          usage = usageForDay(day, usage, now);
        }
        if (state.on && state.foreground && state.status.lock === null) {
          usage = { ...usage, usedMs: usage.usedMs + delta, continuousMs: usage.continuousMs + delta };
        }
        usage = { ...usage, lastRecordedAt: Math.max(now, usage.lastRecordedAt), on: state.on };
        const status = minorModeStatus(state.settings, usage, now, state.timeZone);
        if (state.on && status.lock !== state.status.lock) {
          event(status.lock ? 'minorMode.locked' : 'minorMode.unlocked', status.lock ? { reason: status.lock } : {});
        }
        if (state.on && status.restDue && !state.status.restDue) {
          event('minorMode.rest-reminded');
        }
        update({ usage, status, now });
        if (state.on || usage !== state.usage) {
          saveUsage(usage);
        }
        schedule();
      };

      /** Wakes at the next moment something changes: time up, the rest reminder, 22:00 or 06:00, midnight, or a minute on. */
      const schedule = () => {
        const runtime = runtimes.get(context);
        if (!runtime) {
          return;
        }
        if (runtime.timer !== null) {
          context.clock.clearTimeout(runtime.timer);
          runtime.timer = null;
        }
        const state = mine();
        if (!state.on || !state.foreground || (state.load !== 'ready' && state.load !== 'error')) {
          return;
        }
        const now = time.now();
        const waits = [untilCurfewChange(now, state.timeZone), untilMidnight(now, state.timeZone)];
        if (state.status.lock === null) {
          // Time counts only while unlocked: a minute at a time, so a reload loses at most a minute of it.
          waits.push(TICK_MS, state.status.remainingMs);
          if (state.usage.continuousMs < REST_AFTER_MS) {
            waits.push(REST_AFTER_MS - state.usage.continuousMs);
          }
        }
        if (state.usage.lockedUntil !== null && state.usage.lockedUntil > now) {
          waits.push(state.usage.lockedUntil - now);
        }
        const wait = Math.max(1, Math.min(...waits.filter((value) => value > 0)));
        runtime.timer = context.clock.setTimeout(() => {
          runtime.timer = null;
          tick();
        }, wait);
      };

      const nextRevision = () => Math.max(mine().revision + 1, Math.floor(time.now()));

      /** Writes the record through the engine: protective when it protects at least as much, else reducing with an exact rollback. */
      const writeRecord = (next: MinorModeRecord, action: MinorModeAction, protective: boolean, details: Omit<MinorModeEvent, 'type' | 'timestamp' | 'correlationId'>, apply: () => void) => {
        const before = { on: mine().on, source: mine().source, settings: mine().settings, revision: mine().revision, fallback: mine().fallback };
        const correlationId = createCorrelationId();
        const request: WriteRequest = {
          slice: SLICE,
          action,
          policy: protective ? 'protective' : 'reducing',
          adapter: 'minorMode',
          method: 'save',
          args: [next],
          target: TARGET,
          details,
          correlationId,
          apply() {
            const failure = mine().failure;
            update({
              on: next.on,
              source: next.on ? next.source : null,
              settings: next.settings,
              revision: next.revision,
              fallback: false,
              ...(failure && failure.action !== 'usage' ? { failure: null } : {}),
            });
            apply();
            tick();
          },
          rollback() {
            if (mine().revision !== next.revision) {
              return null;
            }
            const back: MinorModeRecord = { on: before.on, source: before.source ?? 'guardian', settings: before.settings, revision: next.revision + 1 };
            update({ on: before.on, source: before.source, settings: before.settings, revision: back.revision, fallback: before.fallback });
            tick();
            return { slice: SLICE, action, policy: 'protective', adapter: 'minorMode', method: 'save', args: [back], target: TARGET, details };
          },
          supersede: (entry) => (entry.method === 'save' ? 'drop' : 'keep'),
        };
        return context.engine.write(request);
      };

      const verified = () => {
        const until = mine().verifiedUntil;
        return until !== null && until > time.now();
      };

      const requireVerified = (what: string) => {
        if (!verified()) {
          // Not a crash: the view asks for the guardian first; a caller that skipped it gets `false`.
          context.reportError(toRightsError(new Error(`${what} needs the guardian verified first.`), 'write-failed', `${what} needs the guardian verified first.`));
          return false;
        }
        return true;
      };

      const enter = (options: EnterMinorModeOptions & { source?: MinorModeSource }) => {
        if (options.pin !== undefined && !isPinFormat(options.pin)) {
          throw new RightsDeveloperError('A guardian PIN has 4 to 6 digits; check it before calling enterMinorMode().');
        }
        const source = options.source ?? 'guardian';
        const settings = mine().on ? mine().settings : defaultMinorModeSettings(options.ageBand);
        const record: MinorModeRecord = { on: true, source, settings: { ...settings, ageBand: mine().on ? settings.ageBand : options.ageBand }, revision: nextRevision() };
        const written = writeRecord(record, 'settings', true, { ageBand: record.settings.ageBand, source }, () => {
          event('minorMode.entered', { ageBand: record.settings.ageBand, source });
        });
        const pin = options.pin;
        if (pin === undefined || mine().hasPin) {
          return written;
        }
        return Promise.all([written, setPin(pin, true)]).then(() => undefined);
      };

      const setPin = async (pin: string, firstTime: boolean): Promise<boolean> => {
        if (!isPinFormat(pin)) {
          throw new RightsDeveloperError('A guardian PIN has 4 to 6 digits; check it before setting it.');
        }
        if (!firstTime && mine().hasPin && !requireVerified('Changing the PIN')) {
          return false;
        }
        const outcome = await attempt(() => adapter().setPin(pin, { idempotencyKey: createCorrelationId(), signal: new AbortController().signal }));
        if (!outcome.ok) {
          context.reportError(toRightsError(outcome.error, 'write-failed', 'The guardian PIN could not be set.'));
          update({ failure: { code: 'write-failed', action: 'pin' } });
          return false;
        }
        update({ hasPin: true, ...(mine().failure?.action === 'pin' ? { failure: null } : {}) });
        event('minorMode.pin-set');
        return true;
      };

      context.handle({
        validate: (entry) => {
          try {
            parseMinorModeRecord(entry.args[0]);
            return entry.method === 'save';
          } catch {
            return false;
          }
        },
        setFailure(failure, onlyIfAction) {
          if (onlyIfAction === undefined || mine().failure?.action === onlyIfAction) {
            update({ failure: failure as RightsFailure<MinorModeAction> | null });
          }
        },
      });

      runtimes.set(context, {
        time,
        timer: null,
        lastTick: time.now(),
        hiddenAt: null,
        usageLost: false,
        tick,
        readDevice: () => {},
      });

      return {
        minorMode: offState(time.now()),

        enterMinorMode: enter,

        async verifyGuardian(purpose, pin) {
          const now = time.now();
          const { usage } = mine();
          if (mine().platformCheck && pin === undefined) {
            const check = adapter().verifyGuardian;
            const outcome = check ? await attempt(() => check.call(adapter(), { purpose }, { signal: new AbortController().signal })) : ({ ok: true, value: false } as Outcome<boolean>);
            if (!outcome.ok) {
              context.reportError(toRightsError(outcome.error, 'read-failed', "The platform's guardian check failed."));
              update({ failure: { code: 'read-failed', action: 'verify' } });
              return { status: 'refused' };
            }
            if (!outcome.value) {
              event('minorMode.guardian-refused', { purpose });
              return { status: 'refused' };
            }
            update({ verifiedUntil: time.now() + VERIFIED_FOR_MS });
            event('minorMode.guardian-verified', { purpose });
            return { status: 'verified' };
          }
          if (usage.lockedUntil !== null && usage.lockedUntil > now) {
            return { status: 'locked', until: usage.lockedUntil };
          }
          const outcome = await attempt(() => adapter().verifyPin(pin ?? '', { signal: new AbortController().signal }));
          if (!outcome.ok) {
            context.reportError(toRightsError(outcome.error, 'read-failed', 'The guardian PIN could not be checked.'));
            update({ failure: { code: 'read-failed', action: 'verify' } });
            return { status: 'refused' };
          }
          const current = mine().usage;
          if (outcome.value) {
            const next = { ...current, failures: 0, lockedUntil: null };
            update({ usage: next, verifiedUntil: time.now() + VERIFIED_FOR_MS, ...(mine().failure?.action === 'verify' ? { failure: null } : {}) });
            saveUsage(next);
            event('minorMode.guardian-verified', { purpose });
            return { status: 'verified' };
          }
          const failures = current.failures + 1;
          const lockedUntil = failures >= PIN_ATTEMPTS ? time.now() + pinLockoutMs(failures) : null;
          const next = { ...current, failures, lockedUntil, lastRecordedAt: Math.max(current.lastRecordedAt, time.now()) };
          update({ usage: next });
          saveUsage(next);
          event('minorMode.guardian-refused', { purpose, failures });
          if (lockedUntil !== null) {
            event('minorMode.pin-locked', { purpose, failures });
            schedule();
            return { status: 'locked', until: lockedUntil };
          }
          return { status: 'wrong', attemptsLeft: PIN_ATTEMPTS - failures };
        },

        isGuardianVerified: verified,

        endGuardianSession() {
          if (mine().verifiedUntil !== null) {
            update({ verifiedUntil: null });
          }
        },

        async exitMinorMode() {
          if (!mine().on) {
            return true;
          }
          if (!requireVerified('Leaving minor mode')) {
            return false;
          }
          const record: MinorModeRecord = { on: false, source: mine().source ?? 'guardian', settings: mine().settings, revision: nextRevision() };
          const ageBand = mine().settings.ageBand;
          await writeRecord(record, 'exit', false, { ageBand }, () => {
            update({ verifiedUntil: null });
            event('minorMode.exited', { ageBand });
          });
          return !mine().on;
        },

        async updateMinorModeSettings(patch) {
          const previous = mine().settings;
          const settings = parseMinorModeSettings({ ...previous, ...patch, spending: { ...previous.spending, ...patch.spending } });
          const protective = isStricter(settings, previous);
          if (!protective && !requireVerified('Loosening minor mode')) {
            return false;
          }
          const record: MinorModeRecord = { on: mine().on, source: mine().source ?? 'guardian', settings, revision: nextRevision() };
          await writeRecord(record, 'settings', protective, { ageBand: settings.ageBand }, () => {
            event('minorMode.settings-changed', { ageBand: settings.ageBand });
          });
          return mine().revision >= record.revision;
        },

        grantMinorModeTime(minutes) {
          if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 1440) {
            throw new RightsDeveloperError('grantMinorModeTime() takes whole minutes, from 1 to 1440.');
          }
          if (!requireVerified('Granting time')) {
            return false;
          }
          tick();
          const usage = { ...mine().usage, grantedMs: mine().usage.grantedMs + minutes * 60_000 };
          update({ usage });
          event('minorMode.time-granted', { minutes });
          tick();
          return true;
        },

        async exemptMinorModeTonight() {
          const now = time.now();
          const night = inCurfew(now, mine().timeZone) ? curfewNight(now, mine().timeZone) : toCalendarDate(now, mine().timeZone);
          if (!requireVerified('Lifting the curfew')) {
            return false;
          }
          return get().updateMinorModeSettings({ curfewExemptNight: night });
        },

        setMinorModePin: (pin) => setPin(pin, !mine().hasPin),

        setMinorModeForeground(foreground) {
          const runtime = runtimes.get(context);
          if (mine().foreground === foreground) {
            return;
          }
          if (!foreground) {
            tick();
            if (runtime) {
              runtime.hiddenAt = time.now();
            }
            update({ foreground: false });
            schedule();
            return;
          }
          const away = runtime?.hiddenAt === null || runtime?.hiddenAt === undefined ? 0 : time.now() - runtime.hiddenAt;
          if (runtime) {
            runtime.lastTick = time.now();
            runtime.hiddenAt = null;
          }
          update({ foreground: true, ...(away >= REST_BREAK_MS ? { usage: { ...mine().usage, continuousMs: 0 } } : {}) });
          tick();
        },

        setMinorModeTimeZone(timeZone) {
          if (mine().timeZone === timeZone) {
            return;
          }
          toCalendarDate(0, timeZone);
          update({ timeZone });
          tick();
        },

        dismissRestReminder() {
          tick();
          update({ usage: { ...mine().usage, continuousMs: 0 } });
          tick();
        },

        markMinorModePromptShown() {
          const usage = { ...mine().usage, promptDay: toCalendarDate(time.now(), mine().timeZone) };
          update({ usage });
          saveUsage(usage);
        },

        recordMinorModeSpending(amount) {
          if (!Number.isInteger(amount) || amount < 0) {
            throw new RightsDeveloperError('recordMinorModeSpending() takes an amount in the smallest unit of the currency (分), a whole number.');
          }
          tick();
          const usage = { ...mine().usage, spent: mine().usage.spent + amount };
          update({ usage });
          saveUsage(usage);
        },

        async retryMinorMode() {
          if (mine().load === 'error') {
            runtimes.get(context)?.readDevice();
          }
          await context.engine.flush(SLICE);
        },

        dismissMinorModeFailure() {
          if (mine().failure) {
            update({ failure: null });
          }
        },
      };
    };
  },

  starting(store) {
    const typed = store as unknown as StoreApi<RightsStateWithMinorMode>;
    if (typed.getState().minorMode.load === 'idle') {
      typed.setState((state) => ({ minorMode: { ...state.minorMode, load: 'loading' } }));
    }
  },

  connect(store, context) {
    const typed = store as unknown as StoreApi<RightsStateWithMinorMode>;
    const runtime = runtimes.get(context);
    if (!runtime) {
      return () => {};
    }
    const adapter = context.adapter('minorMode') as MinorModeAdapter;
    const get = () => typed.getState().minorMode;
    const update: Update = (patch) => typed.setState((state) => ({ minorMode: { ...state.minorMode, ...patch } }));
    const actions = () => typed.getState();
    let stopped = false;

    const readDevice = () => {
      const signal = adapter.deviceMinorMode;
      if (!signal) {
        return;
      }
      void andThen(
        attempt(() => signal.call(adapter)),
        (outcome) => {
          if (stopped || !outcome.ok) {
            return;
          }
          const on = outcome.value?.on === true;
          if (on !== get().device) {
            update({ device: on });
          }
          // The device's one-key switch turns the app's minor mode on; turning it off leaves the app's as it is.
          if (on && !get().on && (get().load === 'ready' || get().load === 'error')) {
            void actions().enterMinorMode({ ageBand: outcome.value?.ageBand ?? STRICTEST_AGE_BAND, source: 'device' });
          }
        },
      );
    };
    runtime.readDevice = readDevice;

    /** Reads the record (and, first time, usage and PIN), keeping on when it was on and cannot be read. */
    const read = (first: boolean) => {
      const usageRead: ReturnType<typeof context.engine.read<MinorModeUsage | null>> = first
        ? context.engine.read((options) => adapter.loadUsage(options))
        : { ok: true, value: get().usage };
      return andThen(usageRead, (usageOutcome) =>
        andThen(
          context.engine.read((options) => adapter.load(options)),
          (recordOutcome) =>
            andThen(first ? context.engine.read((options) => adapter.hasPin(options)) : ({ ok: true, value: get().hasPin } as Outcome<boolean>), (pinOutcome) => {
              if (stopped) {
                return;
              }
              settle(usageOutcome, recordOutcome, pinOutcome.ok ? pinOutcome.value : false, first);
            }),
        ),
      );
    };

    const settle = (usageOutcome: Outcome<MinorModeUsage | null>, recordOutcome: Outcome<MinorModeRecord | null>, hasPin: boolean, first: boolean) => {
      const state = get();
      const timeZone = state.timeZone;
      let usage: MinorModeUsage | null = first ? null : state.usage;
      let usageError: RightsError | null = null;
      if (first) {
        if (usageOutcome.ok) {
          usage = usageOutcome.value;
        } else {
          usageError = toRightsError(usageOutcome.error, 'storage-invalid', "Minor mode's usage on this device could not be read.");
          context.reportError(usageError);
        }
        if (usage) {
          runtime.time.notBefore(usage.lastRecordedAt);
        }
      }
      const now = runtime.time.now();
      let record: MinorModeRecord | null = null;
      let recordError: RightsError | null = null;
      if (recordOutcome.ok) {
        try {
          record = recordOutcome.value === null ? null : parseMinorModeRecord(recordOutcome.value);
        } catch (cause) {
          recordError = toRightsError(cause, 'storage-invalid', 'Stored minor mode is invalid.');
        }
      } else {
        recordError = toRightsError(recordOutcome.error, 'read-failed', 'Minor mode could not be read.');
      }
      // A write still in the outbox is newer than what the adapter holds until confirmed.
      for (const entry of context.outbox().entries) {
        if (entry.slice === SLICE && entry.method === 'save') {
          try {
            const pending = parseMinorModeRecord(entry.args[0]);
            if (!record || pending.revision > record.revision) {
              record = pending;
              recordError = null;
            }
          } catch {
            // The engine sets aside what it cannot validate.
          }
        }
      }
      if (!first && record && record.revision <= state.revision) {
        return;
      }
      if (recordError) {
        context.reportError(recordError);
      }
      // Unreadable while it may have been on: stays on with the strictest band, and says so.
      const keepOn = recordError !== null && (recordError.code !== 'read-failed' || usage === null || usage.on);
      const on = record ? record.on : keepOn || (!first && state.on);
      const settings = record ? record.settings : keepOn ? defaultMinorModeSettings(STRICTEST_AGE_BAND) : state.settings;
      let nextUsage = usage ?? emptyUsage(now, timeZone);
      if (nextUsage.day !== toCalendarDate(now, timeZone)) {
        nextUsage = usageForDay(toCalendarDate(now, timeZone), nextUsage, now);
      }
      if (first && usage && now - usage.lastRecordedAt >= REST_BREAK_MS) {
        nextUsage = { ...nextUsage, continuousMs: 0 };
      }
      if (usageError && on) {
        // Today's use is unknown: it counts as used up, so deleting it never gives more time.
        nextUsage = { ...nextUsage, usedMs: settings.dailyLimitMinutes * 60_000 };
      }
      const unreadable = context.outbox().unreadable;
      const failure: RightsFailure<MinorModeAction> | null = recordError
        ? { code: recordError.code, action: 'load' }
        : usageError && on
          ? { code: usageError.code, action: 'usage' }
          : first && (unreadable.includes(SLICE) || unreadable.includes('*'))
            ? { code: 'outbox-unreadable', action: 'recover' }
            : state.failure;
      runtime.lastTick = now;
      update({
        load: recordError && !keepOn ? 'error' : 'ready',
        failure,
        on,
        source: record ? (record.on ? record.source : null) : keepOn ? 'guardian' : state.source,
        settings,
        fallback: keepOn && !record,
        revision: record ? record.revision : state.revision,
        hasPin,
        platformCheck: typeof adapter.verifyGuardian === 'function',
        usage: { ...nextUsage, on },
        status: minorModeStatus(settings, nextUsage, now, timeZone),
        now,
      });
      runtime.tick();
      if (first) {
        readDevice();
      }
    };

    void read(true);

    const serverTime = adapter.serverTime;
    if (serverTime) {
      void andThen(context.engine.read((options) => serverTime.call(adapter, options)), (outcome) => {
        if (!stopped && outcome.ok && typeof outcome.value === 'number' && Number.isFinite(outcome.value)) {
          runtime.time.setServerTime(outcome.value);
          runtime.tick();
        }
      });
    }

    const unsubscribe = adapter.subscribe?.(() => {
      readDevice();
      void read(false);
    });

    return () => {
      stopped = true;
      unsubscribe?.();
      if (runtime.timer !== null) {
        context.clock.clearTimeout(runtime.timer);
        runtime.timer = null;
      }
    };
  },
};
