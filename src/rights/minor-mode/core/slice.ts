import { createLocalStorageMinorModeAdapter } from './adapters.js';
import { CHINA_TIME_ZONE, toCalendarDate } from '../../../kernel/core/calendar.js';
import { RightsDeveloperError, toRightsError } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import type { MinorModeEvent } from './events.js';
import { defineSlice, type SliceDescriptor, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import { curfewNight, defaultMinorModeSettings, inCurfew, isStricter, parseMinorModeSettings, trustedTime, type MinorModeRecord, type MinorModeSource, type MinorModeUsage } from './model.js';
import { isPinFormat } from './pin.js';
import { callOnce, createGuardian } from './guardian.js';
import { readStoredMinorMode, type StoredReadKind } from './read-stored.js';
import { connectSignals } from './signals.js';
import { documentVisibility } from '../../../kernel/core/visibility.js';
import { offMinorModeState, type EnterMinorModeOptions, type MinorModeAction, type MinorModeSlice } from './state.js';
import { addSpending, grantMinutes, markPromptShown, takeRest } from './usage-meter.js';
import { createUsageTimer } from './usage-timer.js';
import { MINOR_MODE_SLICE, isRecordWrite, newestRecord, pendingRecords, recordWrite, type RecordWriteDetails } from './record-write.js';

export type { EnterMinorModeOptions, GuardianResult, MinorContentPool, MinorModeAction, MinorModeSlice, MinorModeState, RightsStateWithMinorMode } from './state.js';

/*
 * The minor-mode slice orchestrates its parts: the usage meter (usage-meter.ts, on the clock in
 * usage-timer.ts) counts time, the guardian (guardian.ts) checks the PIN, read-stored.ts reads the stored
 * state and resolve-stored.ts decides what was read, record-write.ts is what the engine writes, and
 * signals.ts follows the device, the server's time and the app's visibility. What is left here is the
 * actions and when each part runs, in one scope per store that the slice kit (defineSlice) gives.
 */

/** The minor-mode slice: registered by the first minor-mode component that renders. */
export const minorModeSlice: SliceDescriptor<MinorModeSlice, typeof MINOR_MODE_SLICE> = defineSlice({
  name: MINOR_MODE_SLICE,
  watch: 'minorMode',
  // Choices on this device that could not be read are reported by the first read, beside what it read.
  reportUnreadable: false,
  requiredMethods: { minorMode: ['load', 'save', 'loadUsage', 'saveUsage', 'hasPin', 'setPin', 'verifyPin'] },
  advice: {
    minorMode: 'start from createLocalStorageMinorModeAdapter() or createMemoryMinorModeAdapter(), and check yours with runMinorModeAdapterConformance()',
  },
  defaults: { minorMode: () => createLocalStorageMinorModeAdapter() },

  setup(kit): SliceSetup<typeof MINOR_MODE_SLICE, Omit<MinorModeSlice, typeof MINOR_MODE_SLICE>> {
    const { update } = kit;
    const mine = kit.state;
    const adapter = kit.adapter('minorMode');
    const time = trustedTime(kit.clock);
    const event = (type: MinorModeEvent['type'], details: RecordWriteDetails = {}, correlationId = createCorrelationId()) =>
      kit.emit({ ...details, type, timestamp: kit.timestamp(), correlationId });
    const timeZone = kit.options.timeZone ?? CHINA_TIME_ZONE;
    // A zone the platform does not know is a programming mistake: say so now, not at 22:00.
    toCalendarDate(0, timeZone);

    const saveUsage = (usage: MinorModeUsage) => {
      callOnce(kit, () => adapter.saveUsage(usage)).catch((error: unknown) => {
        kit.reportError(toRightsError(error, 'device-write-failed', "Minor mode's usage could not be kept on this device."));
        update({ failure: { code: 'device-write-failed', action: 'persist' } });
      });
    };
    const meter = createUsageTimer({ clock: kit.clock, time, state: mine, update, saveUsage, event });
    const tick = meter.tick;
    const guardian = createGuardian({ context: kit, time, state: mine, update, saveUsage, event, schedule: meter.schedule });
    const nextRevision = () => Math.max(mine().revision + 1, Math.floor(time.now()));

    // The action's event carries the write's correlation id, so an audit log joins it to the write's synced or rolled-back event.
    const writeRecord = (next: MinorModeRecord, action: MinorModeAction, protective: boolean, details: RecordWriteDetails, applied: (correlationId: string) => void) => {
      const correlationId = createCorrelationId();
      return kit.write(recordWrite({ next, action, protective, details, correlationId, state: mine, update, recount: tick, applied: () => applied(correlationId) }));
    };

    const enter = (options: EnterMinorModeOptions & { source?: MinorModeSource }) => {
      if (options.pin !== undefined && !isPinFormat(options.pin)) {
        throw new RightsDeveloperError('A guardian PIN has 4 to 6 digits; check it before calling enterMinorMode().');
      }
      const source = options.source ?? 'guardian';
      const settings = mine().on ? mine().settings : defaultMinorModeSettings(options.ageBand);
      const record: MinorModeRecord = { on: true, source, settings, revision: nextRevision() };
      const written = writeRecord(record, 'settings', true, { ageBand: settings.ageBand, source }, (correlationId) =>
        event('minorMode.entered', { ageBand: settings.ageBand, source }, correlationId),
      );
      const pin = options.pin;
      return pin === undefined || mine().hasPin ? written : Promise.all([written, guardian.setPin(pin, true)]).then(() => undefined);
    };

    kit.handle({
      validate: isRecordWrite,
      // An enter or a stricter setting waiting in the outbox, this tab's or another's, is a choice the user made: it shows at once.
      outboxChanged(entries) {
        const newest = newestRecord(pendingRecords(entries));
        if (newest && newest.revision > mine().revision) {
          update({ on: newest.on, source: newest.on ? newest.source : null, settings: newest.settings, revision: newest.revision, fallback: false });
          tick();
        }
      },
    });

    // While connected: what the connection's reads check before they settle, and its device signal.
    let connection: { stopped: boolean; readDevice(): void } | null = null;

    const stored = { adapter, engine: kit.engine, time, meter, outbox: kit.outbox, reportError: kit.reportError, state: mine, update };
    /** Reads the stored state for the connection now running; the device's own minor mode follows a first read and a retry. */
    const read = (kind: StoredReadKind) => {
      const reading = connection;
      return readStoredMinorMode(kind, stored, () => reading !== null && !reading.stopped, () => {
        if (kind !== 'changed') {
          reading?.readDevice();
        }
      });
    };

    return {
      state: offMinorModeState(time.now(), timeZone),
      starting() {
        if (mine().load === 'idle') {
          update({ load: 'loading' });
        }
      },
      changed() {
        connection?.readDevice();
        void read('changed');
      },
      connect() {
        const current = { stopped: false, readDevice: () => {} };
        const signals = connectSignals({
          adapter,
          engine: kit.engine,
          time,
          visibility: kit.options.visibility ?? documentVisibility,
          stopped: () => current.stopped,
          state: mine,
          update,
          enter: (ageBand) => void enter({ ageBand, source: 'device' }),
          setForeground: (foreground) => meter.setForeground(foreground),
          recount: tick,
        });
        current.readDevice = signals.readDevice;
        connection = current;
        void read('first');
        signals.start();
        return () => {
          current.stopped = true;
          if (connection === current) {
            connection = null;
          }
          signals.stop();
          meter.stop();
        };
      },
      // Reads the stored state again when it failed to load (as `retrySync` and `online` do for every slice),
      // and the device's own minor mode with it; then sends what is pending. The strictest fallback stands for
      // a failed load even once its message is dismissed.
      async retry() {
        const { load, failure, fallback } = mine();
        if (connection && (load === 'error' || failure?.action === 'load' || fallback)) {
          await read('retry');
        }
        await kit.engine.flush(MINOR_MODE_SLICE);
      },
      actions: {
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
          await writeRecord(record, 'exit', false, { ageBand }, (correlationId) => {
            update({ verifiedUntil: null });
            event('minorMode.exited', { ageBand }, correlationId);
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
          await writeRecord(record, 'settings', protective, { ageBand: settings.ageBand }, (correlationId) =>
            event('minorMode.settings-changed', { ageBand: settings.ageBand }, correlationId),
          );
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
          return kit.get().updateMinorModeSettings({ curfewExemptNight: night });
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

        retryMinorMode: kit.retry,
        dismissMinorModeFailure: kit.dismissFailure,
      },
    };
  },
});
