import { describe, expect, test } from 'vitest';
import { defaultMinorModeSettings, usageForDay, type MinorModeRecord, type MinorModeUsage } from './model.js';
import { resolveDeviceSignal, resolveStoredMinorMode, type StoredMinorModeRead } from './resolve-stored.js';
import { offMinorModeState } from './state.js';

const MINUTE = 60_000;
const SHANGHAI = 'Asia/Shanghai';
/** 2026-11-30 at hh:mm in Shanghai (UTC+8). */
const shanghai = (hours: number, minutes = 0) => Date.UTC(2026, 10, 30, hours - 8, minutes);
const now = shanghai(15);

const record = (fields: Partial<MinorModeRecord> = {}): MinorModeRecord => ({ on: true, source: 'guardian', settings: defaultMinorModeSettings('16-18'), revision: 5, ...fields });
const counted = (fields: Partial<MinorModeUsage> = {}): MinorModeUsage => ({ ...usageForDay('2026-11-30', null, shanghai(14)), usedMs: 20 * MINUTE, on: true, ...fields });
const read = (fields: Partial<StoredMinorModeRead> = {}): StoredMinorModeRead => ({
  first: true,
  pending: [],
  outboxUnreadable: false,
  previous: { ...offMinorModeState(now, SHANGHAI), load: 'loading' },
  now,
  hasPin: true,
  platformCheck: false,
  ...fields,
});
const ok = <T,>(value: T) => ({ ok: true as const, value });
const failed = (error: unknown) => ({ ok: false as const, error });

