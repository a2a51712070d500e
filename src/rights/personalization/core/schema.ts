import * as v from 'valibot';
import { RightsError } from '../../../kernel/core/errors.js';
import { issuePath } from '../../../kernel/core/schema.js';
import { allRevisions } from './model.js';
import type { PreferencesRecord } from '../../../kernel/core/types.js';

const modeSchema = v.picklist(['personalized', 'non-personalized']);
// -1: a value the writer did not know (it saved before the stored preferences were read); it never overrides one that is known.
const revisionSchema = v.pipe(v.number(), v.integer(), v.minValue(-1));

const preferencesSchema = v.object({
  master: modeSchema,
  scopes: v.object({ feed: modeSchema, ads: modeSchema, push: modeSchema, search: modeSchema }),
  strategy: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(128))), null),
});

const recordSchema = v.object({
  preferences: preferencesSchema,
  // A backend that keeps no revisions sends none: its values then count as older than any choice made on a device.
  revisions: v.optional(
    v.object({
      master: revisionSchema,
      feed: revisionSchema,
      ads: revisionSchema,
      push: revisionSchema,
      search: revisionSchema,
      strategy: revisionSchema,
    }),
    () => allRevisions(0),
  ),
});

/**
 * Validates preferences a {@link PreferencesAdapter} returned or another tab
 * wrote. Throws a `storage-invalid` {@link RightsError} naming the first bad
 * field; the kit then falls back to privacy-protective defaults.
 */
export function parsePreferencesRecord(data: unknown): PreferencesRecord {
  const result = v.safeParse(recordSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', `Stored preferences are invalid at ${issuePath(result.issues)}`);
  }
  return result.output;
}
