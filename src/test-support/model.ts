import fc from 'fast-check';
import { effectiveModes, mergePreferenceRecords } from '../rights/personalization/core/model.js';
import { parseOutboxEntries, type OutboxEntry } from '../kernel/core/outbox/outbox.js';
import { selectRecommendationMode } from '../rights/personalization/core/selectors.js';
import { pendingRemovals } from '../rights/tags/core/slice.js';
import type { PersonalizationScope, PersonalizationTarget, PreferencesRecord, RecommendationMode } from '../kernel/core/types.js';
import { PERSONALIZATION_SCOPES } from '../kernel/core/types.js';
import {
  FAULTS,
  INTEREST_IDS,
  READ_METHODS,
  TAG_IDS,
  WRITE_METHODS,
  createModelWorld,
  type BackendMethod,
  type Fault,
  type ModelWorld,
  type Tab,
} from './model-world.js';

/**
 * What the user chose last, which the kit must never lose: for each scope,
 * whether the user's latest choice leaves it non-personalized; for each tag,
 * whether the user's latest choice deleted it; and how many times the user
 * said "not interested" in each item. A reducing choice that the kit rolled
 * back (and said so) gives way to what was there before it.
 */
export interface Model {
  off: Record<PersonalizationScope, boolean>;
  /** Which tab made each choice, by correlation id: a tab knows the choices it made itself. */
  madeBy: Map<string, Tab>;
  deleted: Map<string, boolean>;
  feedback: Map<string, number>;
  /** The action that last touched a scope or tag, by correlation id, and what the model said before it. */
  lastTouch: Map<string, string>;
  before: Map<string, Map<string, boolean>>;
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
}

export function initialModel(): Model {
  return {
    off: { feed: false, ads: false, push: false, search: false },
    madeBy: new Map(),
    deleted: new Map(),
    feedback: new Map(),
    lastTouch: new Map(),
    before: new Map(),
    eventsRead: 0,
    deviceFull: false,
    secondTab: false,
    steps: 0,
  };
}

const openTabs = (world: ModelWorld) => world.tabs.filter((tab): tab is Tab => tab !== null);

function touch(model: Model, correlationId: string, key: string, previous: boolean) {
  model.lastTouch.set(key, correlationId);
  const before = model.before.get(correlationId) ?? new Map<string, boolean>();
  if (!before.has(key)) {
    before.set(key, previous);
  }
  model.before.set(correlationId, before);
}

/** Reads new events: a rollback restores what the model said before the rolled-back choice, where no later choice touched it. */
function readEvents(model: Model, world: ModelWorld) {
  for (; model.eventsRead < world.events.length; model.eventsRead += 1) {
    const event = world.events[model.eventsRead];
    if (!event || !event.type.endsWith('.rolled-back')) {
      continue;
    }
    for (const [key, previous] of model.before.get(event.correlationId) ?? []) {
      if (model.lastTouch.get(key) !== event.correlationId) {
        continue;
      }
      if (key.startsWith('scope:')) {
        model.off[key.slice(6) as PersonalizationScope] = previous;
      } else {
        model.deleted.set(key.slice(4), previous);
      }
    }
  }
}

/** Every entry in the device outbox the kit can read. */
function deviceEntries(world: ModelWorld): OutboxEntry[] {
  const stored = (world.outboxCell.value as { entries?: unknown[] } | null)?.entries ?? [];
  return parseOutboxEntries(stored).entries;
}

const recordsOf = (entries: readonly OutboxEntry[]) =>
  entries.filter((entry) => entry.slice === 'personalization').map((entry) => entry.args[0] as PreferencesRecord);

/** Where the backend ends once every pending record has been sent: its record merged with all of them. */
function eventually(backend: PreferencesRecord | null, records: readonly PreferencesRecord[]) {
  const all = backend ? [backend, ...records] : [...records];
  const [first, ...rest] = all;
  return first ? effectiveModes(rest.reduce(mergePreferenceRecords, first).preferences) : null;
}

/**
 * Writes still to have an effect: waiting on the device or in a tab's memory, and not yet carried out by
 * the backend (a retry of a key it has carried out changes nothing).
 */
function effective(world: ModelWorld, entries: readonly OutboxEntry[]) {
  return entries.filter((entry) => !world.backend.done.has(entry.key));
}

function pendingRecords(world: ModelWorld): PreferencesRecord[] {
  return recordsOf(effective(world, [...deviceEntries(world), ...openTabs(world).flatMap((tab) => tab.store.getState().outbox.entries)]));
}

function fail(message: string): never {
  throw new Error(message);
}

