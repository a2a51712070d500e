import fc from 'fast-check';
import { complaintsSlice } from './slice.js';
import { isComplaint, type ComplaintKind } from './model.js';
import type { ModelWorld } from '../../../test-support/model-world.js';
import { checkAlways, fail, pendingEntries, tabIndex, tabOf, userAction, type Command, type Model, type ModelRight } from '../../../test-support/model.js';

/** Every complaint the user submitted, by its text (each unique), that the kit must not lose. */
export interface ComplaintsModel {
  submitted: Set<string>;
  /** How many the history has submitted, to make each text unique. */
  count: number;
}

declare module '../../../test-support/model.js' {
  interface ModelRights {
    complaints: ComplaintsModel;
  }
}

const mine = (model: Model) => model.rights.complaints;

/** The user submits a complaint from a form: an item's report button, or the complaint center. */
class Submit implements Command {
  constructor(
    readonly tab: number,
    readonly form: string,
    readonly kind: ComplaintKind,
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const complaints = mine(model);
    complaints.count += 1;
    const text = `complaint ${complaints.count}`;
    const { changed } = await userAction(model, world, tab, () =>
      tab.store.getState().submitComplaint(this.form, { kind: this.kind, text, ...(this.form === 'center' ? {} : { subject: { id: this.form } }) }),
    );
    if (changed?.type === 'complaints.submitted') {
      complaints.submitted.add(text);
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.submitComplaint(${this.form}, ${this.kind})`;
}

/** The complaint entry's part of the proof: submissions, submit-once, each with one idempotency key. */
export const complaintsModel: ModelRight<'complaints'> = {
  name: 'complaints',
  initial: () => ({ submitted: new Set(), count: 0 }),
  slices: [complaintsSlice],
  mounted: (store) => store.getState().loadComplaints(),
  methods: ['complaints.list', 'complaints.submit'],

  commands: () => [
    fc
      .tuple(tabIndex, fc.constantFrom('center', 'item-7'), fc.constantFrom<ComplaintKind>('recommendation', 'illegal-content', 'minor'))
      .map(([index, form, kind]) => new Submit(index, form, kind)),
  ],

  always(model, world) {
    const pending = new Set(pendingEntries(world).flatMap((entry) => (entry.slice === 'complaints' && isComplaint(entry.args[0]) ? [entry.args[0].text] : [])));
    const filed = new Set(world.backend.tickets.map(({ text }) => text));
    for (const text of mine(model).submitted) {
      if (!filed.has(text) && !pending.has(text)) {
        fail(`the complaint "${text}" is neither on the backend nor in the outbox`);
      }
    }
  },

  settled(model, world) {
    const byText = new Map<string, number>();
    const byKey = new Map<string, number>();
    for (const { key, text } of world.backend.tickets) {
      byText.set(text, (byText.get(text) ?? 0) + 1);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    for (const [key, count] of byKey) {
      if (count !== 1) {
        fail(`the backend made ${count} tickets under the key ${key}`);
      }
    }
    for (const [text, count] of byText) {
      if (count !== 1) {
        fail(`the complaint "${text}" became ${count} tickets`);
      }
    }
    for (const text of mine(model).submitted) {
      if (!byText.has(text)) {
        fail(`after recovery the backend has no ticket for the complaint "${text}"`);
      }
    }
  },

  closed(model, _world, { lost }) {
    for (const entry of lost) {
      if (entry.slice === 'complaints' && isComplaint(entry.args[0])) {
        mine(model).submitted.delete(entry.args[0].text);
      }
    }
  },
};
