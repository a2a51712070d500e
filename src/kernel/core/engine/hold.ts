import type { OutboxEntry } from '../outbox/outbox.js';
import type { DeviceOutbox } from './device-outbox.js';
import type { WriteEngineOptions } from './engine-options.js';
import type { EntryPhases } from './entry-phases.js';
import type { EngineLifecycle } from './lifecycle.js';
import { attempt } from './outcome.js';

export interface HoldParts {
  options: WriteEngineOptions;
  phases: EntryPhases;
  device: DeviceOutbox;
  lifecycle: EngineLifecycle;
  flush(slice: string): Promise<void>;
}

/**
 * The hold for undo: a protective write made with `holdMs` waits in the outbox, here and on the device,
 * until its `holdUntil`, and no tab sends it before. Until then the user may take it back (`withdraw`)
 * or keep it waiting longer (`rehold`, while the undo toast is on screen).
 */
export function createHold({ options, phases, device, lifecycle, flush }: HoldParts) {
  const { clock } = options;
  // Longer holds on their way to the device, by key, each after the one before.
  const reholding = new Map<string, Promise<void>>();

  const find = (key: string) => options.getState().entries.find((candidate) => candidate.key === key);
  // Only a stored entry never sent and still within its hold can be taken back or held longer.
  const holdable = (entry: OutboxEntry | undefined): entry is OutboxEntry =>
    entry !== undefined && entry.attempts === 0 && phases.of(entry.key) === 'stored' && entry.holdUntil !== undefined && entry.holdUntil > clock.now();

  return {
    /**
     * Takes back a write still held for undo (`holdMs`): it leaves the outbox here at once and is
     * never sent, once the device has let go of it too. Resolves `false`, and the write stands (back in
     * the outbox if it had left), when it is being stored or sent, its hold has ended, or the device
     * could not delete it.
     */
    async withdraw(key: string): Promise<boolean> {
      // A longer hold still being stored goes first, so the device cannot keep what is withdrawn here.
      const reheld = reholding.get(key);
      if (reheld) {
        await reheld;
      }
      const entry = find(key);
      if (!holdable(entry)) {
        return false;
      }
      // Held while the device lets go of it, so that a reload of the outbox meanwhile cannot send it.
      phases.move(key, 'held');
      options.setState({ entries: options.getState().entries.filter((candidate) => candidate !== entry) });
      const unsaved = options.getState().unsaved.includes(key);
      const deleted = unsaved || (await device.persist([], [key], false));
      if (!deleted) {
        // The device still holds it, so another tab or a reload would send it: it stands, here too.
        phases.move(key, 'stored', 'held');
        options.setState({ entries: [...options.getState().entries, entry] });
        void flush(entry.slice);
        return false;
      }
      phases.forget(key);
      if (unsaved) {
        options.setState({ unsaved: options.getState().unsaved.filter((candidate) => candidate !== key) });
      }
      return true;
    },

    /**
     * Holds a write that waits for undo (`holdMs`) for `holdMs` more from now, such as while the user is on
     * the undo toast. The device's copy waits as long, so a reload or another tab does not send it sooner.
     * Resolves `false` when it can no longer be held: it is being stored or sent, or its hold has ended.
     */
    async rehold(key: string, holdMs: number): Promise<boolean> {
      // Synchronous up to the new hold, so a flush due now cannot slip in first.
      const entry = find(key);
      if (!holdable(entry)) {
        return false;
      }
      const longer: OutboxEntry = { ...entry, holdUntil: clock.now() + holdMs };
      options.setState({ entries: options.getState().entries.map((candidate) => (candidate.key === key ? longer : candidate)) });
      const stored = (reholding.get(key) ?? Promise.resolve()).then(async () => {
        const latest = find(key);
        if (!latest || lifecycle.closed) {
          return;
        }
        if (options.getState().unsaved.includes(key)) {
          // Not on the device yet: this is another try at storing it.
          await device.persist([latest], []);
        } else {
          // On the device already, with the shorter hold. If the longer one cannot be stored, a reload sends
          // the feedback sooner than the user might take it back: never later, never lost.
          await attempt(() => options.outbox.put([latest]));
        }
      });
      reholding.set(key, stored);
      await stored;
      if (reholding.get(key) === stored) {
        reholding.delete(key);
      }
      return true;
    },
  };
}
