import fc from 'fast-check';
import { parseOutboxEntries, type OutboxEntry } from '../kernel/core/outbox/outbox.js';
import type { RightsStore } from '../kernel/core/store/create-rights-store.js';
import type { SliceDescriptor } from '../kernel/core/store/define-slice.js';
import { FAULTS, createModelWorld, type BackendMethod, type Fault, type ModelWorld, type Tab } from './model-world.js';

/**
 * The model-based proof's driver: the model of what the user chose, the commands every right shares
 * (faults, the server's clock, time, reloads, a second tab, a full device, a corrupt outbox), the
 * outbox's own invariants, and the run. Each right brings its commands and invariants in
 * `rights/<right>/core/model-commands.ts` as a {@link ModelRight}.
 */

/**
 * What each right's model keeps, by the right's name. Each right's `model-commands.ts` adds its own
 * member by declaration merging, as it adds its slice to the store's registry.
 */
export interface ModelRights {}

/**
 * What the user chose last, which the kit must never lose, kept per right in `rights`; and what every
 * right shares: which tab made each choice, and how to take back a reducing choice the kit rolled back
 * (and said so): it gives way to what the model said before it.
 */
export interface Model {
  /** Which tab made each choice, by correlation id: a tab knows the choices it made itself. */
  madeBy: Map<string, Tab>;
  /** The action that last touched a key (a scope, a tag, …), by correlation id. */
  lastTouch: Map<string, string>;
  /** What a rolled-back action puts back, by correlation id and key, where no later action touched that key. */
  before: Map<string, Map<string, () => void>>;
  /** How far into the event log the model has read. */
  eventsRead: number;
  /**
   * Whether the device's storage is full, and whether a second tab is open. Tabs keep in step through
   * the outbox on the device: while it cannot be written, two tabs cannot order their writes, so a
   * full device is tried with one tab.
   */
  deviceFull: boolean;
  secondTab: boolean;
  steps: number;
  rights: ModelRights;
}

/** One step of a history. */
export type Command = fc.AsyncCommand<Model, ModelWorld>;

/** What a tab lost when it closed, and what is still to have an effect. */
export interface TabClosed {
  /** Writes only the closed tab's memory held (the device could not store them), not carried out by the backend. */
  lost: readonly OutboxEntry[];
  /** Writes still to have an effect: on the device or in another open tab, not yet carried out. */
  remaining: readonly OutboxEntry[];
  tab: Tab;
}

/** One right's part of the proof. */
export interface ModelRight<Name extends keyof ModelRights = keyof ModelRights> {
  name: Name;
  initial(): ModelRights[Name];
  /** The slices its views register, and what they ask for when they mount. */
  slices?: readonly SliceDescriptor[];
  mounted?(store: RightsStore): void;
  /** The backend methods its adapters call, for the fault commands. */
  methods: readonly BackendMethod[];
  /** The user's actions in this right. */
  commands(): fc.Arbitrary<Command>[];
  /** Reads one event of the log (the model reads each once, in order). */
  event?(model: Model, world: ModelWorld, event: ModelWorld['events'][number]): void;
  /** What must hold after every step, while faults may still be on. */
  always?(model: Model, world: ModelWorld): void;
  /** What must hold once faults clear and retries have run. */
  settled?(model: Model, world: ModelWorld): void;
  /** A tab closed: forgets the choices that only its memory held. */
  closed?(model: Model, world: ModelWorld, closed: TabClosed): void;
  /** A tab opened (a reload, or a second tab), before it has read anything. */
  opened?(model: Model, world: ModelWorld, tab: Tab): void;
}

export function fail(message: string): never {
  throw new Error(message);
}

export const openTabs = (world: ModelWorld) => world.tabs.filter((tab): tab is Tab => tab !== null);

export const tabOf = (world: ModelWorld, index: number) => world.tabs[index] ?? world.tabs[0] ?? fail('no tab is open');

