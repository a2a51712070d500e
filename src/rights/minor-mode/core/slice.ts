import type { StoreApi } from 'zustand/vanilla';
import { createLocalStorageMinorModeAdapter } from './adapters.js';
import { CHINA_TIME_ZONE, toCalendarDate } from '../../../kernel/core/calendar.js';
import { RightsDeveloperError, toRightsError } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import type { MinorModeEvent } from './events.js';
import { andThen, type Outcome } from '../../../kernel/core/engine/write-engine.js';
import type { SliceContext, SliceDescriptor } from '../../../kernel/core/store/define-slice.js';
import { curfewNight, defaultMinorModeSettings, inCurfew, isStricter, parseMinorModeSettings, trustedTime, type MinorModeRecord, type MinorModeSource, type MinorModeUsage, type TrustedTime } from './model.js';
import { isPinFormat } from './pin.js';
import { callOnce, createGuardian } from './guardian.js';
import { resolveStoredMinorMode } from './resolve-stored.js';
import { connectSignals } from './signals.js';
import { documentVisibility } from '../../../kernel/core/visibility.js';
import { offMinorModeState, type EnterMinorModeOptions, type MinorModeAction, type MinorModeSlice, type MinorModeState, type RightsStateWithMinorMode } from './state.js';
import { addSpending, grantMinutes, markPromptShown, takeRest } from './usage-meter.js';
import { createUsageTimer, type UsageTimer } from './usage-timer.js';
import { MINOR_MODE_SLICE, isRecordWrite, pendingRecords, recordWrite, type RecordWriteDetails } from './record-write.js';

export type { EnterMinorModeOptions, GuardianResult, MinorContentPool, MinorModeAction, MinorModeSlice, MinorModeState, RightsStateWithMinorMode } from './state.js';

/*
 * The minor-mode slice orchestrates its parts: the usage meter (usage-meter.ts, on the clock in
 * usage-timer.ts) counts time, the guardian (guardian.ts) checks the PIN, resolve-stored.ts decides what
 * was read, record-write.ts is what the engine writes, and signals.ts follows the device, the server's
 * time and the app's visibility. What is left here is the actions and when each part runs.
 */

/** What `create` hands to `connect` for the same store. */
interface Runtime {
  time: TrustedTime;
  meter: UsageTimer;
  readDevice(): void;
}

const runtimes = new WeakMap<SliceContext, Runtime>();

