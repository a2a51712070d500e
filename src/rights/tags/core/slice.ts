import { createLocalStorageTagsAdapter } from './adapters.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { validTagsWrite, type NotInterestedFeedback, type TagIntensity, type UserTag } from './model.js';
import { defineSlice, type SliceDescriptor, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import type { WriteRequest } from '../../../kernel/core/engine/write-engine.js';
import { pendingRemovals, withoutIds } from './pending.js';
import { hiddenTagsError, readTags } from './read-profile.js';
import type { TagsEventEmitter } from './events.js';
import { notInterestedActions } from './not-interested.js';
import { TAGS_SLICE as SLICE, type TagsSlice } from './state.js';

/*
 * The tags slice orchestrates: deleting, undoing, choosing interests and intensity here; the read and its
 * validation in `read-profile.ts`; "not interested" with its hold and undo in `not-interested.ts`; what the
 * outbox says about tags in `pending.ts`.
 */

export type { FeedbackStatus, TagCapabilities, TagsAction, TagsSlice, TagsState } from './state.js';
export { pendingRemovals, selectFeedbackStatus } from './pending.js';
export { hiddenTagsError } from './read-profile.js';

/** The tags slice: registered by the first tag component that renders. */
export const tagsSlice: SliceDescriptor<TagsSlice, typeof SLICE> = defineSlice({
  name: SLICE,
  watch: 'tags',
  requiredMethods: { tags: ['load', 'remove'] },
  advice: {
    tags: 'start from createMemoryTagsAdapter() or createLocalStorageTagsAdapter(), and check yours with runTagsAdapterConformance()',
  },
  defaults: { tags: () => createLocalStorageTagsAdapter() },

  setup(kit): SliceSetup<typeof SLICE, Omit<TagsSlice, typeof SLICE>> {
    const { get, update } = kit;
    const context = kit;
    const adapter = kit.adapter('tags');
    // Blocklisted tags are reported once each, however often views render them.
    const reportedBlocked = new Set<string>();

    const inLoadOrder = (tags: UserTag[]) => {
      const order = new Map(get().tags.loaded.map((tag, index) => [tag.id, index]));
      return tags.sort((first, second) => (order.get(first.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(second.id) ?? Number.MAX_SAFE_INTEGER));
    };
    const without = (ids: ReadonlySet<string>) => get().tags.tags.filter((tag) => !ids.has(tag.id));
    const withTags = (added: readonly UserTag[]) => {
      const present = new Set(get().tags.tags.map((tag) => tag.id));
      return inLoadOrder([...get().tags.tags, ...added.filter((tag) => !present.has(tag.id))]);
    };
    // A new choice supersedes the message about an earlier one; a failed load stays until it is retried.
    const clearActionFailure = () => {
      const failure = get().tags.failure;
      if (failure && failure.action !== 'load') {
        update({ failure: null });
      }
    };
    const event: TagsEventEmitter = (type, correlationId, details) =>
      kit.emit({ tagIds: [], ...details, type, timestamp: kit.timestamp(), correlationId });

    const removal = (ids: readonly string[], correlationId: string, action = 'remove'): WriteRequest => ({
      slice: SLICE,
      action,
      policy: 'protective',
      adapter: 'tags',
      method: 'remove',
      args: [[...ids]],
      target: 'tags',
      details: { tagIds: [...ids] },
      correlationId,
    });

    kit.handle({
      validate: (entry) => validTagsWrite(entry.method, entry.args),
      confirmed(batch) {
        const sent = batch.filter(({ entry }) => entry.method === 'notInterested').map(({ entry }) => (entry.args[0] as NotInterestedFeedback).itemId);
        if (sent.length > 0) {
          update({ sentFeedback: new Set([...get().tags.sentFeedback, ...sent]) });
        }
      },
      outboxChanged(entries) {
        const removed = pendingRemovals(entries);
        if (removed.size > 0 && get().tags.tags.some((tag) => removed.has(tag.id))) {
          update({ tags: without(removed) });
        }
      },
    });

    return {
      read: () => readTags(kit),
      state: {
        load: 'idle',
        failure: null,
        tags: [],
        categories: [],
        intensities: new Map(),
        loaded: [],
        invalidCount: 0,
        invalidTagIds: [],
        lastRemoval: null,
        sentFeedback: new Set(),
        capabilities: {
          restore: typeof adapter.restore === 'function',
          select: typeof adapter.select === 'function',
          setIntensity: typeof adapter.setIntensity === 'function',
          notInterested: typeof adapter.notInterested === 'function',
        },
      },
      actions: {
        loadTags: kit.loadOnce,

        removeTags(ids) {
          const unique = [...new Set(ids)];
          if (unique.length === 0) {
            return Promise.resolve();
          }
          const correlationId = createCorrelationId();
          const removed = new Set(unique);
          return context.engine.write({
            ...removal(unique, correlationId),
            apply() {
              update({ tags: without(removed), lastRemoval: { tags: get().tags.tags.filter((tag) => removed.has(tag.id)), correlationId } });
              clearActionFailure();
              event('tags.removed', correlationId, { tagIds: unique });
            },
          });
        },

        undoTagRemoval() {
          const last = get().tags.lastRemoval;
          if (!last || !get().tags.capabilities.restore) {
            return Promise.resolve();
          }
          const ids = last.tags.map((tag) => tag.id);
          const back = new Set(ids);
          return context.engine.write({
            slice: SLICE,
            action: 'restore',
            policy: 'reducing',
            adapter: 'tags',
            method: 'restore',
            args: [last.tags],
            target: 'tags',
            details: { tagIds: ids },
            correlationId: last.correlationId,
            apply() {
              update({ lastRemoval: null, tags: withTags(last.tags) });
              clearActionFailure();
              event('tags.removal-undone', last.correlationId, { tagIds: ids });
            },
            rollback() {
              // Putting data back reduces privacy: undo the undo, and keep the deletion.
              update({ tags: without(back) });
              return removal(ids, last.correlationId);
            },
            supersede: withoutIds(back),
          });
        },

        dismissTagRemoval() {
          if (get().tags.lastRemoval) {
            update({ lastRemoval: null });
          }
        },

        selectInterests(interests) {
          const present = new Set(get().tags.tags.map((tag) => tag.id));
          const chosen = interests.filter((interest) => !present.has(interest.id) && interest.disallowed !== true);
          if (!get().tags.capabilities.select || chosen.length === 0) {
            return Promise.resolve();
          }
          const createdAt = context.timestamp();
          const added: UserTag[] = chosen.map(({ id, label, categoryId }) => ({ id, label, categoryId, source: 'selected', createdAt }));
          const ids = added.map((tag) => tag.id);
          const correlationId = createCorrelationId();
          return context.engine.write({
            slice: SLICE,
            action: 'select',
            policy: 'reducing',
            adapter: 'tags',
            method: 'select',
            args: [chosen.map(({ id, label, categoryId }) => ({ id, label, categoryId }))],
            target: 'tags',
            details: { tagIds: ids },
            correlationId,
            apply() {
              update({ tags: [...get().tags.tags, ...added] });
              clearActionFailure();
              event('tags.selected', correlationId, { tagIds: ids });
            },
            rollback() {
              update({ tags: without(new Set(ids)) });
              // The backend may have stored the interests before failing: delete them again, protectively.
              return removal(ids, correlationId);
            },
            supersede: withoutIds(new Set(ids)),
          });
        },

        setTagIntensity(categoryId, intensity) {
          const previous = get().tags.intensities.get(categoryId) ?? 'default';
          if (!get().tags.capabilities.setIntensity || previous === intensity) {
            return Promise.resolve();
          }
          const correlationId = createCorrelationId();
          // The write's step events (`tags.synced`, …) carry these details, and a tags event always names its tags.
          const details = { tagIds: [], categoryId, oldIntensity: previous, newIntensity: intensity };
          const set = (level: TagIntensity) => update({ intensities: new Map([...get().tags.intensities, [categoryId, level]]) });
          const target = `intensity:${categoryId}`;
          return context.engine.write({
            slice: SLICE,
            action: 'intensity',
            policy: 'reducing',
            adapter: 'tags',
            method: 'setIntensity',
            args: [categoryId, intensity],
            target,
            details,
            correlationId,
            apply() {
              set(intensity);
              clearActionFailure();
              event('tags.intensity-changed', correlationId, details);
            },
            rollback() {
              if ((get().tags.intensities.get(categoryId) ?? 'default') !== intensity) {
                return null;
              }
              set(previous);
              return {
                slice: SLICE,
                action: 'intensity',
                policy: 'protective',
                adapter: 'tags',
                method: 'setIntensity',
                args: [categoryId, previous],
                target,
                details: { tagIds: [], categoryId, oldIntensity: intensity, newIntensity: previous },
              };
            },
            supersede: (entry) => (entry.target === target ? 'drop' : 'keep'),
          });
        },

        ...notInterestedActions(kit, event),

        retryTags: kit.retry,
        dismissTagsFailure: kit.dismissFailure,
        reportBlockedTags(ids) {
          const fresh = ids.filter((id) => !reportedBlocked.has(id));
          if (fresh.length > 0) {
            fresh.forEach((id) => reportedBlocked.add(id));
            context.reportError(hiddenTagsError(fresh, 'whose labels match the blocklist'));
          }
        },
      },
    };
  },
});
