import { createLocalStorageTagsAdapter } from './adapters.js';
import { RightsError, toRightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import {
  parseUserTagProfile,
  validTagsWrite,
  type InterestOption,
  type NotInterestedFeedback,
  type TagCategory,
  type TagIntensity,
  type UserTag,
} from './model.js';
import type { LoadState } from '../../../kernel/core/types.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import { defineSlice, type SliceDescriptor, type SliceKit, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import { andThen, type WriteRequest } from '../../../kernel/core/engine/write-engine.js';
import type { TagsEvent } from './events.js';

/**
 * What a tags failure is about: `load` (the tags could not be read), `select`, `restore` and `intensity`
 * (a choice rolled back), `recover` (deletions kept on this device could not be read) and `persist` (a
 * deletion or feedback could not be kept on this device; it applies, is held in memory and retried).
 */
export type TagsAction = 'load' | 'select' | 'restore' | 'intensity' | 'recover' | 'persist';

/** Where one item's "not interested" feedback stands. */
export type FeedbackStatus = 'idle' | 'sending' | 'sent' | 'pending';

/** Which optional methods the tags adapter has: the manager offers only what the adapter can do. */
export interface TagCapabilities {
  restore: boolean;
  select: boolean;
  setIntensity: boolean;
  notInterested: boolean;
}

/** The tags slice's data. */
export interface TagsState {
  /** Whether the tags are known. `'idle'` until a tag component asks for them. */
  load: LoadState;
  /** The last failure, or `null`. */
  failure: RightsFailure<TagsAction> | null;
  /** The tags as the user should see them: deleted ones already gone, including any the platform marked disallowed (views filter those out). */
  tags: readonly UserTag[];
  categories: readonly TagCategory[];
  /** Intensity per category id; absent means `'default'`. Ids are data, so this is a `Map`. */
  intensities: ReadonlyMap<string, TagIntensity>;
  /** The tags as last read, in their order, so that undo puts a tag back where it was. */
  loaded: readonly UserTag[];
  /** How many entries of the last read failed validation and are not shown. */
  invalidCount: number;
  /** Ids of tags that failed validation, so that "delete all" still reaches them. */
  invalidTagIds: readonly string[];
  /** The last deletion, which "undo" puts back; `null` once undone or dismissed. */
  lastRemoval: { tags: readonly UserTag[]; correlationId: string } | null;
  /** Items whose "not interested" feedback the adapter confirmed in this session. */
  sentFeedback: ReadonlySet<string>;
  capabilities: TagCapabilities;
}

/** The tags slice: its data under `tags`, and its actions. */
export interface TagsSlice {
  tags: TagsState;
  /** Reads the tags once; with `{ retry: true }`, again after a failed read. */
  loadTags(options?: { retry?: boolean }): void;
  /** Deletes tags at once (ALG 17 ¶2). Protective: kept on this device and retried until confirmed. */
  removeTags(ids: readonly string[]): Promise<void>;
  /** Puts back the last deletion, where the adapter can restore. Reducing: a failed write deletes them again. */
  undoTagRemoval(): Promise<void>;
  /** Forgets the last deletion, so it can no longer be undone. */
  dismissTagRemoval(): void;
  /** Adds interests the user chose. Reducing: a failed write removes them again, with a message. */
  selectInterests(interests: readonly InterestOption[]): Promise<void>;
  /** Sets a category's intensity. Reducing: a failed write restores the previous one, with a message. */
  setTagIntensity(categoryId: string, intensity: TagIntensity): Promise<void>;
  /**
   * Records "not interested" (protective). With `holdMs`, the feedback waits that long in the outbox
   * before it is sent, so that {@link TagsSlice.withdrawNotInterested} can take it back.
   */
  sendNotInterested(feedback: NotInterestedFeedback, options?: { holdMs?: number }): Promise<void>;
  /**
   * Takes back an item's feedback while it is still held for undo. Resolves `false`, and the feedback
   * stands, once it has gone out or when the device could not let go of it.
   */
  withdrawNotInterested(itemId: string): Promise<boolean>;
  /**
   * Holds an item's feedback `holdMs` more from now, while it is still held for undo: the undo toast waits
   * while the user is on it. Resolves `false` once the feedback has gone out, or is going.
   */
  holdNotInterested(itemId: string, holdMs: number): Promise<boolean>;
  /** Sends pending writes now, and reads the tags again if that failed. */
  retryTags(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissTagsFailure(): void;
  /** Reports, once per tag, tags a view hides because their labels match its blocklist. */
  reportBlockedTags(ids: readonly string[]): void;
}

const SLICE = 'tags';

/** Tag ids that deletions waiting in the outbox remove. */
export function pendingRemovals(entries: readonly OutboxEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.slice === SLICE && entry.method === 'remove') {
      for (const id of entry.args[0] as string[]) {
        ids.add(id);
      }
    }
  }
  return ids;
}

