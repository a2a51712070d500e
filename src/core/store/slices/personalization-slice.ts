import type { StateCreator } from 'zustand/vanilla';
import type { PreferencesAdapter } from '../../adapters/types.js';
import { RightsError } from '../../errors.js';
import { createCorrelationId, type PersonalizationEventType } from '../../events.js';
import {
  allScopes,
  applyChange,
  displayedMode,
  isProtective,
  protectivePreferences,
  samePreferences,
} from '../../personalization-model.js';
import { parseStoredPreferences, toStoredPreferences } from '../../schema.js';
import { attempt, createRetrySchedule, withTimeout, type Outcome, type SliceContext } from '../async.js';
import {
  isPromiseLike,
  type Awaitable,
  type PersonalizationPreferences,
  type PersonalizationTarget,
  type RecommendationMode,
  type SliceStatus,
} from '../../types.js';

/** The personalization slice's data. */
export interface PersonalizationState {
  /** `'idle'` until loading starts; `'error'` when the last load or write failed (see `error`). */
  status: SliceStatus;
  /** The last failure, or `null`. The values shown are still safe: a fallback, or the choice rolled back. */
  error: RightsError | null;
  /** False until stored preferences are known (loaded, or given as `initialState`); controls render a same-size placeholder until then. */
  known: boolean;
  /** The user's choices. */
  preferences: PersonalizationPreferences;
  /** True while a privacy-protective choice is kept on this device and not yet confirmed by the adapter. */
  syncPending: boolean;
}

/** The personalization slice: its data under `personalization`, and its actions. */
export interface PersonalizationSlice {
  personalization: PersonalizationState;
  /** Reads stored preferences once; later calls do nothing. */
  loadPersonalization(): void;
  /**
   * Sets the master switch (`'all'`) or one scope. The change applies at once;
   * the promise settles when its write has succeeded, been kept for retry, or
   * been rolled back.
   */
  setPersonalization(target: PersonalizationTarget, mode: RecommendationMode): Promise<void>;
  /**
   * Makes the feed non-personalized with the given strategy, in one write
   * (ALG 17 ¶1, DSA 27(3)). It protects privacy, so it is kept even if the write fails.
   */
  chooseFeedStrategy(strategy: string): Promise<void>;
  /** Retries a pending write now, instead of waiting for the next scheduled retry. */
  retryPersonalizationSync(): Promise<void>;
  /** Starts scheduled retries; returns the function that stops them. Providers call it on mount. */
  connectPersonalization(): () => void;
}

export interface PersonalizationSliceDependencies extends SliceContext {
  preferences: PreferencesAdapter;
  pendingSync: PreferencesAdapter;
  /** What a user with nothing stored starts with. */
  defaults: PersonalizationPreferences;
}

function toReadError(error: unknown): RightsError {
  if (error instanceof RightsError) {
    return error;
  }
  return new RightsError('read-failed', 'The preferences adapter failed to read.', { cause: error });
}

interface Change {
  target: PersonalizationTarget;
  oldValue: RecommendationMode;
  newValue: RecommendationMode;
  /** The feed strategy the change chose, if it chose one. */
  strategy?: string;
  correlationId: string;
  /** The preferences before and after the change, to undo it exactly when nothing changed since. */
  before?: PersonalizationPreferences;
  after?: PersonalizationPreferences;
}

