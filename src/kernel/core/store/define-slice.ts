import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { AdapterName, RightsAdapters } from '../adapters/types.js';
import type { RightsClock } from '../clock.js';
import type { RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { OutboxState, SliceWriteHandler, WriteEngine } from '../engine/write-engine.js';
import type { RightsState } from './registry.js';
import type { VisibilitySource } from '../visibility.js';

/** What every slice gets from its store. */
export interface SliceContext {
  clock: RightsClock;
  /** The one write path: every write of the slice goes through it. */
  engine: WriteEngine;
  /** The adapter behind a name: the provider's, or the slice's default. */
  adapter<Name extends AdapterName>(name: Name): NonNullable<RightsAdapters[Name]>;
  emit(event: RightsEvent): void;
  reportError(error: RightsError): void;
  /** The current time as an ISO 8601 string, for events. */
  timestamp(): string;
  /** Tells the engine how to reach this slice. Call it once, from `create`. */
  handle(handler: SliceWriteHandler): void;
  /** The engine's state: the outbox. */
  outbox(): OutboxState;
  /** Options the store was created with that concern slices. */
  options: SliceOptions;
}

/** Store options a slice may read. */
export interface SliceOptions {
  initialState?: RightsInitialState;
  defaults?: RightsDefaults;
  /** The platform's IANA time zone, for minor mode's curfew and day. Default: Asia/Shanghai. */
  timeZone?: string;
  /** Whether the app is in front of the user. Default: the page's own visibility. */
  visibility?: VisibilitySource;
}

/** State known before anything loads, for example from a cookie the server read. */
export interface RightsInitialState {
  /** The user's personalization choices as the server knows them. */
  personalization?: import('../types.js').PersonalizationPreferences;
}

/** What a user with nothing stored starts with. */
export interface RightsDefaults {
  /** Default: everything personalized, the ordinary service. */
  personalization?: import('../types.js').PersonalizationPreferences;
}

/**
 * One concern of the store (personalization, tags, and later minor mode,
 * consent, complaints), described once: the store and the provider loop over
 * descriptors, so adding a slice means writing its descriptor and nothing
 * else. A component registers the slice it needs on first use, so a page
 * pays only for the slices it shows.
 */
export interface SliceDescriptor<Slice = unknown> {
  /** The slice's key in the store's state, such as `'tags'`. */
  name: string;
  /** The adapters it uses, each with the methods it cannot do without. */
  requiredMethods: Partial<Record<AdapterName, readonly string[]>>;
  /** How to fix a missing method, per adapter, for the developer error. */
  advice: Partial<Record<AdapterName, string>>;
  /** The adapter used when the provider passes none. */
  defaults: { [Name in AdapterName]?: () => NonNullable<RightsAdapters[Name]> };
  /** Creates the slice's state and actions, typed against the whole store. */
  create(context: SliceContext): StateCreator<RightsState, [], [], Slice>;
  /** Called as soon as the slice is started, before the outbox is read, such as to show that its data is loading. */
  starting?(store: StoreApi<RightsState>): void;
  /** Starts the slice once the outbox is read: loads its data and listens for changes elsewhere. Returns the stop. */
  connect(store: StoreApi<RightsState>, context: SliceContext): () => void;
}
