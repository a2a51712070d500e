import { describe, expect, test } from 'vitest';
import { withAdapterFaults, type AdapterFaults } from '../../../kernel/core/adapters/fault-injection.js';
import { createMemoryMinorModeAdapter } from './adapters.js';
import { createMemoryOutboxAdapter } from '../../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../personalization/core/adapters.js';
import type { MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { DeviceMinorModeSignal, MinorModeAdapter } from './adapter.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import type { RightsError } from '../../../kernel/core/errors.js';
import type { RightsEvent } from '../../../kernel/core/events.js';
import { createRightsStore } from '../../../store.js';
import { selectRecommendationMode } from '../../personalization/core/selectors.js';
import { minorModeSlice, type RightsStateWithMinorMode } from './slice.js';

const MINUTE = 60_000;
/** 2026-11-30 at hh:mm in Shanghai (UTC+8). */
const shanghai = (hours: number, minutes = 0) => Date.UTC(2026, 10, 30, hours - 8, minutes);

/** One family's device: minor mode's storage in memory cells, a manual clock, and `open()` for a first visit or a reload. */
function createFamily(start = shanghai(15)) {
  const clock = createManualClock(start);
  const cells = { record: { value: null } as MemoryCell, usage: { value: null } as MemoryCell, pin: { value: null } as MemoryCell, outbox: { value: null } as MemoryCell };
  const faults = { clock } as AdapterFaults<keyof MinorModeAdapter & string>;
  const events: RightsEvent[] = [];
  const errors: RightsError[] = [];
  let device: DeviceMinorModeSignal | null = null;
  const open = (extra: { verifyGuardian?: MinorModeAdapter['verifyGuardian'] } = {}) => {
    const adapter = createMemoryMinorModeAdapter({ cells, pinIterations: 1000, device });
    const store = createRightsStore({
      clock,
      retryDelayMs: 1000,
      writeTimeoutMs: 5000,
      adapters: {
        preferences: createMemoryPreferencesAdapter(),
        outbox: createMemoryOutboxAdapter({ cell: cells.outbox }),
        minorMode: withAdapterFaults(Object.assign(adapter, extra), faults) as MinorModeAdapter,
      },
      onEvent: (event) => events.push(event),
      onError: (error) => errors.push(error),
      slices: [minorModeSlice],
    });
    const stop = store.connect();
    const state = () => store.getState() as RightsStateWithMinorMode;
    state().setMinorModeForeground(true);
    return { store, stop, state, adapter, setDevice: (signal: DeviceMinorModeSignal | null) => ((device = signal), adapter.setDeviceMinorMode(signal)) };
  };
  return { clock, cells, faults, events, errors, open };
}

async function enter(family: ReturnType<typeof createFamily>, ageBand: '8-12' | '12-16' | '16-18' = '12-16') {
  const visit = family.open();
  await family.clock.settle();
  await visit.state().enterMinorMode({ ageBand, pin: '2580' });
  return visit;
}

describe('minor mode in the store', () => {
  test('while minor mode is still being read, ads wait non-personalized: no personalized ad before it is known that the user is not a minor', async () => {
    const family = createFamily();
    family.faults.hang = ['load'];
    const visit = family.open();
    await family.clock.settle();
    expect(visit.state().minorMode.load).toBe('loading');
    expect(selectRecommendationMode(visit.state())).toMatchObject({ ads: 'non-personalized', feed: 'personalized' });
    expect(selectRecommendationMode(visit.state()).minor).toBeUndefined();
    // Read, and off: ads follow the user's own choice again.
    family.faults.hang = [];
    const next = family.open();
    await family.clock.settle();
    expect(next.state().minorMode.load).toBe('ready');
    expect(selectRecommendationMode(next.state()).ads).toBe('personalized');
  });

  test('entering applies at once: ads become non-personalized and the feed gets the band’s content pool', async () => {
    const family = createFamily();
    const visit = family.open();
    await family.clock.settle();
    expect(selectRecommendationMode(visit.state()).minor).toBeUndefined();
    const entering = visit.state().enterMinorMode({ ageBand: '8-12', pin: '2580' });
    expect(visit.state().minorMode.on).toBe(true);
    expect(selectRecommendationMode(visit.state())).toMatchObject({ ads: 'non-personalized', feed: 'personalized', minor: { ageBand: '8-12', contentBand: '8-12' } });
    await entering;
    expect(visit.state().minorMode.hasPin).toBe(true);
    expect(family.events.map((event) => event.type)).toContain('minorMode.entered');
  });

  test('the PIN is never in the store, the events, the errors, the outbox or the stored record', async () => {
    const family = createFamily();
    const visit = await enter(family);
    await visit.state().verifyGuardian('exit', '1111');
    await visit.state().verifyGuardian('exit', '2580');
    const seen = JSON.stringify([visit.state().minorMode, family.events, family.errors.map(String), family.cells.outbox.value, family.cells.record.value, family.cells.pin.value]);
    expect(seen).not.toContain('2580');
  });

  test('entering is kept when the backend fails, and retried until it is saved', async () => {
    const family = createFamily();
    family.faults.reject = ['save'];
    const visit = await enter(family);
    expect(visit.state().minorMode.on).toBe(true);
    expect(visit.state().outbox.entries).toHaveLength(1);
    family.faults.reject = [];
    await family.clock.advance(2000);
    expect(visit.state().outbox.entries).toHaveLength(0);
    expect((family.cells.record.value as { record: { on: boolean } }).record.on).toBe(true);
  });

  test('time counts only in the foreground; at 60 minutes the app locks until tomorrow 06:00', async () => {
    const family = createFamily(shanghai(14));
    const visit = await enter(family);
    await family.clock.advance(40 * MINUTE);
    visit.state().setMinorModeForeground(false);
    await family.clock.advance(60 * MINUTE);
    visit.state().setMinorModeForeground(true);
    expect(visit.state().minorMode.status.lock).toBeNull();
    await family.clock.advance(20 * MINUTE);
    expect(visit.state().minorMode.status).toMatchObject({ lock: 'limit', resumesAt: shanghai(6) + 24 * 60 * MINUTE });
  });

  test('a guardian grants 15 minutes with the PIN; without it nothing is granted', async () => {
    const family = createFamily(shanghai(14));
    const visit = await enter(family);
    await family.clock.advance(60 * MINUTE);
    expect(visit.state().minorMode.status.lock).toBe('limit');
    expect(visit.state().grantMinorModeTime(15)).toBe(false);
    expect(await visit.state().verifyGuardian('grant-time', '2580')).toEqual({ status: 'verified' });
    expect(visit.state().grantMinorModeTime(15)).toBe(true);
    expect(visit.state().minorMode.status.lock).toBeNull();
    await family.clock.advance(15 * MINUTE);
    expect(visit.state().minorMode.status.lock).toBe('limit');
  });

  test('the rest reminder comes at 30 minutes of continuous use, and again 30 minutes after it is taken', async () => {
    const family = createFamily(shanghai(9));
    const visit = await enter(family, '16-18');
    await family.clock.advance(29 * MINUTE);
    expect(visit.state().minorMode.status.restDue).toBe(false);
    await family.clock.advance(1 * MINUTE);
    expect(visit.state().minorMode.status.restDue).toBe(true);
    visit.state().dismissRestReminder();
    expect(visit.state().minorMode.status.restDue).toBe(false);
    await family.clock.advance(30 * MINUTE);
    expect(visit.state().minorMode.status.restDue).toBe(true);
  });

  test('the curfew: usable at 21:59, locked at 22:00, free at 06:00; the clock moved back lifts nothing, before or after a reload', async () => {
    const family = createFamily(shanghai(21, 30));
    const visit = await enter(family);
    await family.clock.advance(29 * MINUTE);
    expect(visit.state().minorMode.status.lock).toBeNull();
    await family.clock.advance(1 * MINUTE);
    expect(visit.state().minorMode.status).toMatchObject({ lock: 'curfew', resumesAt: shanghai(6) + 24 * 60 * MINUTE });
    family.clock.setWallClock(family.clock.now() - 60 * MINUTE);
    await family.clock.advance(MINUTE);
    expect(visit.state().minorMode.status.lock).toBe('curfew');
    visit.stop();
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode.status.lock).toBe('curfew');
    await family.clock.advance(8 * 60 * MINUTE);
    expect(reload.state().minorMode.status.lock).toBeNull();
  });

  test('today’s time is kept across a reload', async () => {
    const family = createFamily(shanghai(10));
    const visit = await enter(family);
    await family.clock.advance(45 * MINUTE);
    visit.stop();
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode.usage.usedMs).toBe(45 * MINUTE);
    await family.clock.advance(15 * MINUTE);
    expect(reload.state().minorMode.status.lock).toBe('limit');
  });

  test('a slow read of today’s count is never overwritten before it answers: the time used stays used', async () => {
    const family = createFamily(shanghai(10));
    const visit = await enter(family);
    await family.clock.advance(45 * MINUTE);
    visit.stop();
    family.faults.hang = ['loadUsage'];
    const reload = family.open();
    await family.clock.advance(5000);
    expect(reload.state().minorMode.load).toBe('loading');
    expect((family.cells.usage.value as { usage: { usedMs: number } }).usage.usedMs).toBe(45 * MINUTE);
  });

  test('leaving needs the guardian; five wrong PINs lock it for a growing delay, which survives a reload', async () => {
    const family = createFamily();
    const visit = await enter(family);
    expect(await visit.state().exitMinorMode()).toBe(false);
    for (const left of [4, 3, 2, 1]) {
      expect(await visit.state().verifyGuardian('exit', '0000')).toEqual({ status: 'wrong', attemptsLeft: left });
    }
    const locked = await visit.state().verifyGuardian('exit', '0000');
    expect(locked).toEqual({ status: 'locked', until: family.clock.now() + MINUTE });
    expect(await visit.state().verifyGuardian('exit', '2580')).toMatchObject({ status: 'locked' });
    visit.stop();
    const reload = family.open();
    await family.clock.settle();
    expect(await reload.state().verifyGuardian('exit', '2580')).toMatchObject({ status: 'locked' });
    await family.clock.advance(MINUTE);
    expect(await reload.state().verifyGuardian('exit', '0000')).toEqual({ status: 'locked', until: family.clock.now() + 2 * MINUTE });
    await family.clock.advance(2 * MINUTE);
    expect(await reload.state().verifyGuardian('exit', '2580')).toEqual({ status: 'verified' });
    expect(await reload.state().exitMinorMode()).toBe(true);
    expect(selectRecommendationMode(reload.state()).minor).toBeUndefined();
  });

  test('leaving is reducing: when the backend fails it is rolled back and minor mode stays on', async () => {
    const family = createFamily();
    const visit = await enter(family);
    await visit.state().verifyGuardian('exit', '2580');
    family.faults.reject = ['save'];
    expect(await visit.state().exitMinorMode()).toBe(false);
    expect(visit.state().minorMode.on).toBe(true);
    expect(visit.state().minorMode.failure).toEqual({ code: 'write-failed', action: 'exit' });
  });

  test('each action’s event shares its correlation id with its write’s outcome, so an audit log can join them', async () => {
    const family = createFamily();
    const visit = await enter(family);
    await visit.state().updateMinorModeSettings({ dailyLimitMinutes: 30 });
    await visit.state().verifyGuardian('exit', '2580');
    family.faults.reject = ['save'];
    expect(await visit.state().exitMinorMode()).toBe(false);
    const idOf = (type: string) => family.events.find((event) => event.type === type)?.correlationId;
    expect(idOf('minorMode.entered')).toBeDefined();
    const synced = family.events.filter((event) => event.type === 'minorMode.synced').map((event) => event.correlationId);
    expect(synced).toEqual([idOf('minorMode.entered'), idOf('minorMode.settings-changed')]);
    expect(idOf('minorMode.exited')).toBeDefined();
    expect(idOf('minorMode.rolled-back')).toBe(idOf('minorMode.exited'));
  });

  test('an enter made while the first read is still out stays on when the read ends', async () => {
    const family = createFamily();
    family.faults.hang = ['hasPin'];
    const visit = family.open();
    await family.clock.settle();
    expect(visit.state().minorMode.load).toBe('loading');
    await visit.state().enterMinorMode({ ageBand: '8-12' });
    // The read gives up on the PIN after its timeout, and applies what it read before the enter.
    await family.clock.advance(10_000);
    expect(visit.state().minorMode).toMatchObject({ load: 'ready', on: true, settings: { ageBand: '8-12' } });
    expect(selectRecommendationMode(visit.state())).toMatchObject({ ads: 'non-personalized', minor: { contentBand: '8-12' } });
  });

  test('an exit made during the first read and rolled back after it is put back on the backend too', async () => {
    const family = createFamily();
    (await enter(family)).stop();
    // After a reload the first read waits for the PIN; minor mode reads off meanwhile, and the child enters again.
    family.faults.hang = ['hasPin'];
    const visit = family.open();
    await family.clock.settle();
    await visit.state().enterMinorMode({ ageBand: '12-16' });
    expect(await visit.state().verifyGuardian('exit', '2580')).toEqual({ status: 'verified' });
    await family.clock.advance(6000);
    // The backend stores the exit but never answers: the write times out after the first read has ended.
    family.faults.commitThenHang = ['save'];
    const exiting = visit.state().exitMinorMode();
    await family.clock.advance(3000);
    expect(visit.state().minorMode).toMatchObject({ load: 'ready', on: false });
    await family.clock.advance(3000);
    expect(await exiting).toBe(false);
    expect(visit.state().minorMode).toMatchObject({ load: 'ready', on: true, failure: { action: 'exit' } });
    family.faults.hang = [];
    family.faults.commitThenHang = [];
    await family.clock.advance(MINUTE);
    expect(visit.state().outbox.entries).toHaveLength(0);
    expect((family.cells.record.value as { record: { on: boolean } }).record.on).toBe(true);
  });

  test('a re-read that fails while the first read is out never reads minor mode off: it stays being read, then on', async () => {
    const family = createFamily();
    const first = await enter(family);
    family.faults.hang = ['hasPin'];
    family.faults.reject = ['load'];
    const reload = family.open();
    await family.clock.settle();
    // The guardian tightens the limit in the first tab: the change elsewhere reads again in the reloaded one, and that fails.
    await first.state().updateMinorModeSettings({ dailyLimitMinutes: 30 });
    await family.clock.settle();
    expect(reload.state().minorMode.load).toBe('loading');
    expect(selectRecommendationMode(reload.state()).ads).toBe('non-personalized');
    // The first read ends: on, with the tightened limit the outbox showed while it was out.
    await family.clock.advance(10_000);
    expect(reload.state().minorMode).toMatchObject({ load: 'ready', on: true, settings: { dailyLimitMinutes: 30 } });
    expect(selectRecommendationMode(reload.state())).toMatchObject({ ads: 'non-personalized', minor: { ageBand: '12-16' } });
  });

  test('an enter waiting in the outbox shows in every open tab at once, before the backend has it', async () => {
    const family = createFamily();
    const first = family.open();
    const second = family.open();
    await family.clock.settle();
    expect(second.state().minorMode).toMatchObject({ load: 'ready', on: false });
    family.faults.hang = ['save'];
    void first.state().enterMinorMode({ ageBand: '8-12' });
    await family.clock.settle();
    expect(family.cells.record.value).toBeNull();
    expect(second.state().minorMode).toMatchObject({ on: true, settings: { ageBand: '8-12' } });
    expect(selectRecommendationMode(second.state())).toMatchObject({ ads: 'non-personalized', minor: { ageBand: '8-12' } });
    // Both tabs hold the same record.
    expect(first.state().minorMode.revision).toBe(second.state().minorMode.revision);
  });

  test('stored state that was tampered with keeps minor mode on, with the strictest band, and says so', async () => {
    const family = createFamily();
    const first = await enter(family, '16-18');
    first.stop();
    (family.cells.record.value as { record: { settings: { dailyLimitMinutes: unknown } } }).record.settings.dailyLimitMinutes = 'lots';
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: true, settings: { ageBand: 'under-3', dailyLimitMinutes: 60 }, failure: { code: 'storage-invalid', action: 'load' } });
    expect(selectRecommendationMode(reload.state()).minor).toEqual({ ageBand: null, contentBand: 'under-3' });
  });

  test('deleting today’s usage gives no more time: it counts as used up', async () => {
    const family = createFamily(shanghai(10));
    const first = await enter(family);
    first.stop();
    family.cells.usage.value = { version: 1, usage: 'gone' };
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode.status.lock).toBe('limit');
  });

  test('the device’s minor mode turns the app’s on before the next render', async () => {
    const family = createFamily();
    const visit = family.open();
    await family.clock.settle();
    expect(visit.state().minorMode.on).toBe(false);
    visit.setDevice({ on: true, ageBand: '8-12' });
    expect(visit.state().minorMode).toMatchObject({ on: true, source: 'device', device: true, settings: { ageBand: '8-12' } });
  });

  test('the device’s minor mode, already on when the app opens, turns the app’s on as soon as its state is read', async () => {
    const family = createFamily();
    const first = family.open();
    await family.clock.settle();
    first.stop();
    first.setDevice({ on: true, ageBand: '8-12' });
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode).toMatchObject({ on: true, source: 'device', device: true, settings: { ageBand: '8-12' } });
  });

  test('the platform’s own guardian check replaces the PIN', async () => {
    const family = createFamily();
    const visit = family.open({ verifyGuardian: () => true });
    await family.clock.settle();
    await visit.state().enterMinorMode({ ageBand: '12-16' });
    expect(visit.state().minorMode.platformCheck).toBe(true);
    expect(await visit.state().verifyGuardian('exit')).toEqual({ status: 'verified' });
    expect(await visit.state().exitMinorMode()).toBe(true);
  });

  test('a stricter setting needs no guardian; a looser one does', async () => {
    const family = createFamily();
    const visit = await enter(family);
    expect(await visit.state().updateMinorModeSettings({ dailyLimitMinutes: 30 })).toBe(true);
    expect(await visit.state().updateMinorModeSettings({ dailyLimitMinutes: 90 })).toBe(false);
    await visit.state().verifyGuardian('settings', '2580');
    expect(await visit.state().updateMinorModeSettings({ dailyLimitMinutes: 90 })).toBe(true);
    expect(visit.state().minorMode.settings.dailyLimitMinutes).toBe(90);
  });

  test('one night’s exemption lifts the curfew for that night only', async () => {
    const family = createFamily(shanghai(21));
    const visit = await enter(family, '16-18');
    await visit.state().verifyGuardian('settings', '2580');
    expect(await visit.state().exemptMinorModeTonight()).toBe(true);
    await family.clock.advance(90 * MINUTE);
    expect(visit.state().minorMode.status.lock).toBeNull();
    await family.clock.advance(24 * 60 * MINUTE);
    expect(visit.state().minorMode.status.lock).not.toBeNull();
  });
});