/** Every entry in the device outbox the kit can read. */
export function deviceEntries(world: ModelWorld): OutboxEntry[] {
  const stored = (world.outboxCell.value as { entries?: unknown[] } | null)?.entries ?? [];
  return parseOutboxEntries(stored).entries;
}

/**
 * Writes still to have an effect: waiting on the device or in a tab's memory, and not yet carried out by
 * the backend (a retry of a key it has carried out changes nothing).
 */
export function effective(world: ModelWorld, entries: readonly OutboxEntry[]) {
  return entries.filter((entry) => !world.backend.done.has(entry.key));
}

/** Every write still to have an effect, from the device and every open tab. */
export function pendingEntries(world: ModelWorld): OutboxEntry[] {
  return effective(world, [...deviceEntries(world), ...openTabs(world).flatMap((tab) => tab.store.getState().outbox.entries)]);
}

/** What a tab can know of: the device's outbox and its own memory. */
export function knowableEntries(world: ModelWorld, tab: Tab): OutboxEntry[] {
  return [...deviceEntries(world), ...tab.store.getState().outbox.entries];
}

/**
 * Whether a tab can know of a choice: it made it, or it waits on the device or in this tab's memory. A
 * choice the device could not store reaches another tab only through the backend, once a read answers.
 */
export function knows(model: Model, world: ModelWorld, tab: Tab, correlationId: string | undefined): boolean {
  return correlationId !== undefined && (model.madeBy.get(correlationId) === tab || knowableEntries(world, tab).some((entry) => entry.correlationId === correlationId));
}

/** Records that an action touched `key`, and what to put back if the kit rolls it back. */
export function touch(model: Model, correlationId: string, key: string, restore: () => void) {
  model.lastTouch.set(key, correlationId);
  const before = model.before.get(correlationId) ?? new Map<string, () => void>();
  if (!before.has(key)) {
    before.set(key, restore);
  }
  model.before.set(correlationId, before);
}

/**
 * Runs a user action and records what it chose, from the change event it emitted. Revisions are
 * ordered by the device's clock; a person cannot act twice within a few milliseconds, so the fake
 * clock moves on before each action, as the real one would.
 */
export async function userAction(model: Model, world: ModelWorld, tab: Tab, act: () => unknown) {
  await world.clock.advance(10);
  const firstEvent = world.events.length;
  void act();
  const changed = world.events.slice(firstEvent).find((event) => !event.type.endsWith('.synced') && !event.type.endsWith('.sync-pending'));
  if (changed) {
    model.madeBy.set(changed.correlationId, tab);
  }
  return { changed };
}

/* -------------------------------------------------------------------------------------------------
 * The run: the rights in play, their model, and the checks
 * -----------------------------------------------------------------------------------------------*/

/** The model and the world of one history, with the rights it covers. */
export interface ModelRun {
  rights: readonly ModelRight[];
}

const runs = new WeakMap<Model, ModelRun>();
const rightsOf = (model: Model) => runs.get(model)?.rights ?? [];

export function initialModel(rights: readonly ModelRight[]): Model {
  const model: Model = {
    madeBy: new Map(),
    lastTouch: new Map(),
    before: new Map(),
    eventsRead: 0,
    deviceFull: false,
    secondTab: false,
    steps: 0,
    rights: Object.fromEntries(rights.map((right) => [right.name, right.initial()])) as unknown as ModelRights,
  };
  runs.set(model, { rights });
  return model;
}

/** Reads new events: a rollback restores what the model said before the rolled-back choice, where no later choice touched it. */
export function readEvents(model: Model, world: ModelWorld) {
  for (; model.eventsRead < world.events.length; model.eventsRead += 1) {
    const event = world.events[model.eventsRead];
    if (!event) {
      continue;
    }
    for (const right of rightsOf(model)) {
      right.event?.(model, world, event);
    }
    if (!event.type.endsWith('.rolled-back')) {
      continue;
    }
    for (const [key, restore] of model.before.get(event.correlationId) ?? []) {
      if (model.lastTouch.get(key) === event.correlationId) {
        restore();
      }
    }
  }
}

