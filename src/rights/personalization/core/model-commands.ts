import fc from 'fast-check';
import { effectiveModes, mergePreferenceRecords } from './model.js';
import { selectRecommendationMode } from './selectors.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import { PERSONALIZATION_SCOPES, type PersonalizationScope, type PersonalizationTarget, type PreferencesRecord, type RecommendationMode } from '../../../kernel/core/types.js';
import type { RightsStateWithMinorMode } from '../../minor-mode/core/slice.js';
import { expectsMinorMode } from '../../minor-mode/core/model-commands.js';
import type { ModelWorld } from '../../../test-support/model-world.js';
import {
  checkAlways,
  fail,
  knowableEntries,
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

/** For each scope, whether the user's latest choice leaves it non-personalized. */
export interface PersonalizationModel {
  off: Record<PersonalizationScope, boolean>;
}

declare module '../../../test-support/model.js' {
  interface ModelRights {
    personalization: PersonalizationModel;
  }
}

const mine = (model: Model) => model.rights.personalization;

const recordsOf = (entries: readonly OutboxEntry[]) =>
  entries.filter((entry) => entry.slice === 'personalization').map((entry) => entry.args[0] as PreferencesRecord);

/** Where the backend ends once every pending record has been sent: its record merged with all of them. */
function eventually(backend: PreferencesRecord | null, records: readonly PreferencesRecord[]) {
  const all = backend ? [backend, ...records] : [...records];
  const [first, ...rest] = all;
  return first ? effectiveModes(rest.reduce(mergePreferenceRecords, first).preferences) : null;
}

/**
 * A record with the kit's own fallback values taken as not chosen: a field at a revision below 0 is what the
 * kit wrote when it could not read the user's preferences, never a user's choice, and any choice wins over it.
 */
function chosen(record: PreferencesRecord): PreferencesRecord {
  const { preferences, revisions } = record;
  const scopes = { ...preferences.scopes };
  for (const scope of PERSONALIZATION_SCOPES) {
    if (revisions[scope] < 0) {
      scopes[scope] = 'personalized';
    }
  }
  return { revisions, preferences: { ...preferences, master: revisions.master < 0 ? 'personalized' : preferences.master, scopes } };
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
    const { off } = mine(model);
    let before = effectiveModes(tab.store.getState().personalization.preferences);
    const { changed } = await userAction(model, world, tab, () => {
      before = effectiveModes(tab.store.getState().personalization.preferences);
      return this.strategy ? tab.store.getState().chooseFeedStrategy(this.strategy) : tab.store.getState().setPersonalization(this.target, this.mode);
    });
    if (changed) {
      const after = effectiveModes(tab.store.getState().personalization.preferences);
      for (const scope of PERSONALIZATION_SCOPES) {
        const targeted = this.target === 'all' || this.target === scope;
        const previous = off[scope];
        const restore = () => {
          off[scope] = previous;
        };
        if (this.mode === 'non-personalized' && after[scope] === 'non-personalized' && targeted) {
          touch(model, changed.correlationId, `scope:${scope}`, restore);
          off[scope] = true;
        } else if (this.mode === 'personalized' && after[scope] === 'personalized' && (targeted || before[scope] === 'non-personalized')) {
          // Turning on affirms every scope it leaves on, even one that was on already: if an earlier
          // opt-in then fails, this later one is the user's latest choice.
          touch(model, changed.correlationId, `scope:${scope}`, restore);
          off[scope] = false;
        }
      }
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => (this.strategy ? `tab${this.tab}.strategy(${this.strategy})` : `tab${this.tab}.set(${this.target}, ${this.mode})`);
}

/** Personalization's part of the proof: every scope on and off, and the feed's strategies. */
export const personalizationModel: ModelRight<'personalization'> = {
  name: 'personalization',
  initial: () => ({ off: { feed: false, ads: false, push: false, search: false } }),
  methods: ['save', 'loadPreferences'],

  commands: () => [
    fc
      .tuple(tabIndex, fc.constantFrom<PersonalizationTarget>('all', 'feed', 'ads', 'push', 'search'), fc.constantFrom<RecommendationMode>('personalized', 'non-personalized'))
      .map(([index, target, mode]) => new Personalize(index, target, mode, null)),
    fc.tuple(tabIndex, fc.constantFrom('popular-nearby', 'following-latest')).map(([index, strategy]) => new Personalize(index, 'feed', 'non-personalized', strategy)),
  ],

  always(model, world) {
    const { off } = mine(model);
    for (const [index, tab] of world.tabs.entries()) {
      if (!tab) {
        continue;
      }
      const state = tab.store.getState();
      const mode = selectRecommendationMode(state);
      const tabRecord: PreferencesRecord = { preferences: state.personalization.preferences, revisions: state.personalization.revisions };
      const knowableRecords = recordsOf(knowableEntries(world, tab));
      for (const scope of PERSONALIZATION_SCOPES) {
        // The user's latest choice for this scope is non-personalized: every tab that can know it reads it so.
        if (off[scope] && mode[scope] !== 'non-personalized' && knows(model, world, tab, model.lastTouch.get(`scope:${scope}`))) {
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
      // After an enter, until a confirmed exit, the feed never reads minor mode off: across reloads and faults.
      if (expectsMinorMode(model, tab) && mode.minor === undefined) {
        fail(`tab ${index} reads minor mode off, but the latest choice entered it and no exit was confirmed`);
      }
      // MIN 24 ¶3: ads read non-personalized whenever minor mode is on or still being read, whatever the user chose.
      const minor = (state as Partial<RightsStateWithMinorMode>).minorMode;
      if (minor && (minor.on || minor.load === 'idle' || minor.load === 'loading') && mode.ads !== 'non-personalized') {
        fail(`tab ${index} reads ads as personalized while minor mode is ${minor.on ? 'on' : 'still being read'}`);
      }
    }
    // Every protective choice is confirmed by the backend or waits in the outbox: once what waits is sent,
    // the backend holds it.
    const outcome = eventually(world.backend.preferences, recordsOf(pendingEntries(world)));
    for (const scope of PERSONALIZATION_SCOPES) {
      if (off[scope] && outcome?.[scope] !== 'non-personalized') {
        fail(`the opt-out of ${scope} is neither on the backend nor in the outbox`);
      }
    }
  },

  settled(model, world) {
    const backend = world.backend.preferences;
    const modes = backend ? effectiveModes(backend.preferences) : null;
    for (const scope of PERSONALIZATION_SCOPES) {
      if (mine(model).off[scope] && modes?.[scope] !== 'non-personalized') {
        fail(`after recovery the backend has ${scope} personalized, but the user's latest choice turned it off`);
      }
    }
  },

  closed(model, world, { lost, remaining }) {
    if (lost.length === 0) {
      return;
    }
    const { off } = mine(model);
    // What the user chose is kept only where a choice of theirs is: the kit's fallback on the backend is none.
    const backend = world.backend.preferences;
    const outcome = eventually(backend ? chosen(backend) : null, recordsOf(remaining).map(chosen));
    for (const scope of PERSONALIZATION_SCOPES) {
      if (off[scope] && outcome?.[scope] !== 'non-personalized') {
        off[scope] = false;
      }
    }
  },
};