/** Where one item's feedback stands: waiting in the outbox, confirmed, or not given. */
export function selectFeedbackStatus(state: RightsState, itemId: string): FeedbackStatus {
  const target = `feedback:${itemId}`;
  let status: FeedbackStatus | null = null;
  for (const entry of state.outbox.entries) {
    if (entry.target === target && entry.slice === SLICE) {
      status = entry.attempts > 0 || status === 'pending' ? 'pending' : 'sending';
    }
  }
  return status ?? (state.tags.sentFeedback.has(itemId) ? 'sent' : 'idle');
}

/** An earlier deletion no longer wanted once these ids are back: dropped, or left with the other ids. */
const withoutIds = (ids: ReadonlySet<string>) => (entry: OutboxEntry): 'keep' | 'drop' | { args: unknown[] } => {
  if (entry.method !== 'remove') {
    return 'keep';
  }
  const before = entry.args[0] as string[];
  const rest = before.filter((id) => !ids.has(id));
  return rest.length === before.length ? 'keep' : rest.length === 0 ? 'drop' : { args: [rest] };
};

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
    const event = (type: TagsEvent['type'], correlationId: string, details: Partial<Omit<TagsEvent, 'type' | 'timestamp' | 'correlationId'>>) =>
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

        sendNotInterested(feedback, options = {}) {
          if (!get().tags.capabilities.notInterested) {
            return Promise.resolve();
          }
          const correlationId = createCorrelationId();
          const copy: NotInterestedFeedback = {
            itemId: feedback.itemId,
            ...(feedback.reasonId ? { reasonId: feedback.reasonId } : {}),
            ...(feedback.tagIds ? { tagIds: [...feedback.tagIds] } : {}),
          };
          const details = { itemId: copy.itemId, tagIds: copy.tagIds ?? [], ...(copy.reasonId ? { reasonId: copy.reasonId } : {}) };
          return context.engine.write({
            slice: SLICE,
            action: 'not-interested',
            policy: 'protective',
            adapter: 'tags',
            method: 'notInterested',
            args: [copy],
            target: `feedback:${copy.itemId}`,
            details,
            correlationId,
            ...(options.holdMs ? { holdMs: options.holdMs } : {}),
            apply() {
              event('tags.not-interested', correlationId, details);
            },
          });
        },

        async withdrawNotInterested(itemId) {
          const target = `feedback:${itemId}`;
          const entry = get().outbox.entries.find((candidate) => candidate.slice === SLICE && candidate.target === target);
          if (!entry || !(await context.engine.withdraw(entry.key))) {
            return false;
          }
          event('tags.not-interested-undone', entry.correlationId, { itemId, tagIds: [] });
          return true;
        },

        async holdNotInterested(itemId, holdMs) {
          const target = `feedback:${itemId}`;
          const entry = get().outbox.entries.find((candidate) => candidate.slice === SLICE && candidate.target === target);
          return entry ? context.engine.rehold(entry.key, holdMs) : false;
        },

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

/** What `onError` gets for tags the user is never shown (ALG 10). */
export function hiddenTagsError(ids: readonly string[], why: string): RightsError {
  const shown = ids.slice(0, 10).map((id) => JSON.stringify(id)).join(', ');
  return new RightsError(
    'tags-disallowed',
    `The tags adapter returned ${ids.length} tag${ids.length === 1 ? '' : 's'} ${why} (${shown}${ids.length > 10 ? ', …' : ''}). ` +
      'They are hidden from the user; stop the recommender from producing them (ALG 10).',
  );
}

/** Reads the tags, validates them entry by entry, and hides those whose deletion waits in the outbox. */
function readTags(kit: SliceKit<typeof SLICE>) {
  const { get, update } = kit;
  const context = kit;
  const adapter = kit.adapter('tags');
  return andThen(
    context.engine.read((options) => adapter.load(options)),
    (outcome) => {
      if (!outcome.ok) {
        const error = toRightsError(outcome.error, 'read-failed', 'The tags adapter failed to read.');
        update({ load: 'error', failure: { code: error.code, action: 'load' } });
        context.reportError(error);
        return;
      }
      try {
        const parsed = parseUserTagProfile(outcome.value ?? { tags: [], categories: [] });
        if (parsed.invalid > 0) {
          context.reportError(new RightsError('tags-invalid', `${parsed.invalid} entries from the tags adapter are invalid and not shown; the first at ${parsed.firstIssue ?? ''}`));
        }
        const disallowed = parsed.profile.tags.filter((tag) => tag.disallowed === true).map((tag) => tag.id);
        if (disallowed.length > 0) {
          context.reportError(hiddenTagsError(disallowed, 'marked disallowed'));
        }
        const removed = pendingRemovals(get().outbox.entries);
        const failure = get().tags.failure;
        update({
          load: 'ready',
          ...(failure?.action === 'load' ? { failure: null } : {}),
          loaded: parsed.profile.tags,
          tags: parsed.profile.tags.filter((tag) => !removed.has(tag.id)),
          categories: parsed.profile.categories,
          intensities: parsed.profile.intensities,
          invalidCount: parsed.invalid,
          invalidTagIds: parsed.invalidTagIds,
        });
      } catch (cause) {
        const error = toRightsError(cause, 'tags-invalid', 'The tags adapter returned invalid data.');
        update({ load: 'error', failure: { code: error.code, action: 'load' } });
        context.reportError(error);
      }
    },
  );
}