/** Checks what must hold after every step, while faults may still be on. */
export function checkAlways(model: Model, world: ModelWorld) {
  readEvents(model, world);
  const device = deviceEntries(world);
  for (const [index, tab] of world.tabs.entries()) {
    if (!tab) {
      continue;
    }
    const state = tab.store.getState();
    // The pending flag is the outbox: what the store holds as pending is on the device, or marked as not stored yet.
    const deviceKeys = new Set(device.map((entry) => entry.key));
    const unsaved = new Set(state.outbox.unsaved);
    for (const entry of state.outbox.entries) {
      if (!deviceKeys.has(entry.key) && !unsaved.has(entry.key)) {
        fail(`tab ${index} shows a write pending (${entry.slice}.${entry.method}) that is neither on the device nor marked unsaved`);
      }
    }
    // A confirmed write may stay on the device when forgetting it failed (storage full): a retry of it has no effect.
    for (const key of deviceKeys) {
      if (!state.outbox.entries.some((entry) => entry.key === key) && !world.backend.done.has(key)) {
        fail(`the device holds a pending write tab ${index} does not show as pending`);
      }
    }
  }
  for (const right of rightsOf(model)) {
    right.always?.(model, world);
  }
}

/** Checks what must hold once faults clear and retries have run. */
export function checkSettled(model: Model, world: ModelWorld) {
  readEvents(model, world);
  for (const right of rightsOf(model)) {
    right.settled?.(model, world);
  }
  const payloads = new Map<string, string>();
  for (const call of world.backend.calls) {
    const earlier = payloads.get(call.key);
    if (earlier !== undefined && earlier !== call.payload) {
      fail(`the key ${call.key} was sent with two different writes`);
    }
    payloads.set(call.key, call.payload);
  }
  if (deviceEntries(world).length > 0) {
    fail('after recovery the outbox on the device is not empty');
  }
  for (const tab of openTabs(world)) {
    if (tab.store.getState().outbox.entries.length > 0) {
      fail('after recovery a tab still shows a write pending');
    }
  }
}

/* -------------------------------------------------------------------------------------------------
 * The commands every right shares
 * -----------------------------------------------------------------------------------------------*/

class SetFault implements Command {
  constructor(
    readonly method: BackendMethod,
    readonly fault: Fault,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    world.backend.faults.set(this.method, this.fault);
    checkAlways(model, world);
  }
  toString = () => `fault(${this.method}, ${this.fault})`;
}

class Skew implements Command {
  constructor(readonly milliseconds: number) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    world.backend.skewMs = this.milliseconds;
    checkAlways(model, world);
  }
  toString = () => `serverClock(${this.milliseconds > 0 ? '+' : ''}${this.milliseconds / 60_000} min)`;
}

class Advance implements Command {
  constructor(readonly milliseconds: number) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    await world.clock.advance(this.milliseconds);
    checkAlways(model, world);
  }
  toString = () => `advance(${this.milliseconds})`;
}

/**
 * Closing a tab loses what only its memory held (the device could not store it, and the user was told
 * to keep the page open): choices not yet on the backend or the device are no longer expected.
 */
async function closeTab(model: Model, world: ModelWorld, tab: Tab) {
  const state = tab.store.getState();
  const unsaved = new Set(state.outbox.unsaved);
  const lost = state.outbox.entries.filter((entry) => unsaved.has(entry.key) && !world.backend.done.has(entry.key));
  // What the page saw before it closed counts; it does nothing after.
  readEvents(model, world);
  tab.closed = true;
  tab.stop();
  // The page is gone: the store's deferred stop runs now, and nothing it held in memory is sent later.
  await world.clock.advance(0);
  model.eventsRead = world.events.length;
  const remaining = effective(world, [...deviceEntries(world), ...openTabs(world).filter((other) => other !== tab).flatMap((other) => other.store.getState().outbox.entries)]);
  for (const right of rightsOf(model)) {
    right.closed?.(model, world, { lost, remaining, tab });
  }
}

