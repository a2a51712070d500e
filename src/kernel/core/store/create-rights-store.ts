import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLocalStorageOutboxAdapter } from '../outbox/outbox-adapters.js';
import type { AdapterName, OutboxAdapter, RightsAdapters } from '../adapters/types.js';
import { systemClock, type RightsClock } from '../clock.js';
import { RightsDeveloperError, type RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { RightsState } from './registry.js';
import type { VisibilitySource } from '../visibility.js';
import type { CoreSlice } from './core-slice.js';
import type { RightsDefaults, RightsInitialState, SliceContext, SliceDescriptor, SliceInstance } from './define-slice.js';
import type { WriteEngineOptions } from '../engine/engine-options.js';
import { andThen } from '../engine/outcome.js';
import type { OutboxState, SliceWriteHandler, WriteEngine } from '../engine/write-engine.js';

export type { RightsDefaults, RightsInitialState } from './define-slice.js';

export interface CreateRightsStoreOptions {
  /** Where state is read and written. Each adapter defaults to the browser's localStorage, which works with no backend. */
  adapters?: RightsAdapters;
  /** State the server already knows, for example from a cookie: controls render it at once, with no placeholder. */
  initialState?: RightsInitialState;
  /** What a user with nothing stored starts with. Default: everything personalized, the ordinary service. */
  defaults?: RightsDefaults;
  /** Receives every rights action, for the audit log (网络数据安全管理条例 44; PIPL 54–56). */
  onEvent?: (event: RightsEvent) => void;
  /** Receives every runtime failure; the user sees a localized message, never an exception. */
  onError?: (error: RightsError) => void;
  /** How long a write may take before the kit aborts it and counts it as failed. Default: 8000 ms. */
  writeTimeoutMs?: number;
  /** How long a read may take before the kit aborts it, shows its privacy-protective fallback and tries again. Default: 8000 ms. */
  loadTimeoutMs?: number;
  /** Delay before the first retry of a pending write; it doubles up to 60 s. Default: 2000 ms. */
  retryDelayMs?: number;
  /** The clock. Default: the system's. Tests pass `createManualClock()`. */
  clock?: RightsClock;
  /** The platform's IANA time zone, for minor mode's 22:00–06:00 curfew and its day. Default: `Asia/Shanghai`. */
  timeZone?: string;
  /**
   * Whether the app is in front of the user, for minor mode's time, which counts only then. Default: the page's
   * own visibility (`document.visibilityState`; never in front where there is no page). Read once.
   */
  visibility?: VisibilitySource;
  /**
   * Slices to register at once, in order. The package's `createRightsStore` puts personalization first, so it is
   * always there; components register the slices they need themselves.
   */
  slices?: readonly SliceDescriptor[];
}

/** A store made by {@link createRightsStore}: a zustand store, plus the slices it runs. */
export interface RightsStore extends StoreApi<RightsState> {
  /** Registers a slice; later calls with the same slice do nothing. Components call it for the slice they need. */
  register(descriptor: SliceDescriptor): void;
  /**
   * Starts the store: reads the outbox on this device, then every registered slice's data, listens for
   * changes in other tabs, and sends and retries what is pending. Returns the stop. A `RightsProvider`
   * calls it on mount; call it yourself only to use the kit without React.
   */
  connect(): () => void;
  /** Starts one slice, for a slice registered after `connect`. Returns the stop. */
  connectSlice(name: string): () => void;
  /** The clock the store runs on (`clock`, else the system's), for views that show a time. */
  readonly clock: RightsClock;
  /** Reads one slice again if its load failed, and sends its pending writes now. */
  retrySlice(name: string): Promise<void>;
  /** Forgets one slice's last failure, once the user has seen it. */
  dismissSliceFailure(name: string): void;
}

const OUTBOX_METHODS = ['load', 'put', 'delete', 'setAside'] as const;
const OUTBOX_ADVICE = 'use createLocalStorageOutboxAdapter() or createMemoryOutboxAdapter(), and check yours with runOutboxAdapterConformance()';

function assertAdapter<Adapter extends object>(adapter: Adapter, name: AdapterName, required: readonly string[], advice: string | undefined): Adapter {
  const missing = required.filter((method) => typeof (adapter as Record<string, unknown>)[method] !== 'function');
  if (missing.length > 0) {
    throw new RightsDeveloperError(
      `adapters.${name} has no ${missing.map((method) => `${method}()`).join(', ')}. It needs ` +
        `${required.map((method) => `${method}()`).join(', ')}${advice ? `; ${advice}` : ''}.`,
    );
  }
  return adapter;
}

/**
 * Creates one store of the kernel, with only the slices it is given: it knows no right. The package's
 * `createRightsStore` (src/store.ts) is this with personalization, which is always there, and the outbox that
 * replays what version 0.1 left pending. `createWriteEngine` makes the engine: the engine itself, or, in a
 * provider, one that loads it after the first paint (`createDeferredEngine`).
 */
export function createSliceStore(options: CreateRightsStoreOptions, createWriteEngine: (engineOptions: WriteEngineOptions) => WriteEngine): RightsStore {
  const clock = options.clock ?? systemClock;
  const supplied: RightsAdapters = options.adapters ?? {};
  const resolved = new Map<AdapterName, object>();
  const descriptors = new Map<string, { descriptor: SliceDescriptor; instance: SliceInstance<Partial<RightsState>> }>();
  const handlers = new Map<string, SliceWriteHandler>();
  const outbox: OutboxAdapter = assertAdapter(supplied.outbox ?? createLocalStorageOutboxAdapter(), 'outbox', OUTBOX_METHODS, OUTBOX_ADVICE);
  const emit = (event: RightsEvent) => options.onEvent?.(event);
  const reportError = (error: RightsError) => options.onError?.(error);
  const timestamp = () => new Date(clock.now()).toISOString();

  const core: CoreSlice = {
    outbox: { load: 'idle', entries: [], unsaved: [], unreadable: [] } satisfies OutboxState,
    // Every slice reads again what failed to load and sends its writes; then the writes of slices no component shows.
    retrySync: async () => {
      await Promise.all([...descriptors.values()].map(({ instance }) => instance.retry()));
      await engine.flushAll();
    },
  };
  // The slices join the state as they are registered; until then the store holds the core alone.
  const base = createStore<RightsState>()(() => core as RightsState);

  const engine = createWriteEngine({
    clock,
    outbox,
    // A provider's adapter serves its pending writes even before its slice is registered.
    adapter: (name) => resolved.get(name) ?? supplied[name],
    handler: (slice) => handlers.get(slice),
    slices: () => [...descriptors.keys()],
    getState: () => base.getState().outbox,
    setState: (patch) => base.setState((state) => ({ outbox: { ...state.outbox, ...patch } })),
    emit,
    reportError,
    writeTimeoutMs: options.writeTimeoutMs ?? 8000,
    loadTimeoutMs: options.loadTimeoutMs ?? 8000,
    retryDelayMs: options.retryDelayMs ?? 2000,
    maxRetryDelayMs: 60_000,
  });

  let initialState = base.getInitialState();
  let outboxRead: ReturnType<typeof engine.loadOutbox> | null = null;
  const readOutbox = () => (outboxRead ??= engine.loadOutbox());
  const connections = new Map<string, { count: number; stop: (() => void) | null }>();
  let storeConnections = 0;
  let unpublished = false;
  let unsubscribeOutbox: (() => void) | undefined;

  const register = (descriptor: SliceDescriptor) => {
    if (descriptors.has(descriptor.name)) {
      return;
    }
    for (const [name, required] of Object.entries(descriptor.requiredMethods) as [AdapterName, readonly string[]][]) {
      if (!resolved.has(name)) {
        const adapter = supplied[name] ?? descriptor.defaults[name]?.();
        if (!adapter) {
          throw new RightsDeveloperError(`The ${descriptor.name} slice needs adapters.${name}; ${descriptor.advice[name] ?? ''}.`);
        }
        resolved.set(name, assertAdapter(adapter, name, required, descriptor.advice[name]));
      }
    }
    const context: SliceContext = {
      clock,
      engine,
      adapter: (name) => (resolved.get(name) ?? supplied[name]) as never,
      emit,
      reportError,
      timestamp,
      handle: (handler) => handlers.set(descriptor.name, handler),
      outbox: () => base.getState().outbox,
      options: {
        initialState: options.initialState,
        defaults: options.defaults,
        timeZone: options.timeZone,
        visibility: options.visibility,
        callTimeoutMs: options.loadTimeoutMs ?? 8000,
      },
    };
    const instance = descriptor.start(context, base);
    descriptors.set(descriptor.name, { descriptor, instance });
    const slice = instance.initial;
    // Rendering on the server and hydrating read the initial state: it includes every slice registered.
    initialState = { ...initialState, ...slice };
    // Added in place, with no notice to subscribers: a component registers its slice while it renders, and
    // telling other components then would update them during another's render. No one can be reading a
    // slice that did not exist; the notice goes out when the slice starts (`publish`), outside rendering.
    Object.assign(base.getState(), slice);
    unpublished = true;
  };

  /** Tells subscribers about slices registered since the last notice: from an effect, never from a render. */
  const publish = () => {
    if (unpublished) {
      unpublished = false;
      base.setState((state) => ({ ...state }));
    }
  };

  /** Starts a slice once the outbox is read; counted, so that the provider and a component can both hold it. */
  const acquire = (name: string) => {
    const entry = descriptors.get(name);
    if (!entry) {
      throw new RightsDeveloperError(`No slice "${name}" is registered; call store.register(descriptor) first.`);
    }
    publish();
    const connection = connections.get(name) ?? { count: 0, stop: null };
    connections.set(name, connection);
    connection.count += 1;
    if (connection.count === 1) {
      entry.instance.starting();
      void andThen(readOutbox(), () => {
        if (connection.count > 0 && connection.stop === null) {
          engine.adoptSlice(name);
          connection.stop = entry.instance.connect();
          void engine.flush(name);
        }
      });
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      connection.count -= 1;
      if (connection.count === 0) {
        connection.stop?.();
        connection.stop = null;
      }
    };
  };

  for (const descriptor of options.slices ?? []) {
    register(descriptor);
  }

  return Object.assign(base, {
    clock,
    getInitialState: () => initialState,
    register,
    connectSlice: acquire,
    retrySlice: (name: string) => descriptors.get(name)?.instance.retry() ?? Promise.resolve(),
    dismissSliceFailure: (name: string) => descriptors.get(name)?.instance.dismissFailure(),
    connect() {
      storeConnections += 1;
      const disconnectEngine = engine.connect();
      if (storeConnections === 1) {
        unsubscribeOutbox = outbox.subscribe?.(() => void engine.reloadOutbox());
      }
      const releases = [...descriptors.keys()].map(acquire);
      // Writes left by an earlier visit go out now, those of slices no component shows too.
      void andThen(readOutbox(), () => engine.flushAll());
      return () => {
        releases.forEach((release) => release());
        disconnectEngine();
        storeConnections -= 1;
        if (storeConnections === 0) {
          unsubscribeOutbox?.();
          unsubscribeOutbox = undefined;
        }
      };
    },
  });
}
