import { RightsError, toRightsError } from '../errors.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { WriteEngineOptions } from './engine-options.js';
import type { EngineLifecycle } from './lifecycle.js';
import { attempt } from './outcome.js';

/**
 * The outbox on the device, as the engine writes it: what cannot be stored stays in memory, marked
 * unsaved, is retried, and the slices it concerns say so; what cannot be read is set aside and reported.
 */
export interface DeviceOutbox {
  /** The entries of one slice in the store, oldest first. */
  entriesOf(slice: string): OutboxEntry[];
  /** Stores `added` and removes `removed` on the device; resolves whether it could. With `holdUnsaved`, what fails is marked unsaved. */
  persist(added: readonly OutboxEntry[], removed: readonly string[], holdUnsaved?: boolean): Promise<boolean>;
  /** Tries again to store a slice's unsaved entries; resolves whether none is left. */
  persistUnsaved(slice: string): Promise<boolean>;
  clearDeviceFailure(slices: Iterable<string>): void;
  setAside(values: readonly unknown[]): void;
  markUnreadable(slices: readonly string[]): void;
  /** Tells every registered slice what of the outbox is its own. */
  notifySlices(): void;
}

export function createDeviceOutbox(options: WriteEngineOptions, lifecycle: EngineLifecycle): DeviceOutbox {
  const entriesOf = (slice: string) => options.getState().entries.filter((entry) => entry.slice === slice);

  const reportDeviceFailure = (slices: Iterable<string>, cause: unknown) => {
    options.reportError(toRightsError(cause, 'device-write-failed', 'Could not keep a write in the outbox on this device.'));
    for (const slice of new Set(slices)) {
      options.handler(slice)?.setFailure({ code: 'device-write-failed', action: 'persist' });
    }
  };

  // Once nothing of a slice waits to be stored on the device, the message about it no longer applies.
  const clearDeviceFailure = (slices: Iterable<string>) => {
    const { entries, unsaved } = options.getState();
    const waiting = new Set(unsaved);
    for (const slice of new Set(slices)) {
      if (!entries.some((entry) => entry.slice === slice && waiting.has(entry.key))) {
        options.handler(slice)?.setFailure(null, 'persist');
      }
    }
  };

  const persist = async (added: readonly OutboxEntry[], removed: readonly string[], holdUnsaved = true): Promise<boolean> => {
    if (lifecycle.closed) {
      return false;
    }
    const outcome = await attempt(async () => {
      if (removed.length > 0) {
        await options.outbox.delete(removed);
      }
      if (added.length > 0) {
        await options.outbox.put(added);
      }
    });
    const addedKeys = new Set(added.map((entry) => entry.key));
    const { unsaved } = options.getState();
    if (outcome.ok) {
      if (unsaved.some((key) => addedKeys.has(key))) {
        options.setState({ unsaved: unsaved.filter((key) => !addedKeys.has(key)) });
      }
      clearDeviceFailure(added.map((entry) => entry.slice));
      return true;
    }
    if (holdUnsaved) {
      options.setState({ unsaved: [...new Set([...unsaved, ...addedKeys])] });
    }
    reportDeviceFailure(
      added.map((entry) => entry.slice),
      outcome.error,
    );
    return false;
  };

  const markUnreadable = (slices: readonly string[]) => {
    const unreadable = new Set([...options.getState().unreadable, ...slices]);
    options.setState({ unreadable: [...unreadable] });
  };

  return {
    entriesOf,
    persist,
    async persistUnsaved(slice) {
      const unsaved = new Set(options.getState().unsaved);
      const waiting = entriesOf(slice).filter((entry) => unsaved.has(entry.key));
      return waiting.length === 0 ? true : persist(waiting, []);
    },
    clearDeviceFailure,
    markUnreadable,
    setAside(values) {
      void attempt(() => options.outbox.setAside(values));
      options.reportError(new RightsError('outbox-unreadable', `${values.length} entries of the outbox on this device could not be read and were set aside.`));
      markUnreadable(
        values.map((value) => {
          const slice = (value as { slice?: unknown } | null)?.slice;
          return typeof slice === 'string' ? slice : '*';
        }),
      );
    },
    notifySlices() {
      for (const slice of options.slices()) {
        options.handler(slice)?.outboxChanged?.(entriesOf(slice));
      }
    },
  };
}