/** Opens a tab: a reload, or a second one. */
function openTab(model: Model, world: ModelWorld): Tab {
  const tab = world.open();
  for (const right of rightsOf(model)) {
    right.opened?.(model, world, tab);
  }
  return tab;
}

class Reload implements Command {
  constructor(readonly tab: number) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const index = world.tabs[this.tab] ? this.tab : 0;
    const current = world.tabs[index];
    if (current) {
      await closeTab(model, world, current);
    }
    world.tabs[index] = openTab(model, world);
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.reload()`;
}

class SecondTab implements Command {
  check = (model: Readonly<Model>) => !model.deviceFull;
  async run(model: Model, world: ModelWorld) {
    model.secondTab = !world.tabs[1];
    if (world.tabs[1]) {
      await closeTab(model, world, world.tabs[1]);
      world.tabs[1] = null;
    } else {
      world.tabs[1] = openTab(model, world);
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => 'toggleSecondTab()';
}

class DeviceFull implements Command {
  constructor(readonly full: boolean) {}
  check = (model: Readonly<Model>) => !model.secondTab;
  async run(model: Model, world: ModelWorld) {
    model.deviceFull = this.full;
    world.device.full = this.full;
    checkAlways(model, world);
  }
  toString = () => `deviceStorageFull(${this.full})`;
}

class CorruptOutbox implements Command {
  constructor(readonly kind: 'entry' | 'foreign') {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const record = (world.outboxCell.value as { version: number; entries: unknown[] } | null) ?? { version: 1, entries: [] };
    const poison = this.kind === 'entry' ? { key: 'poison', slice: 'tags', method: 'remove', args: 'not a list' } : { garbage: true };
    world.outboxCell.value = { version: 1, entries: [...record.entries, poison] };
    checkAlways(model, world);
  }
  toString = () => `corruptOutbox(${this.kind})`;
}

/** Which tab a user action happens in. */
export const tabIndex = fc.constantFrom(0, 1);

/** The shared commands, with the weights that make a history a mix of choices, faults, time and reloads. */
function worldCommands(methods: readonly BackendMethod[]): fc.Arbitrary<Command>[] {
  const fault = fc.tuple(fc.constantFrom(...methods), fc.constantFrom(...FAULTS)).map(([method, kind]) => new SetFault(method, kind));
  return [
    fault,
    fault,
    fc.constantFrom(-600_000, 0, 480 * 60_000).map((milliseconds) => new Skew(milliseconds)),
    fc.constantFrom(100, 2000, 6000, 61_000).map((milliseconds) => new Advance(milliseconds)),
    tabIndex.map((index) => new Reload(index)),
    fc.constant(new SecondTab()),
    fc.constantFrom('entry' as const, 'foreign' as const).map((kind) => new CorruptOutbox(kind)),
    fc.boolean().map((full) => new DeviceFull(full)),
  ];
}

/** Every command of the rights in play and of the world. */
export function commandArbitraries(rights: readonly ModelRight[]): fc.Arbitrary<Command>[] {
  return [...rights.flatMap((right) => right.commands()), ...worldCommands(rights.flatMap((right) => right.methods))];
}

/** Runs one history, then clears the faults, lets retries run and checks that nothing the user chose was lost. */
export async function runSequence(rights: readonly ModelRight[], commands: Iterable<Command>): Promise<{ steps: number }> {
  const world = createModelWorld({
    slices: [...new Set(rights.flatMap((right) => right.slices ?? []))],
    mounted: (store) => rights.forEach((right) => right.mounted?.(store)),
  });
  const model = initialModel(rights);
  await world.clock.settle();
  await fc.asyncModelRun(() => ({ model, real: world }), commands);
  world.backend.heal();
  world.device.full = false;
  for (let round = 0; round < 8; round += 1) {
    await world.clock.advance(61_000);
  }
  checkSettled(model, world);
  for (const open of world.tabs) {
    open?.stop();
  }
  return { steps: model.steps };
}