export function createPersonalizationSlice<State extends PersonalizationSlice>(
  dependencies: PersonalizationSliceDependencies,
  initial: PersonalizationPreferences | undefined,
): StateCreator<State, [], [], PersonalizationSlice> {
  return (set, get) => {
    const update = (patch: Partial<PersonalizationState>) =>
      set((state) => ({ personalization: { ...state.personalization, ...patch } }) as Partial<State>);

    let revision = 0;
    let confirmedRevision = 0;
    let protectiveRevision = 0;
    let lastProtectiveChange: Change | null = null;
    let queue: Promise<void> = Promise.resolve();

    const event = (type: PersonalizationEventType, change: Change, errorCode?: RightsError['code']) => {
      dependencies.emit({
        type,
        scope: change.target,
        oldValue: change.oldValue,
        newValue: change.newValue,
        ...(change.strategy === undefined ? {} : { strategy: change.strategy }),
        timestamp: dependencies.now().toISOString(),
        correlationId: change.correlationId,
        ...(errorCode ? { errorCode } : {}),
      });
    };

    const keepOnDevice = () => {
      const snapshot = toStoredPreferences(get().personalization.preferences, dependencies.now());
      const outcome = attempt(() => dependencies.pendingSync.save(snapshot));
      const onFailure = (result: Outcome<void>) => {
        if (!result.ok) {
          dependencies.reportError(
            new RightsError('write-failed', 'Could not keep a pending choice on this device.', { cause: result.error }),
          );
        }
      };
      if (isPromiseLike(outcome)) {
        void outcome.then(onFailure);
      } else {
        onFailure(outcome);
      }
    };

    const clearFromDevice = () => {
      void Promise.resolve(attempt(() => dependencies.pendingSync.clear()));
    };

    const retries = createRetrySchedule({
      context: dependencies,
      isPending: () => protectiveRevision > confirmedRevision,
      retry: () => flush(null),
    });
    const scheduleRetry = retries.schedule;

    /** Writes the current preferences; `change` is the user action that asked for it, or `null` for a retry. */
    const flush = (change: Change | null): Promise<void> => {
      const task = async () => {
        const sentRevision = revision;
        const snapshot = toStoredPreferences(get().personalization.preferences, dependencies.now());
        try {
          await withTimeout(dependencies.preferences.save(snapshot), dependencies.writeTimeoutMs);
        } catch (cause) {
          onWriteFailed(change, new RightsError('write-failed', 'The preferences adapter failed to write.', { cause }));
          return;
        }
        confirmedRevision = Math.max(confirmedRevision, sentRevision);
        const confirmed = change ?? lastProtectiveChange;
        if (protectiveRevision <= confirmedRevision) {
          retries.succeeded();
          if (get().personalization.syncPending) {
            clearFromDevice();
          }
          update({ syncPending: false });
        }
        if (confirmed) {
          event('personalization.synced', confirmed);
        }
      };
      const next = queue.then(task);
      queue = next.catch(() => {});
      return next;
    };

    const onWriteFailed = (change: Change | null, error: RightsError) => {
      dependencies.reportError(error);
      if (change === null || isProtective(change.newValue)) {
        const pending = change ?? lastProtectiveChange;
        if (pending) {
          event('personalization.sync-pending', pending, error.code);
        }
        scheduleRetry();
        return;
      }
      const { preferences } = get().personalization;
      // Nothing changed since: restore exactly what was there, remembered scopes included.
      // Otherwise undo only this change, so that later changes the user made stay.
      const reverted =
        change.before && change.after && samePreferences(preferences, change.after)
          ? change.before
          : applyChange(preferences, change.target, 'non-personalized');
      update({ preferences: reverted, status: 'error', error });
      // Writes are serialized and each sends the state of its own moment, so no later
      // write can have carried the undone choice: nothing more to write.
      event('personalization.rolled-back', change, error.code);
    };

    const applyLoaded = (stored: Outcome<unknown>, pending: Outcome<unknown>) => {
      let preferences: PersonalizationPreferences;
      let error: RightsError | null = null;
      let storedAt = '';
      if (!stored.ok) {
        error = toReadError(stored.error);
        preferences = protectivePreferences();
      } else if (stored.value === null || stored.value === undefined) {
        preferences = initial ?? dependencies.defaults;
      } else {
        try {
          const parsed = parseStoredPreferences(stored.value);
          preferences = parsed.personalization;
          storedAt = parsed.updatedAt;
        } catch (cause) {
          error = toReadError(cause);
          preferences = protectivePreferences();
        }
      }
      let restored = false;
      if (pending.ok && pending.value !== null && pending.value !== undefined) {
        try {
          const parsed = parseStoredPreferences(pending.value);
          if (parsed.updatedAt >= storedAt) {
            preferences = parsed.personalization;
            restored = true;
          } else {
            clearFromDevice();
          }
        } catch {
          clearFromDevice();
        }
      }
      if (revision > 0) {
        // The user changed something before the load finished; what they chose wins.
        update({ status: error ? 'error' : 'ready', error, known: true });
        if (error) {
          dependencies.reportError(error);
        }
        return;
      }
      update({ status: error ? 'error' : 'ready', error, known: true, preferences, syncPending: restored });
      if (error) {
        dependencies.reportError(error);
      }
      if (restored) {
        revision += 1;
        protectiveRevision = revision;
        lastProtectiveChange = {
          target: 'all',
          oldValue: displayedMode(preferences, 'all'),
          newValue: displayedMode(preferences, 'all'),
          correlationId: createCorrelationId(),
        };
        event('personalization.restored', lastProtectiveChange);
        void flush(null);
      }
    };

    const applyUserChange = (target: PersonalizationTarget, mode: RecommendationMode, strategy?: string): Promise<void> => {
      const { preferences } = get().personalization;
      const oldValue = displayedMode(preferences, target);
      const next = applyChange(preferences, target, mode, strategy);
      // Before stored preferences are known, the placeholder already reads as non-personalized;
      // an opt-out then is still a choice to record, or the loaded state would overwrite it.
      if (get().personalization.known && samePreferences(next, preferences)) {
        return Promise.resolve();
      }
      const record: Change = {
        target,
        oldValue,
        newValue: mode,
        ...(strategy === undefined ? {} : { strategy }),
        correlationId: createCorrelationId(),
        before: preferences,
        after: next,
      };
      revision += 1;
      // A new choice supersedes whatever the last failure was about.
      update({ preferences: next, status: 'ready', error: null });
      event('personalization.changed', record);
      if (isProtective(mode)) {
        protectiveRevision = revision;
        lastProtectiveChange = record;
        update({ syncPending: true });
        keepOnDevice();
      }
      return flush(record);
    };

    return {
      personalization: {
        status: 'idle',
        error: null,
        known: initial !== undefined,
        preferences: initial ?? protectivePreferences(),
        syncPending: false,
      },

      loadPersonalization() {
        if (get().personalization.status !== 'idle') {
          return;
        }
        update({ status: 'loading' });
        const stored = attempt(() => dependencies.preferences.load() as Awaitable<unknown>);
        const pending = attempt(() => dependencies.pendingSync.load() as Awaitable<unknown>);
        // Synchronous adapters (localStorage) apply before the first paint, so nothing flashes.
        if (!isPromiseLike(stored) && !isPromiseLike(pending)) {
          applyLoaded(stored, pending);
          return;
        }
        void Promise.all([stored, pending]).then(([storedOutcome, pendingOutcome]) => applyLoaded(storedOutcome, pendingOutcome));
      },

      setPersonalization(target, mode) {
        return applyUserChange(target, mode);
      },

      chooseFeedStrategy(strategy) {
        return applyUserChange('feed', 'non-personalized', strategy);
      },

      retryPersonalizationSync() {
        return retries.now();
      },

      connectPersonalization() {
        const disconnect = retries.connect();
        get().loadPersonalization();
        return disconnect;
      },
    };
  };
}

/** What a user with nothing stored starts with when the platform sets no other default. */
export function defaultPersonalization(): PersonalizationPreferences {
  return { master: 'personalized', scopes: allScopes('personalized'), strategy: null };
}
