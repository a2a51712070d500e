import type { OutboxEntry } from '../outbox/outbox.js';
import type { Awaitable } from '../types.js';

/** What every read gets: a signal the kit aborts when it stops waiting (a timeout, or the provider unmounting). */
export interface ReadOptions {
  signal: AbortSignal;
}

/**
 * What every write gets as its last argument.
 * - `idempotencyKey`: the same on every retry of one write, and new for every new write. A backend that
 *   has already carried out a write with this key answers as before and does not do it again.
 * - `signal`: aborted when the kit gives up on this attempt (a timeout, or the provider unmounting). Stop
 *   the request if you can; a write that resolves after its signal aborted counts as failed and is retried.
 */
export interface WriteOptions {
  idempotencyKey: string;
  signal: AbortSignal;
}

/**
 * Lets the kit hear of changes made elsewhere: another tab, another provider
 * on the page, or the server. Call `onChange` whenever the stored data may have
 * changed; the kit reads it again and merges. Returns the function that stops
 * listening.
 */
export type Subscribe = (onChange: () => void) => () => void;

/**
 * The durable outbox on this device: every write the kit must not lose, from
 * before its adapter is called until the adapter confirms it. Entries are
 * JSON; the kit validates each one it reads, and sets aside what it cannot
 * trust, so one bad entry never blocks the others or new writes.
 */
export interface OutboxAdapter {
  /**
   * Reads every entry, oldest first, as stored.
   * @returns the entries, or `null` when there are none. Throw (or reject) when the outbox itself cannot
   * be read (corrupt, or written by a newer kit): the kit then treats a privacy-protective choice as
   * possibly lost, falls back to protective values and says so.
   */
  load(options: ReadOptions): Awaitable<readonly unknown[] | null>;
  /** Adds entries, replacing any with the same key. Resolve once durable; reject when it cannot be stored. */
  put(entries: readonly OutboxEntry[]): Awaitable<void>;
  /** Removes the entries with these keys; unknown keys are ignored. */
  delete(keys: readonly string[]): Awaitable<void>;
  /** Moves entries the kit could not validate out of the outbox, keeping them for inspection. `entries` are values `load` returned. */
  setAside(entries: readonly unknown[]): Awaitable<void>;
  /** Optional: tells the kit when another tab or provider changed the outbox. */
  subscribe?: Subscribe;
}

export type { AdapterName, RightsAdapters } from '../store/registry.js';
