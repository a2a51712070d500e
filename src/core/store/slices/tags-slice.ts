import type { StateCreator } from 'zustand/vanilla';
import type { PendingTagsAdapter, TagsAdapter } from '../../adapters/types.js';
import { RightsError } from '../../errors.js';
import { createCorrelationId, type TagsEvent, type TagsEventType } from '../../events.js';
import {
  PENDING_TAGS_VERSION,
  parseStoredPendingTags,
  parseUserTagProfile,
  type InterestOption,
  type NotInterestedFeedback,
  type TagCategory,
  type TagIntensity,
  type UserTag,
} from '../../tags.js';
import { isPromiseLike, type SliceStatus } from '../../types.js';
import { attempt, createRetrySchedule, createSerialQueue, withTimeout, type Outcome, type SliceContext } from '../async.js';

/** The user action whose failure `TagsState.error` reports, so the view can say what did not happen. */
export type TagsFailedAction = 'load' | 'select' | 'restore' | 'intensity';

/** Where one item's "not interested" feedback stands. */
export type FeedbackStatus = 'sending' | 'sent' | 'pending';

/** Which optional methods the tags adapter has: the manager offers only what the adapter can do. */
export interface TagCapabilities {
  restore: boolean;
  select: boolean;
  setIntensity: boolean;
  notInterested: boolean;
}

/** The tags slice's data. */
export interface TagsState {
  /** `'idle'` until a tag component asks for the tags. */
  status: SliceStatus;
  /** The last failure, or `null`. */
  error: RightsError | null;
  /** What the last failure was about. */
  failedAction: TagsFailedAction | null;
  /** False until the tags are loaded. */
  known: boolean;
  /** The user's tags, deleted ones already gone, including any the platform marked disallowed (views filter those out). */
  tags: UserTag[];
  categories: TagCategory[];
  /** Intensity per category id; absent means `'default'`. */
  intensities: Record<string, TagIntensity>;
  /** True while a deletion or feedback is kept on this device and not yet confirmed by the adapter. */
  syncPending: boolean;
  /** The last deletion, which "undo" puts back; `null` once undone or dismissed. */
  lastRemoval: { tags: UserTag[]; correlationId: string } | null;
  /** "Not interested" feedback by item id. */
  feedback: Record<string, FeedbackStatus>;
  capabilities: TagCapabilities;
}

/** The tags slice: its data under `tags`, and its actions. */
export interface TagsSlice {
  tags: TagsState;
  /** Reads the tags once; with `{ retry: true }`, again after a failed read. */
  loadTags(options?: { retry?: boolean }): void;
  /** Deletes tags at once (ALG 17 ¶2). A failed write keeps them deleted, on this device, and retries. */
  removeTags(ids: readonly string[]): Promise<void>;
  /** Puts back the last deletion, where the adapter can restore. A failed write deletes them again. */
  undoTagRemoval(): Promise<void>;
  /** Forgets the last deletion, so it can no longer be undone. */
  dismissTagRemoval(): void;
  /** Adds interests the user chose. A failed write removes them again, with a message. */
  selectInterests(interests: readonly InterestOption[]): Promise<void>;
  /** Sets a category's intensity. A failed write restores the previous one, with a message. */
  setTagIntensity(categoryId: string, intensity: TagIntensity): Promise<void>;
  /** Sends "not interested" feedback. A failed write keeps it on this device and retries. */
  sendNotInterested(feedback: NotInterestedFeedback): Promise<void>;
  /** Retries pending deletions and feedback now. */
  retryTagSync(): Promise<void>;
  /** Restores pending actions from this device and starts retries; returns the function that stops them. */
  connectTags(): () => void;
}

export interface TagsSliceDependencies extends SliceContext {
  tags: TagsAdapter;
  pendingTags: PendingTagsAdapter;
}

function writeError(cause: unknown): RightsError {
  return new RightsError('write-failed', 'The tags adapter failed to write.', { cause });
}