/** Checks what must hold after every step, while faults may still be on. */
export function checkAlways(model: Model, world: ModelWorld) {
  readEvents(model, world);
  const records = pendingRecords(world);
  const backend = world.backend.preferences;
  const device = deviceEntries(world);
  for (const [index, tab] of world.tabs.entries()) {
    if (!tab) {
      continue;
    }
    const state = tab.store.getState();
    const mode = selectRecommendationMode(state);
    const tabRecord: PreferencesRecord = { preferences: state.personalization.preferences, revisions: state.personalization.revisions };
    // What this tab can know of: the device's outbox and its own memory. A choice the device could not
    // store reaches another tab only through the backend, once a read answers.
    const knowable = [...device, ...state.outbox.entries];
    const knowableRecords = recordsOf(knowable);
    for (const scope of PERSONALIZATION_SCOPES) {
      // The user's latest choice for this scope is non-personalized: every tab that can know it (it made
      // it, or it waits on the device or in this tab's memory) reads it so.
      const latest = model.lastTouch.get(`scope:${scope}`);
      const knows = latest !== undefined && (model.madeBy.get(latest) === tab || knowable.some((entry) => entry.correlationId === latest));
      if (model.off[scope] && mode[scope] !== 'non-personalized' && knows) {
        fail(`a tab reads ${scope} as personalized, but the user's latest choice turned it off`);
      }
      // A choice waiting in the outbox shows: no tab reads personalized for a scope whose opt-out is pending.
      for (const record of knowableRecords) {
        const merged = effectiveModes(mergePreferenceRecords(tabRecord, record).preferences);
        if (merged[scope] === 'non-personalized' && mode[scope] !== 'non-personalized') {
          fail(`a tab reads ${scope} as personalized while an opt-out for it waits in the outbox`);
        }
      }
    }
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
    if (state.tags.load === 'ready') {
      const shown = new Set(state.tags.tags.map((tag) => tag.id));
      for (const [id, deleted] of model.deleted) {
        const latest = model.lastTouch.get(`tag:${id}`);
        const knows = latest !== undefined && (model.madeBy.get(latest) === tab || knowable.some((entry) => entry.correlationId === latest));
        if (deleted && shown.has(id) && knows) {
          fail(`tag ${id} is shown although the user's latest choice deleted it`);
        }
      }
    }
  }
  // Every protective choice is confirmed by the backend or waits in the outbox: once what waits is sent,
  // the backend holds it.
  const outcome = eventually(backend, records);
  for (const scope of PERSONALIZATION_SCOPES) {
    if (model.off[scope] && outcome?.[scope] !== 'non-personalized') {
      fail(`the opt-out of ${scope} is neither on the backend nor in the outbox`);
    }
  }
  const removals = pendingRemovals(effective(world, [...deviceEntries(world), ...openTabs(world).flatMap((tab) => tab.store.getState().outbox.entries)]));
  for (const [id, deleted] of model.deleted) {
    if (deleted && world.backend.tags.has(id) && !removals.has(id)) {
      fail(`the deletion of tag ${id} is neither on the backend nor in the outbox`);
    }
  }
}