describe('resolveStoredMinorMode', () => {
  test('a stored record and today’s count are taken as they are', () => {
    const { errors, patch } = resolveStoredMinorMode(ok(record()), ok(counted()), read());
    expect(errors).toEqual([]);
    expect(patch).toMatchObject({ load: 'ready', on: true, fallback: false, source: 'guardian', settings: { ageBand: '16-18' }, revision: 5, hasPin: true, failure: null });
    expect(patch?.usage).toMatchObject({ usedMs: 20 * MINUTE });
    expect(patch?.status).toMatchObject({ lock: null, remainingMs: 100 * MINUTE });
  });

  test('nothing stored: off, and ready', () => {
    expect(resolveStoredMinorMode(ok(null), ok(null), read()).patch).toMatchObject({ load: 'ready', on: false, fallback: false, failure: null });
  });

  test('a tampered record keeps minor mode on with the strictest band, and says so', () => {
    const tampered = { ...record(), settings: { ...record().settings, dailyLimitMinutes: 'lots' } };
    const { errors, patch } = resolveStoredMinorMode(ok(tampered), ok(counted({ on: false })), read());
    expect(errors.map((error) => error.code)).toEqual(['storage-invalid']);
    expect(patch).toMatchObject({ load: 'ready', on: true, fallback: true, source: 'guardian', settings: { ageBand: 'under-3', dailyLimitMinutes: 60 }, failure: { code: 'storage-invalid', action: 'load' } });
  });

  test('an unreadable record keeps minor mode on when this device last counted it on, or knows nothing', () => {
    expect(resolveStoredMinorMode(failed(new Error('down')), ok(counted({ on: true })), read()).patch).toMatchObject({ on: true, fallback: true, settings: { ageBand: 'under-3' } });
    expect(resolveStoredMinorMode(failed(new Error('down')), ok(null), read()).patch).toMatchObject({ on: true, fallback: true });
    // Read as off on this device before, and only the read failed: it stays off, as an error to retry.
    expect(resolveStoredMinorMode(failed(new Error('down')), ok(counted({ on: false })), read()).patch).toMatchObject({ load: 'error', on: false, fallback: false, failure: { code: 'read-failed', action: 'load' } });
  });

  test('today’s count that cannot be read counts as used up while minor mode is on', () => {
    const { errors, patch } = resolveStoredMinorMode(ok(record()), failed(new Error('gone')), read());
    expect(errors.map((error) => error.code)).toEqual(['storage-invalid']);
    expect(patch).toMatchObject({ failure: { code: 'storage-invalid', action: 'usage' }, status: { lock: 'limit', remainingMs: 0 } });
    expect(resolveStoredMinorMode(ok(record({ on: false })), failed(new Error('gone')), read()).patch).toMatchObject({ on: false, failure: null, status: { remainingMs: 120 * MINUTE } });
  });

  test('a write still in the outbox is newer than the stored record', () => {
    const pending = record({ on: true, settings: defaultMinorModeSettings('8-12'), revision: 9 });
    expect(resolveStoredMinorMode(ok(record({ on: false })), ok(counted()), read({ pending: [pending] })).patch).toMatchObject({ on: true, revision: 9, settings: { ageBand: '8-12' } });
    expect(resolveStoredMinorMode(failed(new Error('down')), ok(counted()), read({ pending: [pending] })).patch).toMatchObject({ on: true, fallback: false, failure: null, load: 'ready' });
  });

  test('a re-read older than what the slice holds changes nothing', () => {
    const previous = { ...offMinorModeState(now, SHANGHAI), load: 'ready' as const, on: true, revision: 7 };
    expect(resolveStoredMinorMode(ok(record({ on: false, revision: 6 })), null, read({ first: false, previous }))).toEqual({ errors: [], patch: null });
    expect(resolveStoredMinorMode(ok(record({ on: false, revision: 8 })), null, read({ first: false, previous })).patch).toMatchObject({ on: false, revision: 8 });
  });

  test('a write applied while the first read was out stands over the older record it read; usage and the PIN still come from the read', () => {
    const entered = { ...offMinorModeState(now, SHANGHAI), load: 'loading' as const, on: true, source: 'guardian' as const, settings: defaultMinorModeSettings('8-12'), revision: 9 };
    const { patch } = resolveStoredMinorMode(ok(record({ on: false, revision: 5 })), ok(counted()), read({ previous: entered }));
    expect(patch).toMatchObject({ load: 'ready', on: true, revision: 9, settings: { ageBand: '8-12' }, hasPin: true, failure: null });
    expect(patch?.usage).toMatchObject({ usedMs: 20 * MINUTE, on: true });
    expect(resolveStoredMinorMode(ok(null), ok(null), read({ previous: entered })).patch).toMatchObject({ load: 'ready', on: true, revision: 9 });
    // An exit made meanwhile stands too: the engine rolls it back if it fails.
    const exited = { ...entered, on: false, source: null };
    expect(resolveStoredMinorMode(ok(record({ revision: 5 })), ok(counted()), read({ previous: exited })).patch).toMatchObject({ on: false, revision: 9 });
    // A read that failed reports it, and the write stands, without the strictest fallback.
    const failedRead = resolveStoredMinorMode(failed(new Error('down')), ok(counted({ on: false })), read({ previous: entered }));
    expect(failedRead.errors.map((error) => error.code)).toEqual(['read-failed']);
    expect(failedRead.patch).toMatchObject({ load: 'ready', on: true, fallback: false, settings: { ageBand: '8-12' }, failure: null });
  });

  test('a re-read that fails while the first read is still out decides nothing: minor mode stays being read', () => {
    const reading = { ...offMinorModeState(now, SHANGHAI), load: 'loading' as const };
    const { errors, patch } = resolveStoredMinorMode(failed(new Error('down')), null, read({ first: false, previous: reading }));
    expect(errors.map((error) => error.code)).toEqual(['read-failed']);
    expect(patch).toBeNull();
    // One that reads the record decides as it would.
    expect(resolveStoredMinorMode(ok(record({ revision: 3 })), null, read({ first: false, previous: reading })).patch).toMatchObject({ load: 'ready', on: true, revision: 3 });
  });

  test('a re-read after a failed load decides as a first read would: the fallback gives way, and the failure goes', () => {
    const fallback = { ...offMinorModeState(now, SHANGHAI), load: 'ready' as const, on: true, fallback: true, source: 'guardian' as const, revision: 5, failure: { code: 'read-failed' as const, action: 'load' as const } };
    expect(resolveStoredMinorMode(ok(record({ on: false, revision: 5 })), null, read({ first: false, previous: fallback })).patch).toMatchObject({ on: false, fallback: false, failure: null, load: 'ready' });
    expect(resolveStoredMinorMode(ok(null), null, read({ first: false, previous: fallback })).patch).toMatchObject({ on: false, source: null, fallback: false, failure: null });
    const offAndFailed = { ...offMinorModeState(now, SHANGHAI), load: 'error' as const, failure: { code: 'read-failed' as const, action: 'load' as const } };
    expect(resolveStoredMinorMode(ok(record({ revision: 3 })), null, read({ first: false, previous: offAndFailed })).patch).toMatchObject({ load: 'ready', on: true, revision: 3, failure: null });
  });

  test('ten minutes since the last count are a rest; a count from yesterday starts today afresh', () => {
    expect(resolveStoredMinorMode(ok(record()), ok(counted({ continuousMs: 20 * MINUTE, lastRecordedAt: shanghai(14, 50) })), read()).patch?.usage?.continuousMs).toBe(0);
    expect(resolveStoredMinorMode(ok(record()), ok(counted({ continuousMs: 20 * MINUTE, lastRecordedAt: shanghai(14, 55) })), read()).patch?.usage?.continuousMs).toBe(20 * MINUTE);
    expect(resolveStoredMinorMode(ok(record()), ok(counted({ day: '2026-11-29', usedMs: 60 * MINUTE })), read()).patch?.usage).toMatchObject({ day: '2026-11-30', usedMs: 0 });
  });

  test('choices on this device that could not be read are reported on the first read', () => {
    expect(resolveStoredMinorMode(ok(record()), ok(counted()), read({ outboxUnreadable: true })).patch?.failure).toEqual({ code: 'outbox-unreadable', action: 'recover' });
  });
});

describe('resolveDeviceSignal', () => {
  test('the device’s minor mode turns the app’s on once it is read, with the device’s band or the strictest', () => {
    expect(resolveDeviceSignal({ on: true, ageBand: '8-12' }, { on: false, load: 'ready' })).toEqual({ device: true, enter: '8-12' });
    expect(resolveDeviceSignal({ on: true }, { on: false, load: 'error' })).toEqual({ device: true, enter: 'under-3' });
    expect(resolveDeviceSignal({ on: true }, { on: false, load: 'loading' })).toEqual({ device: true, enter: null });
    expect(resolveDeviceSignal({ on: true }, { on: true, load: 'ready' })).toEqual({ device: true, enter: null });
  });

  test('turned off on the device, the app’s stays as it is', () => {
    expect(resolveDeviceSignal({ on: false }, { on: true, load: 'ready' })).toEqual({ device: false, enter: null });
    expect(resolveDeviceSignal(null, { on: true, load: 'ready' })).toEqual({ device: false, enter: null });
  });
});