describe('reading minor mode again after its load failed', () => {
  test('retryMinorMode reads the stored state again: the strictest fallback gives way to the guardian’s own settings', async () => {
    const family = createFamily();
    const first = await enter(family, '16-18');
    first.stop();
    family.faults.reject = ['load'];
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: true, settings: { ageBand: 'under-3' }, failure: { code: 'read-failed', action: 'load' } });
    family.faults.reject = [];
    await reload.state().retryMinorMode();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: false, settings: { ageBand: '16-18' }, failure: null });
    expect(selectRecommendationMode(reload.state()).minor).toEqual({ ageBand: '16-18', contentBand: '16-18' });
  });

  test('a fallback whose message was dismissed is still read again: the failure went, the unknown state did not', async () => {
    const family = createFamily();
    const first = await enter(family, '16-18');
    first.stop();
    family.faults.reject = ['load'];
    const reload = family.open();
    await family.clock.settle();
    reload.state().dismissMinorModeFailure();
    expect(reload.state().minorMode).toMatchObject({ fallback: true, failure: null });
    family.faults.reject = [];
    await reload.state().retrySync();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: false, settings: { ageBand: '16-18' } });
  });

  test('the store’s retrySync reads it again too: off on this device, a failed load becomes ready', async () => {
    const family = createFamily();
    const first = family.open();
    await family.clock.settle();
    first.stop();
    family.faults.reject = ['load'];
    const reload = family.open();
    await family.clock.settle();
    expect(reload.state().minorMode).toMatchObject({ load: 'error', on: false, failure: { code: 'read-failed', action: 'load' } });
    family.faults.reject = [];
    await reload.state().retrySync();
    expect(reload.state().minorMode).toMatchObject({ load: 'ready', on: false, fallback: false, failure: null });
  });

  test('a retry that fails again keeps minor mode on with the strictest band, and the time used in the meantime stays used', async () => {
    const family = createFamily(shanghai(10));
    const first = await enter(family);
    first.stop();
    family.faults.reject = ['load'];
    const reload = family.open();
    await family.clock.settle();
    // Half a minute past the meter's last count: the retry counts it before it decides.
    await family.clock.advance(20 * MINUTE + 30_000);
    await reload.state().retryMinorMode();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: true, settings: { ageBand: 'under-3' }, failure: { code: 'read-failed', action: 'load' } });
    family.faults.reject = [];
    await reload.state().retryMinorMode();
    expect(reload.state().minorMode).toMatchObject({ on: true, fallback: false, settings: { ageBand: '12-16' } });
    expect(reload.state().minorMode.usage.usedMs).toBe(20 * MINUTE + 30_000);
  });
});
