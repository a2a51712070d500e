import { RightsError, toRightsError } from '../../../kernel/core/errors.js';
import { andThen } from '../../../kernel/core/engine/write-engine.js';
import type { SliceKit } from '../../../kernel/core/store/define-slice.js';
import { parseUserTagProfile } from './model.js';
import { pendingRemovals } from './pending.js';
import type { TAGS_SLICE } from './state.js';

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
export function readTags(kit: SliceKit<typeof TAGS_SLICE>) {
  const { get, update } = kit;
  const adapter = kit.adapter('tags');
  return andThen(
    kit.engine.read((options) => adapter.load(options)),
    (outcome) => {
      if (!outcome.ok) {
        const error = toRightsError(outcome.error, 'read-failed', 'The tags adapter failed to read.');
        update({ load: 'error', failure: { code: error.code, action: 'load' } });
        kit.reportError(error);
        return;
      }
      try {
        const parsed = parseUserTagProfile(outcome.value ?? { tags: [], categories: [] });
        if (parsed.invalid > 0) {
          kit.reportError(new RightsError('tags-invalid', `${parsed.invalid} entries from the tags adapter are invalid and not shown; the first at ${parsed.firstIssue ?? ''}`));
        }
        const disallowed = parsed.profile.tags.filter((tag) => tag.disallowed === true).map((tag) => tag.id);
        if (disallowed.length > 0) {
          kit.reportError(hiddenTagsError(disallowed, 'marked disallowed'));
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
        kit.reportError(error);
      }
    },
  );
}