export function createTagsSlice<State extends TagsSlice>(dependencies: TagsSliceDependencies): StateCreator<State, [], [], TagsSlice> {
  return (set, get) => {
    const update = (patch: Partial<TagsState>) => set((state) => ({ tags: { ...state.tags, ...patch } }) as Partial<State>);
    const enqueue = createSerialQueue();
    const adapter = dependencies.tags;

    // Privacy-protective actions the adapter has not confirmed, mirrored on this device.
    const pendingRemovals = new Set<string>();
    let pendingFeedback: NotInterestedFeedback[] = [];
    let pendingRestored = false;
    // The order tags were loaded in, so that undo puts a tag back where it was.
    let order = new Map<string, number>();

    const event = (type: TagsEventType, correlationId: string, details: Partial<TagsEvent> = {}) => {
      dependencies.emit({ type, tagIds: [], ...details, timestamp: dependencies.now().toISOString(), correlationId });
    };

    const hasPending = () => pendingRemovals.size > 0 || pendingFeedback.length > 0;

    const persistPending = () => {
      const outcome = attempt(() =>
        hasPending()
          ? dependencies.pendingTags.save({
              version: PENDING_TAGS_VERSION,
              removals: [...pendingRemovals],
              feedback: pendingFeedback.map((entry) => ({ ...entry })),
              updatedAt: dependencies.now().toISOString(),
            })
          : dependencies.pendingTags.clear(),
      );
      const report = (result: Outcome<void>) => {
        if (!result.ok) {
          dependencies.reportError(new RightsError('write-failed', 'Could not keep pending tag actions on this device.', { cause: result.error }));
        }
      };
      if (isPromiseLike(outcome)) {
        void outcome.then(report);
      } else {
        report(outcome);
      }
      update({ syncPending: hasPending() });
    };

    const retries = createRetrySchedule({ context: dependencies, isPending: hasPending, retry: () => flushPending() });
    const scheduleRetry = retries.schedule;

    const write = (call: () => unknown) => withTimeout(Promise.resolve().then(call), dependencies.writeTimeoutMs);

    /** Sends every pending deletion and feedback; what succeeds leaves the device store. */
    const flushPending = (): Promise<void> =>
      enqueue(async () => {
        const correlationId = createCorrelationId();
        let failure: RightsError | null = null;
        if (pendingRemovals.size > 0) {
          const ids = [...pendingRemovals];
          try {
            await write(() => adapter.remove(ids));
            ids.forEach((id) => pendingRemovals.delete(id));
            event('tags.synced', correlationId, { tagIds: ids });
          } catch (cause) {
            failure = writeError(cause);
          }
        }
        for (const feedback of [...pendingFeedback]) {
          try {
            await write(() => adapter.notInterested?.(feedback));
            pendingFeedback = pendingFeedback.filter((entry) => entry !== feedback);
            update({ feedback: { ...get().tags.feedback, [feedback.itemId]: 'sent' } });
            event('tags.synced', correlationId, { itemId: feedback.itemId });
          } catch (cause) {
            failure = writeError(cause);
            break;
          }
        }
        persistPending();
        if (failure) {
          dependencies.reportError(failure);
          event('tags.sync-pending', correlationId, { errorCode: failure.code });
          scheduleRetry();
        } else {
          retries.succeeded();
        }
      });

    const restorePending = () => {
      if (pendingRestored) {
        return;
      }
      pendingRestored = true;
      const outcome = attempt(() => dependencies.pendingTags.load() as unknown);
      const apply = (result: Outcome<unknown>) => {
        if (!result.ok || result.value === null || result.value === undefined) {
          return;
        }
        try {
          const stored = parseStoredPendingTags(result.value);
          stored.removals.forEach((id) => pendingRemovals.add(id));
          pendingFeedback.push(...stored.feedback);
        } catch {
          void Promise.resolve(attempt(() => dependencies.pendingTags.clear()));
          return;
        }
        if (hasPending()) {
          const { tags } = get().tags;
          update({
            syncPending: true,
            tags: tags.filter((tag) => !pendingRemovals.has(tag.id)),
            feedback: { ...get().tags.feedback, ...Object.fromEntries(pendingFeedback.map((entry) => [entry.itemId, 'pending'])) },
          });
          event('tags.recovered', createCorrelationId(), { tagIds: [...pendingRemovals] });
          void flushPending();
        }
      };
      if (isPromiseLike(outcome)) {
        void outcome.then(apply);
      } else {
        apply(outcome);
      }
    };

    const applyLoaded = (result: Outcome<unknown>) => {
      if (!result.ok) {
        const error =
          result.error instanceof RightsError
            ? result.error
            : new RightsError('read-failed', 'The tags adapter failed to read.', { cause: result.error });
        update({ status: 'error', error, failedAction: 'load' });
        dependencies.reportError(error);
        return;
      }
      try {
        const profile = parseUserTagProfile(result.value ?? { tags: [], categories: [] });
        order = new Map(profile.tags.map((tag, index) => [tag.id, index]));
        update({
          status: 'ready',
          error: null,
          failedAction: null,
          known: true,
          tags: profile.tags.filter((tag) => !pendingRemovals.has(tag.id)),
          categories: profile.categories,
          intensities: profile.intensities ?? {},
        });
      } catch (cause) {
        const error = cause instanceof RightsError ? cause : new RightsError('tags-invalid', 'The tags adapter returned invalid data.');
        update({ status: 'error', error, failedAction: 'load' });
        dependencies.reportError(error);
      }
    };

    const inLoadOrder = (tags: UserTag[]) =>
      tags.sort((first, second) => (order.get(first.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(second.id) ?? Number.MAX_SAFE_INTEGER));

    /** Deletes tags locally and keeps the deletion pending on this device; the caller writes it. */
    const removeLocally = (ids: readonly string[]) => {
      const removed = new Set(ids);
      update({ tags: get().tags.tags.filter((tag) => !removed.has(tag.id)) });
      ids.forEach((id) => pendingRemovals.add(id));
      persistPending();
    };

    const writeRemoval = (ids: readonly string[], correlationId: string) =>
      enqueue(async () => {
        try {
          await write(() => adapter.remove(ids));
        } catch (cause) {
          const error = writeError(cause);
          dependencies.reportError(error);
          event('tags.sync-pending', correlationId, { tagIds: ids, errorCode: error.code });
          scheduleRetry();
          return;
        }
        ids.forEach((id) => pendingRemovals.delete(id));
        persistPending();
        event('tags.synced', correlationId, { tagIds: ids });
      });

    // A new choice supersedes the message about an earlier one; a failed load stays until it is retried.
    const clearActionError = () => {
      const { error, failedAction } = get().tags;
      if (error && failedAction !== 'load') {
        update({ status: 'ready', error: null, failedAction: null });
      }
    };

    const failed = (action: TagsFailedAction, error: RightsError) => {
      dependencies.reportError(error);
      update({ status: 'error', error, failedAction: action });
    };

    return {
      tags: {
        status: 'idle',
        error: null,
        failedAction: null,
        known: false,
        tags: [],
        categories: [],
        intensities: {},
        syncPending: false,
        lastRemoval: null,
        feedback: {},
        capabilities: {
          restore: typeof adapter.restore === 'function',
          select: typeof adapter.select === 'function',
          setIntensity: typeof adapter.setIntensity === 'function',
          notInterested: typeof adapter.notInterested === 'function',
        },
      },

      loadTags(options = {}) {
        const { status, known, failedAction } = get().tags;
        const failedToLoad = status === 'error' && failedAction === 'load';
        if (status === 'loading' || known || (failedToLoad && !options.retry)) {
          return;
        }
        restorePending();
        update({ status: 'loading', error: null, failedAction: null });
        const outcome = attempt(() => adapter.load() as unknown);
        if (isPromiseLike(outcome)) {
          void outcome.then(applyLoaded);
        } else {
          applyLoaded(outcome);
        }
      },

      removeTags(ids) {
        const unique = [...new Set(ids)];
        if (unique.length === 0) {
          return Promise.resolve();
        }
        const removed = new Set(unique);
        const correlationId = createCorrelationId();
        const removedTags = get().tags.tags.filter((tag) => removed.has(tag.id));
        removeLocally(unique);
        update({ lastRemoval: { tags: removedTags, correlationId } });
        clearActionError();
        event('tags.removed', correlationId, { tagIds: unique });
        return writeRemoval(unique, correlationId);
      },

      undoTagRemoval() {
        const last = get().tags.lastRemoval;
        const restore = adapter.restore;
        if (!last || typeof restore !== 'function') {
          return Promise.resolve();
        }
        const ids = last.tags.map((tag) => tag.id);
        ids.forEach((id) => pendingRemovals.delete(id));
        persistPending();
        const present = new Set(get().tags.tags.map((tag) => tag.id));
        update({ lastRemoval: null, tags: inLoadOrder([...get().tags.tags, ...last.tags.filter((tag) => !present.has(tag.id))]) });
        event('tags.restored', last.correlationId, { tagIds: ids });
        return enqueue(async () => {
          try {
            await write(() => restore.call(adapter, last.tags));
          } catch (cause) {
            // Putting data back reduces privacy: undo the undo, and keep the deletion.
            const error = writeError(cause);
            removeLocally(ids);
            failed('restore', error);
            event('tags.rolled-back', last.correlationId, { tagIds: ids, errorCode: error.code });
            void writeRemoval(ids, last.correlationId);
            return;
          }
          event('tags.synced', last.correlationId, { tagIds: ids });
        });
      },

      dismissTagRemoval() {
        if (get().tags.lastRemoval) {
          update({ lastRemoval: null });
        }
      },

      selectInterests(interests) {
        const select = adapter.select;
        const present = new Set(get().tags.tags.map((tag) => tag.id));
        const chosen = interests.filter((interest) => !present.has(interest.id) && interest.disallowed !== true);
        if (typeof select !== 'function' || chosen.length === 0) {
          return Promise.resolve();
        }
        const createdAt = dependencies.now().toISOString();
        const added: UserTag[] = chosen.map(({ id, label, categoryId }) => ({ id, label, categoryId, source: 'selected', createdAt }));
        const ids = added.map((tag) => tag.id);
        chosen.forEach((interest) => pendingRemovals.delete(interest.id));
        const correlationId = createCorrelationId();
        update({ tags: [...get().tags.tags, ...added] });
        clearActionError();
        event('tags.selected', correlationId, { tagIds: ids });
        return enqueue(async () => {
          try {
            await write(() => select.call(adapter, chosen));
          } catch (cause) {
            const error = writeError(cause);
            const undone = new Set(ids);
            update({ tags: get().tags.tags.filter((tag) => !undone.has(tag.id)) });
            failed('select', error);
            event('tags.rolled-back', correlationId, { tagIds: ids, errorCode: error.code });
            return;
          }
          event('tags.synced', correlationId, { tagIds: ids });
        });
      },

      setTagIntensity(categoryId, intensity) {
        const setIntensity = adapter.setIntensity;
        const previous = get().tags.intensities[categoryId] ?? 'default';
        if (typeof setIntensity !== 'function' || previous === intensity) {
          return Promise.resolve();
        }
        const correlationId = createCorrelationId();
        const details = { categoryId, oldIntensity: previous, newIntensity: intensity };
        update({ intensities: { ...get().tags.intensities, [categoryId]: intensity } });
        clearActionError();
        event('tags.intensity-changed', correlationId, details);
        return enqueue(async () => {
          try {
            await write(() => setIntensity.call(adapter, categoryId, intensity));
          } catch (cause) {
            const error = writeError(cause);
            if ((get().tags.intensities[categoryId] ?? 'default') === intensity) {
              update({ intensities: { ...get().tags.intensities, [categoryId]: previous } });
            }
            failed('intensity', error);
            event('tags.rolled-back', correlationId, { ...details, errorCode: error.code });
            return;
          }
          event('tags.synced', correlationId, details);
        });
      },

      sendNotInterested(feedback) {
        const notInterested = adapter.notInterested;
        if (typeof notInterested !== 'function') {
          return Promise.resolve();
        }
        const correlationId = createCorrelationId();
        const details = { itemId: feedback.itemId, tagIds: feedback.tagIds ?? [], ...(feedback.reasonId ? { reasonId: feedback.reasonId } : {}) };
        update({ feedback: { ...get().tags.feedback, [feedback.itemId]: 'sending' } });
        event('tags.not-interested', correlationId, details);
        return enqueue(async () => {
          try {
            await write(() => notInterested.call(adapter, feedback));
          } catch (cause) {
            // Negative feedback protects the user: keep it and retry.
            const error = writeError(cause);
            pendingFeedback.push(feedback);
            persistPending();
            update({ feedback: { ...get().tags.feedback, [feedback.itemId]: 'pending' } });
            dependencies.reportError(error);
            event('tags.sync-pending', correlationId, { ...details, errorCode: error.code });
            scheduleRetry();
            return;
          }
          update({ feedback: { ...get().tags.feedback, [feedback.itemId]: 'sent' } });
          event('tags.synced', correlationId, details);
        });
      },

      retryTagSync() {
        return retries.now();
      },

      connectTags() {
        restorePending();
        return retries.connect();
      },
    };
  };
}
