import type { StoreApi } from 'zustand/vanilla';
import type { RightsClock } from '../clock.js';
import { RightsError, toRightsError, type RightsFailure } from '../errors.js';
import type { OutboxState, SliceWriteHandler, WriteEngine, WriteRequest } from '../engine/write-engine.js';
import { isPromiseLike, type Awaitable, type LoadState, type PersonalizationPreferences } from '../types.js';
import type { AdapterName, RightsAdapters, RightsEvent, RightsState } from './registry.js';
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
  /** How long a call through {@link SliceKit.call} may take before it is aborted. Default: 8000 ms. */
  callTimeoutMs?: number;
}

/** State known before anything loads, for example from a cookie the server read. */
export interface RightsInitialState {
  /** The user's personalization choices as the server knows them. */
  personalization?: PersonalizationPreferences;
}

/** What a user with nothing stored starts with. */
export interface RightsDefaults {
  /** Default: everything personalized, the ordinary service. */
  personalization?: PersonalizationPreferences;
}

/** What every slice descriptor says about the adapters it needs. */
interface SliceAdapterNeeds<Name extends string = string> {
  /** The slice's key in the store's state, such as `'tags'`. */
  name: Name;
  /** The adapters it uses, each with the methods it cannot do without. */
  requiredMethods: Partial<Record<AdapterName, readonly string[]>>;
  /** How to fix a missing method, per adapter, for the developer error. */
  advice: Partial<Record<AdapterName, string>>;
  /** The adapter used when the provider passes none. */
  defaults: { [Name in AdapterName]?: () => NonNullable<RightsAdapters[Name]> };
}

/**
 * A slice as a store runs it: its initial state and actions, and what starts it. Made once per store by
 * {@link defineSlice}, so everything the slice keeps lives in one scope shared by creating and connecting.
 */
export interface SliceInstance<Slice> {
  /** The slice's state and actions, merged into the store. */
  initial: Slice;
  /** Called as soon as the slice is started, before the outbox is read, such as to show that its data is loading. */
  starting(): void;
  /** Starts the slice once the outbox is read: loads its data and listens for changes elsewhere. Returns the stop. */
  connect(): () => void;
  /** Reads again what failed to load, and sends the slice's pending writes. `retrySync` and `online` call it. */
  retry(): Promise<void>;
  /** Forgets the slice's last failure, once the user has seen it. */
  dismissFailure(): void;
}

/**
 * One concern of the store (personalization, tags, minor mode, consent, complaints), described once: the
 * store and the provider loop over descriptors, so adding a slice means writing its descriptor and
 * nothing else. A component registers the slice it needs on first use, so a page pays only for the
 * slices it shows. Every slice is written with {@link defineSlice}.
 */
export type SliceDescriptor<Slice = Partial<RightsState>, Name extends string = string> = SliceAdapterNeeds<Name> & {
  /** Makes the slice for one store. */
  start(context: SliceContext, store: StoreApi<RightsState>): SliceInstance<Slice>;
};

/** What every slice's data carries: where its load stands and its last failure. */
export interface SliceStatusData {
  load: LoadState;
  failure: RightsFailure | null;
}

/** The names of registered slices whose data has a load state and a failure. */
export type SliceName = {
  [Name in keyof RightsState]: RightsState[Name] extends SliceStatusData ? Name : never;
}[keyof RightsState] &
  string;

/** Options of {@link SliceKit.call}. */
export interface CallOptions {
  /** Aborts the call when this many milliseconds pass without an answer. Default: the store's call timeout. */
  timeoutMs?: number;
  /** Aborts the call when it aborts. */
  signal?: AbortSignal;
  /** The code of the failure thrown when the call fails or times out. Default: `'write-failed'`. */
  code?: 'read-failed' | 'write-failed';
}