/** The minor-mode slice: registered by the first minor-mode component that renders. */
export const minorModeSlice: SliceDescriptor<MinorModeSlice> = {
  name: MINOR_MODE_SLICE,
  requiredMethods: { minorMode: ['load', 'save', 'loadUsage', 'saveUsage', 'hasPin', 'setPin', 'verifyPin'] },
  advice: {
    minorMode: 'start from createLocalStorageMinorModeAdapter() or createMemoryMinorModeAdapter(), and check yours with runMinorModeAdapterConformance()',
  },
  defaults: { minorMode: () => createLocalStorageMinorModeAdapter() },

  create(context) {
    return (rawSet, rawGet) => {
      const get = rawGet as () => RightsStateWithMinorMode;
      const set = rawSet as (partial: (state: RightsStateWithMinorMode) => Partial<RightsStateWithMinorMode>) => void;
      const update = (patch: Partial<MinorModeState>) => set((state) => ({ minorMode: { ...state.minorMode, ...patch } }));
      const adapter = () => context.adapter('minorMode');
      const time = trustedTime(context.clock);
      const mine = () => get().minorMode;
      const event = (type: MinorModeEvent['type'], details: RecordWriteDetails = {}) => context.emit({ ...details, type, timestamp: context.timestamp(), correlationId: createCorrelationId() });
      const timeZone = context.options.timeZone ?? CHINA_TIME_ZONE;
      // A zone the platform does not know is a programming mistake: say so now, not at 22:00.
      toCalendarDate(0, timeZone);

      const saveUsage = (usage: MinorModeUsage) => {
        callOnce(context, () => adapter().saveUsage(usage)).catch((error: unknown) => {
          context.reportError(toRightsError(error, 'device-write-failed', "Minor mode's usage could not be kept on this device."));
          update({ failure: { code: 'device-write-failed', action: 'persist' } });
        });
      };
      const meter = createUsageTimer({ clock: context.clock, time, state: mine, update, saveUsage, event });
      const tick = meter.tick;
      const runtime: Runtime = { time, meter, readDevice: () => {} };
      runtimes.set(context, runtime);
      const guardian = createGuardian({ context, time, state: mine, update, saveUsage, event, schedule: meter.schedule });
      const nextRevision = () => Math.max(mine().revision + 1, Math.floor(time.now()));

      const writeRecord = (next: MinorModeRecord, action: MinorModeAction, protective: boolean, details: RecordWriteDetails, applied: () => void) =>
        context.engine.write(recordWrite({ next, action, protective, details, correlationId: createCorrelationId(), state: mine, update, recount: tick, applied }));

      const enter = (options: EnterMinorModeOptions & { source?: MinorModeSource }) => {
        if (options.pin !== undefined && !isPinFormat(options.pin)) {
          throw new RightsDeveloperError('A guardian PIN has 4 to 6 digits; check it before calling enterMinorMode().');
        }
        const source = options.source ?? 'guardian';
        const settings = mine().on ? mine().settings : defaultMinorModeSettings(options.ageBand);
        const record: MinorModeRecord = { on: true, source, settings, revision: nextRevision() };
        const written = writeRecord(record, 'settings', true, { ageBand: settings.ageBand, source }, () => event('minorMode.entered', { ageBand: settings.ageBand, source }));
        const pin = options.pin;
        return pin === undefined || mine().hasPin ? written : Promise.all([written, guardian.setPin(pin, true)]).then(() => undefined);
      };

      context.handle({
        validate: isRecordWrite,
        setFailure(failure, onlyIfAction) {
          if (onlyIfAction === undefined || mine().failure?.action === onlyIfAction) {
            update({ failure: failure as MinorModeState['failure'] });
          }
        },
      });

      return {
        minorMode: offMinorModeState(time.now(), timeZone),
        enterMinorMode: enter,
        verifyGuardian: (purpose, pin) => guardian.verify(purpose, pin),
        isGuardianVerified: () => guardian.verified(),
        endGuardianSession() {
          if (mine().verifiedUntil !== null) {
            update({ verifiedUntil: null });
          }
        },

        async exitMinorMode() {
          if (!mine().on) {
            return true;
          }
          if (!guardian.require('Leaving minor mode')) {
            return false;
          }
          const ageBand = mine().settings.ageBand;
          const record: MinorModeRecord = { on: false, source: mine().source ?? 'guardian', settings: mine().settings, revision: nextRevision() };
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
          if (!protective && !guardian.require('Loosening minor mode')) {
            return false;
          }
          const record: MinorModeRecord = { on: mine().on, source: mine().source ?? 'guardian', settings, revision: nextRevision() };
          await writeRecord(record, 'settings', protective, { ageBand: settings.ageBand }, () => event('minorMode.settings-changed', { ageBand: settings.ageBand }));
          return mine().revision >= record.revision;
        },

        grantMinorModeTime(minutes) {
          if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 1440) {
            throw new RightsDeveloperError('grantMinorModeTime() takes whole minutes, from 1 to 1440.');
          }
          if (!guardian.require('Granting time')) {
            return false;
          }
          tick();
          update({ usage: grantMinutes(mine().usage, minutes) });
          event('minorMode.time-granted', { minutes });
          tick();
          return true;
        },

        async exemptMinorModeTonight() {
          const now = time.now();
          const zone = mine().timeZone;
          const night = inCurfew(now, zone) ? curfewNight(now, zone) : toCalendarDate(now, zone);
          if (!guardian.require('Lifting the curfew')) {
            return false;
          }
          return get().updateMinorModeSettings({ curfewExemptNight: night });
        },

        setMinorModePin: (pin) => guardian.setPin(pin, !mine().hasPin),

        setMinorModeForeground: (foreground) => meter.setForeground(foreground),

        setMinorModeTimeZone(zone) {
          if (mine().timeZone !== zone) {
            toCalendarDate(0, zone);
            update({ timeZone: zone });
            tick();
          }
        },

        dismissRestReminder: () => meter.recount(takeRest),

        markMinorModePromptShown() {
          const usage = markPromptShown(mine().usage, time.now(), mine().timeZone);
          update({ usage });
          saveUsage(usage);
        },

        recordMinorModeSpending(amount) {
          if (!Number.isInteger(amount) || amount < 0) {
            throw new RightsDeveloperError('recordMinorModeSpending() takes an amount in the smallest unit of the currency (分), a whole number.');
          }
          tick();
          const usage = addSpending(mine().usage, amount);
          update({ usage });
          saveUsage(usage);
        },

        async retryMinorMode() {
          if (mine().load === 'error') {
            runtime.readDevice();
          }
          await context.engine.flush(MINOR_MODE_SLICE);
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
    const adapter = context.adapter('minorMode');
    const get = () => typed.getState().minorMode;
    const update = (patch: Partial<MinorModeState>) => typed.setState((state) => ({ minorMode: { ...state.minorMode, ...patch } }));
    let stopped = false;

    /** Reads the record (and, the first time, usage and the PIN), then decides what they say. */
    const read = (first: boolean) =>
      andThen(first ? context.engine.read((options) => adapter.loadUsage(options)) : null, (usage) =>
        andThen(context.engine.read((options) => adapter.load(options)), (record) =>
          andThen(first ? context.engine.read((options) => adapter.hasPin(options)) : ({ ok: true, value: get().hasPin } as Outcome<boolean>), (pin) => {
            if (!stopped) {
              settle(record, usage, pin.ok && pin.value, first);
            }
          }),
        ),
      );

    const settle = (record: Outcome<unknown>, usage: Outcome<MinorModeUsage | null> | null, hasPin: boolean, first: boolean) => {
      if (usage?.ok && usage.value) {
        runtime.time.notBefore(usage.value.lastRecordedAt);
      }
      const now = runtime.time.now();
      const unreadable = context.outbox().unreadable;
      const { errors, patch } = resolveStoredMinorMode(record, usage, {
        first,
        pending: pendingRecords(context.outbox().entries),
        outboxUnreadable: unreadable.includes(MINOR_MODE_SLICE) || unreadable.includes('*'),
        previous: get(),
        now,
        hasPin,
        platformCheck: typeof adapter.verifyGuardian === 'function',
      });
      errors.forEach((error) => context.reportError(error));
      if (patch) {
        runtime.meter.restart(now);
        update(patch);
        runtime.meter.tick();
        if (first) {
          runtime.readDevice();
        }
      }
    };

    const signals = connectSignals({
      adapter,
      engine: context.engine,
      time: runtime.time,
      visibility: context.options.visibility ?? documentVisibility,
      stopped: () => stopped,
      state: get,
      update,
      enter: (ageBand) => void typed.getState().enterMinorMode({ ageBand, source: 'device' }),
      setForeground: (foreground) => typed.getState().setMinorModeForeground(foreground),
      recount: () => runtime.meter.tick(),
    });
    runtime.readDevice = signals.readDevice;
    void read(true);
    signals.start();

    const unsubscribe = adapter.subscribe?.(() => {
      signals.readDevice();
      void read(false);
    });

    return () => {
      stopped = true;
      unsubscribe?.();
      signals.stop();
      runtime.meter.stop();
    };
  },
};
