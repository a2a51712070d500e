import { createLocalStoragePreferencesAdapter } from './adapters.js';
import { toRightsError, type RightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import {
  allRevisions,
  allScopes,
  applyChange,
  changedFields,
  displayedMode,
  dominates,
  fieldValue,
  highestRevision,
  mergePreferenceRecords,
  protectivePreferences,
  withField,
} from './model.js';
import { parsePreferencesRecord } from './schema.js';
import {
  PERSONALIZATION_SCOPES,
  PREFERENCE_FIELDS,
  type LoadState,
  type PersonalizationPreferences,
  type PersonalizationTarget,
  type PreferenceField,
  type PreferenceRevisions,
  type PreferencesRecord,
  type RecommendationMode,
} from '../../../kernel/core/types.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import { defineSlice, type SliceDescriptor, type SliceKit, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import { andThen, type Outcome } from '../../../kernel/core/engine/outcome.js';
import type { WriteRequest } from '../../../kernel/core/engine/write-engine.js';

/**
 * What a personalization failure is about:
 * - `load`: the stored preferences could not be read; every scope shows non-personalized;
 * - `personalize`: turning personalization back on could not be saved and was rolled back;
 * - `recover`: choices kept on this device could not be read; every scope shows non-personalized;
 * - `persist`: a choice could not be kept on this device; it applies, is held in memory and retried.
 */
export type PersonalizationAction = 'load' | 'personalize' | 'recover' | 'persist';

/** The personalization slice's data. */
export interface PersonalizationState {
  /** Whether the stored preferences are known. `'ready'` at once when `initialState` gave them. */
  load: LoadState;
  /** The last failure, or `null`. The values shown are safe even then: a fallback, or the choice rolled back. */
  failure: RightsFailure<PersonalizationAction> | null;
  /** The user's choices. */
  preferences: PersonalizationPreferences;
  /** The revision of each choice; `-1` for a value not known yet. */
  revisions: PreferenceRevisions;
  /** Choices the user made in this session before the stored preferences were known: the load does not override them. */
  choicesBeforeLoad: readonly PreferenceField[];
}

/** The personalization slice: its data under `personalization`, and its actions. */
export interface PersonalizationSlice {
  personalization: PersonalizationState;
  /**
   * Sets the master switch (`'all'`) or one scope. The change applies at once. Turning something off
   * is protective: kept on this device and retried until confirmed. Turning it on is reducing: rolled
   * back with a message if it cannot be saved. The promise settles when the write has.
   */
  setPersonalization(target: PersonalizationTarget, mode: RecommendationMode): Promise<void>;
  /** Makes the feed non-personalized with the given strategy, in one protective write (ALG 17 ¶1, DSA 27(3)). */
  chooseFeedStrategy(strategy: string): Promise<void>;
  /** Sends pending writes now, and reads the preferences again if that failed. */
  retryPersonalization(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissPersonalizationFailure(): void;
}

const SLICE = 'personalization';

/** Per store: whether the preferences were read, the read's retry, and whether the outbox loss was shown. */
interface LoadRuntime {
  started: boolean;
  live: number;
  timer: unknown;
  attempt: number;
  recovered: boolean;
}

/** What a user with nothing stored starts with when the platform sets no other default. */
export function defaultPersonalization(): PersonalizationPreferences {
  return { master: 'personalized', scopes: allScopes('personalized'), strategy: null };
}

function recordOf(entry: OutboxEntry): PreferencesRecord | null {
  if (entry.method !== 'save') {
    return null;
  }
  try {
    return parsePreferencesRecord(entry.args[0]);
  } catch {
    return null;
  }
}

/** The personalization slice, always part of the store. */
export const personalizationSlice: SliceDescriptor<PersonalizationSlice, typeof SLICE> = defineSlice({
  name: SLICE,
  watch: 'preferences',
  // Its read shows every scope non-personalized when the outbox was lost, once per store.
  reportUnreadable: false,
  requiredMethods: { preferences: ['load', 'save'] },
  advice: {
    preferences:
      'start from createMemoryPreferencesAdapter() or createLocalStoragePreferencesAdapter(), and check yours with runPreferencesAdapterConformance()',
  },
  defaults: { preferences: () => createLocalStoragePreferencesAdapter() },

  setup(kit): SliceSetup<typeof SLICE, Omit<PersonalizationSlice, typeof SLICE>> {
    const { get, update } = kit;
    const context = kit;
    // One per store, shared by the actions and the connect: a provider remounted at once (StrictMode)
    // neither reads twice nor drops a retry.
    const runtime: LoadRuntime = { started: false, live: 0, timer: null, attempt: 0, recovered: false };
    const current = (): PreferencesRecord => ({ preferences: get().personalization.preferences, revisions: get().personalization.revisions });
    const hydrated = () => get().personalization.load === 'ready' || get().personalization.load === 'error';
    // Above every revision this device has seen, and at least its clock: offline changes on two devices order as made.
    const nextRevision = () => Math.max(highestRevision(get().personalization.revisions) + 1, Math.floor(context.clock.now()));

    /** Merges what another writer stored, keeping every newer choice of ours. */
    const mergeIn = (record: PreferencesRecord) => {
      const merged = mergePreferenceRecords(current(), record);
      update({ preferences: merged.preferences, revisions: merged.revisions });
    };

    // Reducing writes not settled yet, with the values each would put back: when an earlier one fails on
    // fields a later one has changed again, the later one inherits what to put back, so that two failed
    // opt-ins in a row end where the user started, not half-way.
    const unsettled = new Set<{ correlationId: string; revision: number; fields: readonly PreferenceField[]; before: PersonalizationPreferences }>();

    const write = (target: PersonalizationTarget, mode: RecommendationMode, strategy?: string): Promise<void> => {
      const state = get().personalization;
      const before = state.preferences;
      const next = applyChange(before, target, mode, strategy);
      const changed = changedFields(before, next);
      if (changed.length === 0 && hydrated()) {
        return Promise.resolve();
      }
      // What the user set is stamped even where the value does not change: before the stored preferences
      // are known, the placeholder already reads non-personalized, and the choice must still win the merge.
      // Turning the master switch on decides every scope (the ones that come on, and the ones that stay
      // off): they are stamped too, or a scope the device does not know yet could come on by itself.
      const decided: PreferenceField[] =
        before.master === 'non-personalized' && next.master === 'personalized' ? ['master', ...PERSONALIZATION_SCOPES] : target === 'all' ? ['master'] : [target];
      const fields = [...new Set<PreferenceField>([...changed, ...decided, ...(strategy === undefined ? [] : ['strategy' as const])])];
      const revision = nextRevision();
      const revisions = { ...state.revisions };
      for (const field of fields) {
        revisions[field] = revision;
      }
      const record: PreferencesRecord = { preferences: next, revisions };
      const protective = mode === 'non-personalized';
      const correlationId = createCorrelationId();
      const mine = { correlationId, revision, fields, before };
      const knownAtWrite = hydrated();
      if (!protective) {
        unsettled.add(mine);
      }
      const details = { scope: target, oldValue: displayedMode(before, target), newValue: mode, ...(strategy === undefined ? {} : { strategy }) };
      const request: WriteRequest = {
        slice: SLICE,
        action: protective ? 'opt-out' : 'personalize',
        policy: protective ? 'protective' : 'reducing',
        adapter: 'preferences',
        method: 'save',
        args: [record],
        target: 'preferences',
        details,
        correlationId,
        apply() {
          const failure = get().personalization.failure;
          update({
            preferences: next,
            revisions,
            // A new choice supersedes the message about an earlier one; a failed load stays until it is retried.
            ...(failure && failure.action !== 'load' ? { failure: null } : {}),
            ...(hydrated() ? {} : { choicesBeforeLoad: [...new Set([...get().personalization.choicesBeforeLoad, ...fields])] }),
          });
          context.emit({ type: 'personalization.changed', ...details, timestamp: context.timestamp(), correlationId: request.correlationId ?? '' });
        },
        rollback() {
          unsettled.delete(mine);
          // Undo only what this write changed and nothing changed since, so a later opt-out stays. A later
          // opt-in still out on the same fields inherits what to put back.
          const now = get().personalization;
          // Under the master opt-out every scope read non-personalized, whatever its own value. A scope this
          // write turned off to keep it off as the master came on goes back off, not to its own value: with the
          // master on (a later choice here, or one elsewhere this tab has not heard of) that value would read
          // personalized, which the user never chose. So does every scope while a later choice keeps the master on.
          const masterStays = now.revisions.master !== revision && now.preferences.master === 'personalized';
          const putBack = (field: PreferenceField) =>
            field !== 'master' && field !== 'strategy' && mine.before.master === 'non-personalized' && (masterStays || fieldValue(next, field) === 'non-personalized')
              ? 'non-personalized'
              : fieldValue(mine.before, field);
          for (const later of unsettled) {
            for (const field of fields) {
              if (later.revision > revision && now.revisions[field] === later.revision && later.fields.includes(field)) {
                later.before = withField(later.before, field, putBack(field));
              }
            }
          }
          const undone = fields.filter((field) => now.revisions[field] === revision);
          if (undone.length === 0) {
            return null;
          }
          // Just above the rolled-back write, which the backend may hold, and below any later choice made
          // elsewhere that this tab has not heard of yet: putting a value back never overrides what came after.
          const back = revision + 1;
          let preferences = now.preferences;
          const backRevisions = { ...now.revisions };
          for (const field of undone) {
            const value = putBack(field);
            if (value !== fieldValue(next, field)) {
              preferences = withField(preferences, field, value);
              backRevisions[field] = back;
            } else if (!knownAtWrite && field !== 'strategy') {
              // Stamped without changing, before the stored preferences were known: what the backend held may
              // have been an opt-out this write overrode, and this tab cannot know. Fail toward privacy.
              preferences = withField(preferences, field, 'non-personalized');
              backRevisions[field] = back;
            } else {
              // Stamped without changing, with the stored value known: nothing to put back, and its old
              // revision again, so that a later choice elsewhere is not overridden.
              backRevisions[field] = state.revisions[field];
            }
          }
          update({ preferences, revisions: backRevisions });
          return {
            ...request,
            action: 'opt-out',
            policy: 'protective',
            args: [{ preferences, revisions: backRevisions }],
            details: { scope: target, oldValue: mode, newValue: displayedMode(mine.before, target) },
            apply: undefined,
            rollback: undefined,
          };
        },
        // A write every field of which is at least as new makes an older one pointless.
        supersede(entry) {
          const older = recordOf(entry);
          return older && dominates(record.revisions, older.revisions) ? 'drop' : 'keep';
        },
      };
      return context.engine.write(request);
    };

    kit.handle({
      validate: (entry) => recordOf(entry) !== null,
      confirmed(batch) {
        for (const { entry } of batch) {
          for (const pending of unsettled) {
            if (pending.correlationId === entry.correlationId) {
              unsettled.delete(pending);
            }
          }
        }
        for (const { result } of batch) {
          if (result !== undefined && result !== null) {
            try {
              mergeIn(parsePreferencesRecord(result));
            } catch (cause) {
              context.reportError(toRightsError(cause, 'storage-invalid', 'The preferences adapter answered save() with invalid preferences.'));
            }
          }
        }
      },
      // Choices waiting in the outbox, this tab's or another's, are choices the user made: they show.
      outboxChanged(entries) {
        for (const entry of entries) {
          const record = recordOf(entry);
          if (record) {
            mergeIn(record);
          }
        }
      },
    });

    const initial = context.options.initialState?.personalization;
    const retryPersonalization = async () => {
      // Read again in place: the values shown stay (a fallback), never back to a placeholder.
      if (get().personalization.failure?.action === 'load') {
        await loadPreferences(kit, runtime);
      }
      await context.engine.flush(SLICE);
    };
    return {
      read: () => loadPreferences(kit, runtime),
      retry: retryPersonalization,
      starting() {
        if (get().personalization.load === 'idle') {
          update({ load: 'loading' });
        }
      },
      changed() {
        const adapter = context.adapter('preferences');
        void andThen(
          context.engine.read((options) => adapter.load(options)),
          (outcome) => {
            if (outcome.ok && outcome.value !== null && outcome.value !== undefined) {
              try {
                mergeIn(parsePreferencesRecord(outcome.value));
              } catch (cause) {
                context.reportError(toRightsError(cause, 'storage-invalid', 'Preferences changed elsewhere are invalid.'));
              }
            }
          },
        );
      },
      connect() {
        runtime.live += 1;
        const load = () => {
          runtime.timer = null;
          void Promise.resolve(loadPreferences(kit, runtime)).then(() => {
            // A read that failed for want of an answer is tried again with backoff; corrupt data is not.
            const failure = get().personalization.failure;
            if (runtime.live > 0 && runtime.timer === null && failure?.action === 'load' && failure.code === 'read-failed') {
              runtime.timer = context.clock.setTimeout(load, Math.min(2000 * 2 ** runtime.attempt, 60_000));
              runtime.attempt += 1;
            }
          });
        };
        const failure = get().personalization.failure;
        if (!runtime.started || (runtime.timer === null && failure?.action === 'load' && failure.code === 'read-failed')) {
          runtime.started = true;
          load();
        }
        return () => {
          runtime.live -= 1;
          if (runtime.live === 0 && runtime.timer !== null) {
            context.clock.clearTimeout(runtime.timer);
            runtime.timer = null;
          }
        };
      },
      state: {
        load: initial ? 'ready' : 'idle',
        failure: null,
        preferences: initial ? { ...initial, strategy: initial.strategy ?? null } : protectivePreferences(),
        revisions: allRevisions(initial ? 0 : -1),
        choicesBeforeLoad: [],
      },
      actions: {
        setPersonalization: (target, mode) => write(target, mode),
        chooseFeedStrategy: (strategy) => write('feed', 'non-personalized', strategy),
        retryPersonalization,
        dismissPersonalizationFailure: kit.dismissFailure,
      },
    };
  },
});

/**
 * Reads the stored preferences and merges them with what this device knows:
 * choices waiting in the outbox, and choices made before the read answered.
 * A failed read shows every scope non-personalized.
 */
function loadPreferences(kit: SliceKit<typeof SLICE>, runtime: LoadRuntime) {
  const { get, update } = kit;
  const context = kit;
  const initial = context.options.initialState?.personalization;
  if (get().personalization.load === 'idle') {
    update({ load: 'loading' });
  }
  const adapter = context.adapter('preferences');
  return andThen(
    context.engine.read((options) => adapter.load(options)),
    (outcome: Outcome<unknown>) => {
      const state = get().personalization;
      const local: PreferencesRecord = { preferences: state.preferences, revisions: state.revisions };
      let error: RightsError | null = null;
      let remote: PreferencesRecord | null = null;
      if (!outcome.ok) {
        error = toRightsError(outcome.error, 'read-failed', 'The preferences adapter failed to read.');
      } else if (outcome.value !== null && outcome.value !== undefined) {
        try {
          remote = parsePreferencesRecord(outcome.value);
        } catch (cause) {
          error = toRightsError(cause, 'storage-invalid', 'Stored preferences are invalid.');
        }
      }
      let merged = remote ? mergePreferenceRecords(local, remote) : local;
      // What no one has chosen yet (revision -1) is the platform's default once the read succeeded, and
      // non-personalized when it failed: fail toward privacy, except for choices the user made on this
      // device (revision above 0), which stand.
      const base = error
        ? protectivePreferences()
        : { strategy: null, ...(initial ?? context.options.defaults?.personalization ?? defaultPersonalization()) };
      for (const field of PREFERENCE_FIELDS) {
        if (error ? merged.revisions[field] <= 0 : merged.revisions[field] < 0) {
          merged = { preferences: withField(merged.preferences, field, fieldValue(base, field)), revisions: { ...merged.revisions, [field]: error ? merged.revisions[field] : 0 } };
        }
      }
      const unreadable = context.outbox().unreadable;
      // Once per store, at the first read after the outbox was found unreadable: later reads and later
      // choices are not overridden again.
      const recovered = (unreadable.includes(SLICE) || unreadable.includes('*')) && !runtime.recovered;
      if (recovered) {
        runtime.recovered = true;
      }
      if (recovered) {
        // A choice kept on this device may be lost: show every scope non-personalized until the user chooses again.
        const revision = Math.max(highestRevision(merged.revisions) + 1, Math.floor(context.clock.now()));
        for (const field of ['master', 'feed', 'ads', 'push', 'search'] as const) {
          // What the user chose in this session stands: it is their latest choice.
          if (fieldValue(merged.preferences, field) === 'personalized' && !state.choicesBeforeLoad.includes(field)) {
            merged = { preferences: withField(merged.preferences, field, 'non-personalized'), revisions: { ...merged.revisions, [field]: revision } };
          }
        }
      }
      // What the user chose before the read answered wins over what was stored: it is their latest choice.
      const reissue = state.choicesBeforeLoad.filter(
        (field) => fieldValue(merged.preferences, field) !== fieldValue(local.preferences, field) && fieldValue(local.preferences, field) === 'non-personalized',
      );
      update({
        load: error ? 'error' : 'ready',
        failure: error ? { code: error.code, action: 'load' } : recovered ? { code: 'outbox-unreadable', action: 'recover' } : state.failure?.action === 'load' ? null : state.failure,
        preferences: merged.preferences,
        revisions: merged.revisions,
        choicesBeforeLoad: [],
      });
      if (error) {
        context.reportError(error);
      }
      for (const field of reissue) {
        void get().setPersonalization(field === 'strategy' ? 'feed' : field === 'master' ? 'all' : field, 'non-personalized');
      }
    },
  );
}