/** What a slice's `setup` gets: its store, the engine, and the plumbing every slice shares. */
export interface SliceKit<Name extends SliceName> {
  readonly name: Name;
  readonly clock: RightsClock;
  readonly options: SliceOptions;
  /** The whole store's state. */
  get(): RightsState;
  /** The slice's own data. */
  state(): RightsState[Name];
  /** Merges a patch into the slice's data. */
  update(patch: Partial<RightsState[Name]>): void;
  /** The adapter behind a name: the provider's, or the slice's default. */
  adapter<Adapter extends AdapterName>(name: Adapter): NonNullable<RightsAdapters[Adapter]>;
  emit(event: RightsEvent): void;
  reportError(error: RightsError): void;
  /** The current time as an ISO 8601 string, for events. */
  timestamp(): string;
  /** The engine's state: the outbox. */
  outbox(): OutboxState;
  /** Tells the engine how to reach this slice. */
  handle(handler: Omit<SliceWriteHandler, 'setFailure'> & Partial<Pick<SliceWriteHandler, 'setFailure'>>): void;
  /** The engine's write: the one path for every write the slice keeps. */
  write(request: WriteRequest): Promise<void>;
  /**
   * A call that must not be stored (an upload, a draft, a PIN): a timeout and a real abort, and a
   * {@link RightsError} with `code` when it fails.
   */
  call<T>(run: (signal: AbortSignal) => Awaitable<T>, options?: CallOptions): Promise<T>;
  /** Reads the slice's data once; with `{ retry: true }`, again after a failed read. */
  loadOnce(options?: { retry?: boolean }): void;
  /** Reads again if the last read failed, and sends the slice's pending writes now. */
  retry(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissFailure(): void;
  /** The engine itself, for what the kit does not wrap (withdraw, rehold, read). */
  readonly engine: WriteEngine;
}

/** What a slice's `setup` returns. */
export interface SliceSetup<Name extends SliceName, Actions> {
  /** The slice's data as the store starts with it. */
  state: RightsState[Name];
  /** The slice's actions, merged into the store's state beside its data. */
  actions: Actions;
  /** Reads the slice's data; `loadOnce` and `retry` call it, and the standard connect on a change elsewhere. */
  read?(): Awaitable<void>;
  /** What a change elsewhere (the adapter's `subscribe`) does. Default: read again, once the data is ready. */
  changed?(): void;
  /** Called as soon as the slice is started, before the outbox is read. */
  starting?(): void;
  /** More to do when the slice starts, after the standard connect. Returns its stop. */
  connect?(): (() => void) | void;
  /** What `retry` does, for a slice that reads again in its own way. Default: {@link SliceKit.retry}'s. */
  retry?(): Promise<void>;
}

/** What {@link defineSlice} takes. */
export interface SliceDefinition<Name extends SliceName, Actions> extends SliceAdapterNeeds<Name> {
  /**
   * Whether connecting reports choices kept on this device that could not be read, as a `recover`
   * failure. Default: `true`. A slice that recovers in its own read says `false`.
   */
  reportUnreadable?: boolean;
  /** Which adapter's `subscribe` says the data changed elsewhere; the standard connect then calls `changed`. */
  watch?: AdapterName;
  /** Builds the slice for one store: its state, its actions and its read, in one scope. */
  setup(kit: SliceKit<Name>): SliceSetup<Name, Actions>;
}

/**
 * Describes a slice with the plumbing every slice shares: one scope per store shared by its actions and
 * its connect, a load guard, retry and dismiss, the engine's write and call, and a connect that reads
 * again when the adapter says the data changed elsewhere.
 */
export function defineSlice<Name extends SliceName, Actions>(definition: SliceDefinition<Name, Actions>): SliceDescriptor<Pick<RightsState, Name> & Actions, Name> {
  const { name } = definition;
  return {
    name,
    requiredMethods: definition.requiredMethods,
    advice: definition.advice,
    defaults: definition.defaults,
    start(context, store) {
      const get = store.getState;
      const state = (): RightsState[Name] => get()[name];
      const replace = (next: RightsState[Name]) => store.setState(sliceData(name, next));
      const update = (patch: Partial<RightsState[Name]>) => replace({ ...state(), ...patch });
      const setStatus = (patch: Partial<SliceStatusData>) => replace({ ...state(), ...patch });
      let read: (() => Awaitable<void>) | undefined;
      let retry: (() => Promise<void>) | undefined;
      const loadOnce = (options: { retry?: boolean } = {}): Awaitable<void> => {
        const { load } = state();
        if (!read || load === 'loading' || load === 'ready' || (load === 'error' && !options.retry)) {
          return;
        }
        setStatus({ load: 'loading' });
        return read();
      };
      const kit: SliceKit<Name> = {
        name,
        clock: context.clock,
        options: context.options,
        engine: context.engine,
        get,
        state,
        update,
        adapter: context.adapter,
        emit: context.emit,
        reportError: context.reportError,
        timestamp: context.timestamp,
        outbox: context.outbox,
        handle(handler) {
          context.handle({
            setFailure(failure, onlyIfAction) {
              if (onlyIfAction === undefined || state().failure?.action === onlyIfAction) {
                setStatus({ failure });
              }
            },
            ...handler,
          });
        },
        write: (request) => context.engine.write(request),
        // A slice's failure is a RightsError of the call's code, whatever ended it (the engine rejects an
        // aborted call with the caller's own reason).
        call: (run, options = {}) =>
          context.engine
            .call(run, { timeoutMs: context.options.callTimeoutMs ?? 8000, ...options })
            .catch((error: unknown) => Promise.reject(toRightsError(error, options.code ?? 'write-failed', 'The call failed.'))),
        loadOnce(options) {
          void loadOnce(options);
        },
        async retry() {
          if (retry) {
            return retry();
          }
          if (state().failure?.action === 'load') {
            await loadOnce({ retry: true });
          }
          await context.engine.flush(name);
        },
        dismissFailure() {
          if (state().failure) {
            setStatus({ failure: null });
          }
        },
      };
      const setup = definition.setup(kit);
      read = setup.read;
      retry = setup.retry;
      const changed =
        setup.changed ??
        (() => {
          if (state().load === 'ready') {
            void read?.();
          }
        });
      const watched = definition.watch;
      return {
        initial: { ...sliceData(name, setup.state), ...setup.actions },
        starting: () => setup.starting?.(),
        connect() {
          const unreadable = context.outbox().unreadable;
          if (definition.reportUnreadable !== false && (unreadable.includes(name) || unreadable.includes('*'))) {
            setStatus({ failure: { code: 'outbox-unreadable', action: 'recover' } });
          }
          const unsubscribe = watched ? subscribeTo(context.adapter(watched), changed) : undefined;
          const stop = setup.connect?.();
          return () => {
            unsubscribe?.();
            stop?.();
          };
        },
        retry: () => kit.retry(),
        dismissFailure: () => kit.dismissFailure(),
      };
    },
  };
}

/** `{ [name]: data }`, as a patch of the whole store. */
function sliceData<Name extends SliceName>(name: Name, data: RightsState[Name]): Pick<RightsState, Name> {
  // A computed key widens to an index signature; this is the one place a slice's key meets its data.
  return { [name]: data } as Pick<RightsState, Name>;
}

function subscribeTo(adapter: object, onChange: () => void): (() => void) | undefined {
  const subscribe: unknown = Reflect.get(adapter, 'subscribe');
  if (typeof subscribe !== 'function') {
    return undefined;
  }
  const stop: unknown = subscribe.call(adapter, onChange);
  return typeof stop === 'function' ? () => void stop() : undefined;
}

