import type { RightsState } from './registry.js';

/** True while a write of `slice` (of one of `methods`, if given) waits in the outbox: applied here, not yet confirmed by its adapter. */
export function selectSyncPending(state: RightsState, slice: string, methods?: readonly string[]): boolean {
  return state.outbox.entries.some((entry) => entry.slice === slice && (!methods || methods.includes(entry.method)));
}

/**
 * True while a choice the user made in `slice` is kept on this device and waits for its adapter: what
 * "saved on this device, syncing" may say. Not while it could not be stored on the device (the failure
 * says so), and not for a value the kit itself writes back after a rollback (the rollback's message says
 * what happened). Every hook's `syncNotice` means this, through this one selector.
 */
export function selectSyncNotice(state: RightsState, slice: string, methods?: readonly string[]): boolean {
  const unsaved = new Set(state.outbox.unsaved);
  const mine = state.outbox.entries.filter((entry) => entry.slice === slice && (!methods || methods.includes(entry.method)));
  return mine.some((entry) => entry.compensates === undefined) && !mine.some((entry) => unsaved.has(entry.key));
}
