import { RightsError } from '../../../kernel/core/errors.js';
import { DEFAULT_PIN_ITERATIONS, hashPin, isPinFormat, parseHashedPin, verifyPin, type HashedPin } from './pin.js';
import { parseMinorModeRecord, parseMinorModeUsage, type MinorModeRecord, type MinorModeUsage } from './model.js';
import { createJsonStorageCell, memoryCellChannel, throwIfAborted, type KeyValueStorage, type MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { Subscribe } from '../../../kernel/core/adapters/types.js';
import type { DeviceMinorModeSignal, MinorModeAdapter } from './adapter.js';

/** The version of what the embedded minor-mode adapters store on the device. */
export const STORED_MINOR_MODE_VERSION = 1;

/** Options every embedded minor-mode adapter takes. */
export interface EmbeddedMinorModeAdapterOptions {
  /** PBKDF2 iterations for a new PIN. Default: {@link DEFAULT_PIN_ITERATIONS}. Lower it in tests and stories only. */
  pinIterations?: number;
  /** Minor mode to start with, when nothing is stored, such as a story's. */
  initial?: MinorModeRecord;
  /** What the device's own minor mode says at first. Default: nothing (the platform cannot read it). */
  device?: DeviceMinorModeSignal | null;
}

/** An embedded adapter, with what a story or a test uses to play the device's part. */
export interface EmbeddedMinorModeAdapter extends MinorModeAdapter {
  deviceMinorMode(): DeviceMinorModeSignal | null;
  /** Changes what the device's own minor mode says, as when a parent turns it on in the phone's settings. */
  setDeviceMinorMode(signal: DeviceMinorModeSignal | null): void;
  subscribe: Subscribe;
}

interface Cells {
  record: { read(): unknown; write(value: unknown): void };
  usage: { read(): unknown; write(value: unknown): void };
  pin: { read(): unknown; write(value: unknown): void };
  subscribe: Subscribe;
  announce(): void;
}

/** Reads a versioned value, telling a newer version from a broken one. */
function unwrap<T>(stored: unknown, key: 'record' | 'usage' | 'pin', parse: (value: unknown) => T): T | null {
  if (stored === null || stored === undefined) {
    return null;
  }
  const version = (stored as { version?: unknown }).version;
  if (typeof version === 'number' && version > STORED_MINOR_MODE_VERSION) {
    throw new RightsError('storage-newer-version', `Stored minor mode has version ${version}; this build reads up to ${STORED_MINOR_MODE_VERSION}.`);
  }
  if (version !== STORED_MINOR_MODE_VERSION) {
    throw new RightsError('storage-invalid', 'Stored minor mode has no version this build knows.');
  }
  return parse((stored as Record<string, unknown>)[key]);
}

function minorModeAdapterOn(cells: Cells, options: EmbeddedMinorModeAdapterOptions): EmbeddedMinorModeAdapter {
  const iterations = options.pinIterations ?? DEFAULT_PIN_ITERATIONS;
  let device = options.device ?? null;
  const deviceListeners = new Set<() => void>();
  const readPin = (): HashedPin | null => unwrap(cells.pin.read(), 'pin', parseHashedPin);
  return {
    load(readOptions) {
      throwIfAborted(readOptions);
      return unwrap(cells.record.read(), 'record', parseMinorModeRecord);
    },
    save(record, writeOptions) {
      throwIfAborted(writeOptions);
      const next = parseMinorModeRecord(structuredClone(record));
      let stored: MinorModeRecord | null = null;
      try {
        stored = unwrap(cells.record.read(), 'record', parseMinorModeRecord);
      } catch {
        // What was stored cannot be read: the incoming record replaces it.
      }
      if (stored && stored.revision > next.revision) {
        return;
      }
      cells.record.write({ version: STORED_MINOR_MODE_VERSION, record: next });
    },
    loadUsage(readOptions) {
      throwIfAborted(readOptions);
      return unwrap(cells.usage.read(), 'usage', parseMinorModeUsage);
    },
    saveUsage(usage) {
      cells.usage.write({ version: STORED_MINOR_MODE_VERSION, usage: parseMinorModeUsage(structuredClone(usage)) });
    },
    hasPin(readOptions) {
      throwIfAborted(readOptions);
      return readPin() !== null;
    },
    async setPin(pin, writeOptions) {
      throwIfAborted(writeOptions);
      if (!isPinFormat(pin)) {
        throw new RightsError('write-failed', 'A guardian PIN has 4 to 6 digits.');
      }
      const hashed = await hashPin(pin, iterations);
      throwIfAborted(writeOptions);
      cells.pin.write({ version: STORED_MINOR_MODE_VERSION, pin: hashed });
    },
    async verifyPin(pin, readOptions) {
      throwIfAborted(readOptions);
      const stored = readPin();
      return stored !== null && isPinFormat(pin) && verifyPin(pin, stored);
    },
    deviceMinorMode: () => (device ? { ...device } : null),
    setDeviceMinorMode(signal) {
      device = signal ? { ...signal } : null;
      deviceListeners.forEach((listener) => listener());
    },
    subscribe(onChange) {
      deviceListeners.add(onChange);
      const stop = cells.subscribe(onChange);
      return () => {
        deviceListeners.delete(onChange);
        stop();
      };
    },
  };
}

export interface MemoryMinorModeAdapterOptions extends EmbeddedMinorModeAdapterOptions {
  /** The boxes to store into. Default: new ones. Tests read them to check writes independently. */
  cells?: { record?: MemoryCell; usage?: MemoryCell; pin?: MemoryCell };
}

/** Keeps minor mode in memory, for tests and stories; the PIN as a salted PBKDF2 hash all the same. */
export function createMemoryMinorModeAdapter(options: MemoryMinorModeAdapterOptions = {}): EmbeddedMinorModeAdapter {
  const record = options.cells?.record ?? { value: null };
  const usage = options.cells?.usage ?? { value: null };
  const pin = options.cells?.pin ?? { value: null };
  if (options.initial && record.value === null) {
    record.value = { version: STORED_MINOR_MODE_VERSION, record: structuredClone(options.initial) };
  }
  const channel = memoryCellChannel(record, {});
  const box = (cell: MemoryCell, announce: boolean) => ({
    read: () => structuredClone(cell.value),
    write: (value: unknown) => {
      cell.value = structuredClone(value);
      if (announce) {
        channel.announce();
      }
    },
  });
  return minorModeAdapterOn(
    { record: box(record, true), usage: box(usage, false), pin: box(pin, false), subscribe: channel.subscribe, announce: channel.announce },
    options,
  );
}

export interface LocalStorageMinorModeAdapterOptions extends EmbeddedMinorModeAdapterOptions {
  /** The prefix of the three storage keys (`…`, `…-usage`, `…-pin`). Default: `'algorights:minor-mode'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Keeps minor mode on this device in localStorage, the default: the record, today's usage and the PIN's
 * salted PBKDF2-SHA-256 hash, under three keys. A platform with accounts passes its own adapter, so that
 * minor mode follows the child across devices.
 */
export function createLocalStorageMinorModeAdapter(options: LocalStorageMinorModeAdapterOptions = {}): EmbeddedMinorModeAdapter {
  const prefix = options.key ?? 'algorights:minor-mode';
  const record = createJsonStorageCell(prefix, options.storage);
  const usage = createJsonStorageCell(`${prefix}-usage`, options.storage);
  const pin = createJsonStorageCell(`${prefix}-pin`, options.storage);
  if (options.initial) {
    try {
      if (record.readRaw() === null) {
        record.write({ version: STORED_MINOR_MODE_VERSION, record: options.initial });
      }
    } catch {
      // Storage that cannot be used: the kit reports it when it loads.
    }
  }
  return minorModeAdapterOn({ record, usage, pin, subscribe: record.subscribe, announce: () => {} }, options);
}