/** Checks what must hold once faults clear and retries have run. */
export function checkSettled(model: Model, world: ModelWorld) {
  readEvents(model, world);
  const backend = world.backend.preferences;
  const modes = backend ? effectiveModes(backend.preferences) : null;
  for (const scope of PERSONALIZATION_SCOPES) {
    if (model.off[scope] && modes?.[scope] !== 'non-personalized') {
      fail(`after recovery the backend has ${scope} personalized, but the user's latest choice turned it off`);
    }
  }
  for (const [id, deleted] of model.deleted) {
    if (deleted && world.backend.tags.has(id)) {
      fail(`after recovery the backend still has tag ${id}, which the user deleted`);
    }
  }
  for (const [item, count] of model.feedback) {
    const recorded = world.backend.feedback.filter((feedback) => feedback.itemId === item).length;
    if (recorded !== count) {
      fail(`"not interested" on ${item}: the user said it ${count} times, the backend recorded ${recorded}`);
    }
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
 * Commands
 * -----------------------------------------------------------------------------------------------*/

type Command = fc.AsyncCommand<Model, ModelWorld>;

const tabOf = (world: ModelWorld, index: number) => world.tabs[index] ?? world.tabs[0] ?? fail('no tab is open');

/**
 * Runs a user action and records what it chose, from the change event it emitted. Revisions are
 * ordered by the device's clock; a person cannot act twice within a few milliseconds, so the fake
 * clock moves on before each action, as the real one would.
 */
async function userAction(model: Model, world: ModelWorld, tab: Tab, act: () => unknown) {
  await world.clock.advance(10);
  const before = effectiveModes(tab.store.getState().personalization.preferences);
  const beforeTags = new Set(tab.store.getState().tags.tags.map((tag) => tag.id));
  const firstEvent = world.events.length;
  void act();
  const changed = world.events.slice(firstEvent).find((event) => !event.type.endsWith('.synced') && !event.type.endsWith('.sync-pending'));
  if (changed) {
    model.madeBy.set(changed.correlationId, tab);
  }
  return { before, beforeTags, changed };
}

class Personalize implements Command {
  constructor(
    readonly tab: number,
    readonly target: PersonalizationTarget,
    readonly mode: RecommendationMode,
    readonly strategy: string | null,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const { before, changed } = await userAction(model, world, tab, () =>
      this.strategy ? tab.store.getState().chooseFeedStrategy(this.strategy) : tab.store.getState().setPersonalization(this.target, this.mode),
    );
    if (changed) {
      const after = effectiveModes(tab.store.getState().personalization.preferences);
      for (const scope of PERSONALIZATION_SCOPES) {
        const targeted = this.target === 'all' || this.target === scope;
        if (this.mode === 'non-personalized' && after[scope] === 'non-personalized' && targeted) {
          touch(model, changed.correlationId, `scope:${scope}`, model.off[scope]);
          model.off[scope] = true;
        } else if (this.mode === 'personalized' && after[scope] === 'personalized' && (targeted || before[scope] === 'non-personalized')) {
          // Turning on affirms every scope it leaves on, even one that was on already: if an earlier
          // opt-in then fails, this later one is the user's latest choice.
          touch(model, changed.correlationId, `scope:${scope}`, model.off[scope]);
          model.off[scope] = false;
        }
      }
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => (this.strategy ? `tab${this.tab}.strategy(${this.strategy})` : `tab${this.tab}.set(${this.target}, ${this.mode})`);
}

class RemoveTag implements Command {
  constructor(
    readonly tab: number,
    readonly id: string,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const { changed } = await userAction(model, world, tab, () => tab.store.getState().removeTags([this.id]));
    if (changed) {
      touch(model, changed.correlationId, `tag:${this.id}`, model.deleted.get(this.id) ?? false);
      model.deleted.set(this.id, true);
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.remove(${this.id})`;
}

class SelectInterest implements Command {
  constructor(
    readonly tab: number,
    readonly id: string,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const { changed } = await userAction(model, world, tab, () =>
      tab.store.getState().selectInterests([{ id: this.id, label: `tag ${this.id}`, categoryId: 'c' }]),
    );
    if (changed) {
      touch(model, changed.correlationId, `tag:${this.id}`, model.deleted.get(this.id) ?? false);
      model.deleted.set(this.id, false);
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.select(${this.id})`;
}

class Undo implements Command {
  constructor(readonly tab: number) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const ids = tab.store.getState().tags.lastRemoval?.tags.map((tag) => tag.id) ?? [];
    const { changed } = await userAction(model, world, tab, () => tab.store.getState().undoTagRemoval());
    if (changed) {
      for (const id of ids) {
        touch(model, changed.correlationId, `tag:${id}`, model.deleted.get(id) ?? false);
        model.deleted.set(id, false);
      }
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.undo()`;
}

class Intensity implements Command {
  constructor(
    readonly tab: number,
    readonly level: 'less' | 'default' | 'more',
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    await world.clock.advance(10);
    void tabOf(world, this.tab).store.getState().setTagIntensity('c', this.level);
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.intensity(${this.level})`;
}

class NotInterested implements Command {
  constructor(
    readonly tab: number,
    readonly item: string,
    /** Held for undo this long before it is sent (the button's toast), or 0. */
    readonly holdMs = 0,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    await world.clock.advance(10);
    void tabOf(world, this.tab).store.getState().sendNotInterested({ itemId: this.item }, this.holdMs ? { holdMs: this.holdMs } : {});
    model.feedback.set(this.item, (model.feedback.get(this.item) ?? 0) + 1);
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.notInterested(${this.item}${this.holdMs ? `, hold ${this.holdMs}` : ''})`;
}

/** Undo in the toast: takes back feedback still held. Whatever it says, the backend must end up agreeing. */
class WithdrawFeedback implements Command {
  constructor(
    readonly tab: number,
    readonly item: string,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const withdrawn = tabOf(world, this.tab).store.getState().withdrawNotInterested(this.item);
    await world.clock.settle();
    if (await withdrawn) {
      model.feedback.set(this.item, (model.feedback.get(this.item) ?? 1) - 1);
    }
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.withdrawNotInterested(${this.item})`;
}

/** The user is on the undo toast: the held feedback waits longer. It changes nothing the backend must end up with. */
class HoldFeedback implements Command {
  constructor(
    readonly tab: number,
    readonly item: string,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    void tabOf(world, this.tab).store.getState().holdNotInterested(this.item, 5000);
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.holdNotInterested(${this.item})`;
}

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
  tab.stop();
  // The page is gone: the store's deferred stop runs now, and nothing it held in memory is sent later.
  await world.clock.advance(0);
  model.eventsRead = world.events.length;
  if (lost.length === 0) {
    return;
  }
  const remaining = effective(world, [...deviceEntries(world), ...openTabs(world).filter((other) => other !== tab).flatMap((other) => other.store.getState().outbox.entries)]);
  const outcome = eventually(world.backend.preferences, recordsOf(remaining));
  for (const scope of PERSONALIZATION_SCOPES) {
    if (model.off[scope] && outcome?.[scope] !== 'non-personalized') {
      model.off[scope] = false;
    }
  }
  const removals = pendingRemovals(remaining);
  for (const [id, deleted] of model.deleted) {
    if (deleted && world.backend.tags.has(id) && !removals.has(id)) {
      model.deleted.set(id, false);
    }
  }
  for (const entry of lost) {
    if (entry.method === 'notInterested') {
      const item = (entry.args[0] as { itemId: string }).itemId;
      model.feedback.set(item, (model.feedback.get(item) ?? 1) - 1);
    }
  }
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
    world.tabs[index] = world.open();
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
      world.tabs[1] = world.open();
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

const tab = fc.constantFrom(0, 1);

/** Every command, with the weights that make a sequence a mix of choices, faults, time and reloads. */
export function commandArbitraries(): fc.Arbitrary<Command>[] {
  return [
    fc
      .tuple(tab, fc.constantFrom<PersonalizationTarget>('all', 'feed', 'ads', 'push', 'search'), fc.constantFrom<RecommendationMode>('personalized', 'non-personalized'))
      .map(([index, target, mode]) => new Personalize(index, target, mode, null)),
    fc.tuple(tab, fc.constantFrom('popular-nearby', 'following-latest')).map(([index, strategy]) => new Personalize(index, 'feed', 'non-personalized', strategy)),
    fc.tuple(tab, fc.constantFrom(...TAG_IDS, ...INTEREST_IDS)).map(([index, id]) => new RemoveTag(index, id)),
    fc.tuple(tab, fc.constantFrom(...TAG_IDS, ...INTEREST_IDS)).map(([index, id]) => new SelectInterest(index, id)),
    tab.map((index) => new Undo(index)),
    fc.tuple(tab, fc.constantFrom('less' as const, 'default' as const, 'more' as const)).map(([index, level]) => new Intensity(index, level)),
    fc.tuple(tab, fc.constantFrom('a', 'b', 'x'.repeat(300), '__proto__')).map(([index, item]) => new NotInterested(index, item)),
    fc.tuple(tab, fc.constantFrom('a', 'b')).map(([index, item]) => new NotInterested(index, item, 5000)),
    fc.tuple(tab, fc.constantFrom('a', 'b')).map(([index, item]) => new WithdrawFeedback(index, item)),
    fc.tuple(tab, fc.constantFrom('a', 'b')).map(([index, item]) => new HoldFeedback(index, item)),
    fc.tuple(fc.constantFrom<BackendMethod>(...WRITE_METHODS, ...READ_METHODS), fc.constantFrom(...FAULTS)).map(([method, fault]) => new SetFault(method, fault)),
    fc.tuple(fc.constantFrom<BackendMethod>(...WRITE_METHODS, ...READ_METHODS), fc.constantFrom(...FAULTS)).map(([method, fault]) => new SetFault(method, fault)),
    fc.constantFrom(-600_000, 0, 480 * 60_000).map((milliseconds) => new Skew(milliseconds)),
    fc.constantFrom(100, 2000, 6000, 61_000).map((milliseconds) => new Advance(milliseconds)),
    tab.map((index) => new Reload(index)),
    fc.constant(new SecondTab()),
    fc.constantFrom('entry' as const, 'foreign' as const).map((kind) => new CorruptOutbox(kind)),
    fc.boolean().map((full) => new DeviceFull(full)),
  ];
}

/** Runs one sequence, then clears the faults, lets retries run and checks that nothing the user chose was lost. */
export async function runSequence(commands: Iterable<Command>): Promise<{ steps: number }> {
  const world = createModelWorld();
  const model = initialModel();
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
