import fc from 'fast-check';
import { pendingRemovals, tagsSlice } from './slice.js';
import { INTEREST_IDS, TAG_IDS, type ModelWorld } from '../../../test-support/model-world.js';
import {
  checkAlways,
  fail,
  knows,
  pendingEntries,
  tabIndex,
  tabOf,
  touch,
  userAction,
  type Command,
  type Model,
  type ModelRight,
} from '../../../test-support/model.js';

/** For each tag, whether the user's latest choice deleted it; and how many times the user said "not interested" in each item. */
export interface TagsModel {
  deleted: Map<string, boolean>;
  feedback: Map<string, number>;
}

declare module '../../../test-support/model.js' {
  interface ModelRights {
    tags: TagsModel;
  }
}

const mine = (model: Model) => model.rights.tags;

/** Records the user's latest choice for a tag, and what a rollback of it puts back. */
function choose(model: Model, correlationId: string, id: string, deleted: boolean) {
  const tags = mine(model);
  const previous = tags.deleted.get(id) ?? false;
  touch(model, correlationId, `tag:${id}`, () => void tags.deleted.set(id, previous));
  tags.deleted.set(id, deleted);
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
      choose(model, changed.correlationId, this.id, true);
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
      choose(model, changed.correlationId, this.id, false);
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
        choose(model, changed.correlationId, id, false);
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
    const { feedback } = mine(model);
    feedback.set(this.item, (feedback.get(this.item) ?? 0) + 1);
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
      const { feedback } = mine(model);
      feedback.set(this.item, (feedback.get(this.item) ?? 1) - 1);
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

/** The tag manager's part of the proof: deletions, interests, undo, intensity and "not interested" with its undo toast. */
export const tagsModel: ModelRight<'tags'> = {
  name: 'tags',
  initial: () => ({ deleted: new Map(), feedback: new Map() }),
  slices: [tagsSlice],
  mounted: (store) => store.getState().loadTags(),
  methods: ['remove', 'restore', 'select', 'setIntensity', 'notInterested', 'loadTags'],

  commands: () => [
    fc.tuple(tabIndex, fc.constantFrom(...TAG_IDS, ...INTEREST_IDS)).map(([index, id]) => new RemoveTag(index, id)),
    fc.tuple(tabIndex, fc.constantFrom(...TAG_IDS, ...INTEREST_IDS)).map(([index, id]) => new SelectInterest(index, id)),
    tabIndex.map((index) => new Undo(index)),
    fc.tuple(tabIndex, fc.constantFrom('less' as const, 'default' as const, 'more' as const)).map(([index, level]) => new Intensity(index, level)),
    fc.tuple(tabIndex, fc.constantFrom('a', 'b', 'x'.repeat(300), '__proto__')).map(([index, item]) => new NotInterested(index, item)),
    fc.tuple(tabIndex, fc.constantFrom('a', 'b')).map(([index, item]) => new NotInterested(index, item, 5000)),
    fc.tuple(tabIndex, fc.constantFrom('a', 'b')).map(([index, item]) => new WithdrawFeedback(index, item)),
    fc.tuple(tabIndex, fc.constantFrom('a', 'b')).map(([index, item]) => new HoldFeedback(index, item)),
  ],

  always(model, world) {
    const { deleted } = mine(model);
    for (const tab of world.tabs) {
      const state = tab?.store.getState();
      if (!tab || state?.tags.load !== 'ready') {
        continue;
      }
      const shown = new Set(state.tags.tags.map((tag) => tag.id));
      for (const [id, isDeleted] of deleted) {
        if (isDeleted && shown.has(id) && knows(model, world, tab, model.lastTouch.get(`tag:${id}`))) {
          fail(`tag ${id} is shown although the user's latest choice deleted it`);
        }
      }
    }
    const removals = pendingRemovals(pendingEntries(world));
    for (const [id, isDeleted] of deleted) {
      if (isDeleted && world.backend.tags.has(id) && !removals.has(id)) {
        fail(`the deletion of tag ${id} is neither on the backend nor in the outbox`);
      }
    }
  },

  settled(model, world) {
    const { deleted, feedback } = mine(model);
    for (const [id, isDeleted] of deleted) {
      if (isDeleted && world.backend.tags.has(id)) {
        fail(`after recovery the backend still has tag ${id}, which the user deleted`);
      }
    }
    for (const [item, count] of feedback) {
      const recorded = world.backend.feedback.filter((entry) => entry.itemId === item).length;
      if (recorded !== count) {
        fail(`"not interested" on ${item}: the user said it ${count} times, the backend recorded ${recorded}`);
      }
    }
  },

  closed(model, world, { lost, remaining }) {
    if (lost.length === 0) {
      return;
    }
    const { deleted, feedback } = mine(model);
    const removals = pendingRemovals(remaining);
    for (const [id, isDeleted] of deleted) {
      if (isDeleted && world.backend.tags.has(id) && !removals.has(id)) {
        deleted.set(id, false);
      }
    }
    for (const entry of lost) {
      if (entry.method === 'notInterested') {
        const item = (entry.args[0] as { itemId: string }).itemId;
        feedback.set(item, (feedback.get(item) ?? 1) - 1);
      }
    }
  },
};
