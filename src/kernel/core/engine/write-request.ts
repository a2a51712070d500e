import type { AdapterName, RightsAdapters, WriteOptions } from '../adapters/types.js';
import { RightsDeveloperError, type RightsError, type RightsFailure } from '../errors.js';
import type { RightsEvent, WriteStep } from '../events.js';
import type { OutboxEntry, WritePolicy } from '../outbox/outbox.js';
import type { LoadState } from '../types.js';

/* -------------------------------------------------------------------------------------------------
 * Adapter methods a write may name
 * -----------------------------------------------------------------------------------------------*/

type Adapter<Name extends AdapterName> = NonNullable<RightsAdapters[Name]>;

/** The methods of one adapter that write: those whose last parameter is the {@link WriteOptions}. */
export type WriteMethod<Name extends AdapterName> = {
  [Method in keyof Adapter<Name>]-?: NonNullable<Adapter<Name>[Method]> extends (...parameters: infer Parameters) => unknown
    ? Parameters extends [...unknown[], WriteOptions]
      ? Method
      : never
    : never;
}[keyof Adapter<Name>] &
  string;

/** An adapter and one of its write methods, so that a method the adapter does not have is a type error. */
export type AdapterWrite = { [Name in AdapterName]: [WriteMethod<Name>] extends [never] ? never : { adapter: Name; method: WriteMethod<Name> } }[AdapterName];

/* -------------------------------------------------------------------------------------------------
 * The events a write's steps are reported as
 * -----------------------------------------------------------------------------------------------*/

/** The slices whose write steps have an event type: `personalization`, `tags`, `minorMode`, … */
export type EventSlice = RightsEvent['type'] extends infer Type ? (Type extends `${infer Slice}.synced` ? Slice : never) : never;

/** The event that carries a slice's write steps (`<slice>.synced`, `sync-pending`, `rolled-back`, `replayed`). */
export type WriteStepEvent<Slice extends string, Event = RightsEvent> = Event extends { type: infer Type } ? (`${Slice}.${WriteStep}` extends Type ? Event : never) : never;

/**
 * What a write's step events carry besides their type, time, correlation id and error code: exactly the
 * rest of the slice's event, so that a field its event type requires cannot be left out. A slice without
 * an event type (a test's) may carry any ids.
 */
export type WriteDetails<Slice extends string> = [WriteStepEvent<Slice>] extends [never]
  ? Record<string, unknown>
  : Omit<WriteStepEvent<Slice>, 'type' | 'timestamp' | 'correlationId' | 'errorCode'>;

/** `details` is required where the slice's event has required fields. */
type DetailsField<Slice extends string> = Slice extends string
  ? Record<never, never> extends WriteDetails<Slice>
    ? { details?: WriteDetails<Slice> }
    : { details: WriteDetails<Slice> }
  : never;

/* -------------------------------------------------------------------------------------------------
 * Write requests
 * -----------------------------------------------------------------------------------------------*/

/** What every write request holds, whatever its adapter. */
export interface WriteRequestFields<Slice extends string> {
  slice: Slice;
  /** The user action, for the failure a view shows and for the audit log. */
  action: string;
  policy: WritePolicy;
  /** The method's arguments, before the write options. JSON only: the same arguments go with every retry. */
  args: unknown[];
  /** What it writes, such as `'preferences'` or `'feedback:item-7'`. */
  target: string;
  correlationId?: string;
  /**
   * Set by the store alone, for a write it kept on the device before the engine had loaded: the entry keeps
   * that key, so that the device holds the write once.
   */
  outboxKey?: string;
  /** The correlation id of the rolled-back write this one puts back, for a write the kit makes itself. */
  compensates?: string;
  /** Applies the change to the store at once. */
  apply?(): void;
  /**
   * `protective` only: kept in the outbox (on the device too) but not sent for this many milliseconds
   * (its `holdUntil`), so the user can take it back with `engine.withdraw`, as an undo in a toast offers.
   */
  holdMs?: number;
  /**
   * `reducing` only: undoes exactly what `apply` did, after the adapter failed, and returns the
   * protective write that puts the rolled-back value back on the backend (which may have stored the
   * change before failing), or `null` when there is nothing to put back. Its adapter and method are
   * checked as any request's; its details are not held to one slice's event, since a slice usually
   * returns its own request spread with the values swapped.
   */
  rollback?(error: RightsError): WriteRequestOf<string> | null;
  /**
   * Which earlier outbox entries this write makes obsolete: `'drop'` them, replace their arguments (the
   * entry then gets a new idempotency key), or `'keep'` them. A protective write supersedes once it is in
   * the outbox; a reducing one once the adapter confirms it.
   */
  supersede?(entry: OutboxEntry): 'keep' | 'drop' | { args: unknown[] };
}

/** A write request of one slice: its fields, its event's details, and an adapter with one of its write methods. */
export type WriteRequestOf<Slice extends string> = WriteRequestFields<Slice> & DetailsField<Slice> & AdapterWrite;

/**
 * What a slice asks the engine to write. `adapter` and `method` must name a write method of that adapter
 * in `RightsAdapters`, and `details` what the slice's step events (`<slice>.synced`, …) require.
 */
export type WriteRequest<Slice extends string = EventSlice> = Slice extends string ? WriteRequestOf<Slice> : never;

/**
 * Checks, when a write is made, that its adapter has the method it names. From typed code a misspelt
 * method does not compile; from untyped code it would otherwise wait in the outbox for ever.
 */
export function assertWritable(request: { slice: string; adapter: string; method: string }, adapter: object | undefined): void {
  if (typeof (adapter as Record<string, unknown> | undefined)?.[request.method] !== 'function') {
    const methods = adapter ? Object.keys(adapter).filter((name) => typeof (adapter as Record<string, unknown>)[name] === 'function') : [];
    throw new RightsDeveloperError(
      `The ${request.slice} slice writes through adapters.${request.adapter}.${request.method}, which the store does not have. Name one of ${adapter ? `its methods: ${methods.join(', ')}` : 'the store\'s adapters (RightsAdapters)'}.`,
    );
  }
}

/* -------------------------------------------------------------------------------------------------
 * What the engine needs and keeps
 * -----------------------------------------------------------------------------------------------*/

/** What the engine needs from each slice. */
export interface SliceWriteHandler {
  /** Writes of this slice the adapter confirmed, in order, with what it returned. */
  confirmed?(batch: readonly { entry: OutboxEntry; result: unknown }[]): void;
  /** The outbox was read or changed elsewhere: re-derive what depends on it. */
  outboxChanged?(entries: readonly OutboxEntry[]): void;
  /** Checks an entry's arguments before it is sent; an entry that fails is set aside and reported. */
  validate?(entry: OutboxEntry): boolean;
  /** Sets the slice's failure, for its views. */
  setFailure(failure: RightsFailure | null, onlyIfAction?: string): void;
}

/** The engine's own state, in the store under `outbox`. */
export interface OutboxState {
  /** `'ready'` once the outbox on this device has been read; `'error'` when it could not be. */
  load: LoadState;
  /** Every write not yet confirmed by its adapter, oldest first. Pending flags are derived from it. */
  entries: readonly OutboxEntry[];
  /** Keys of entries that could not yet be stored on this device (storage full or unavailable); they are kept in memory and retried. */
  unsaved: readonly string[];
  /** Slices whose earlier choices on this device could not be read and may be lost: they show privacy-protective values. */
  unreadable: readonly string[];
}
