import * as v from 'valibot';
import { RightsError } from './errors.js';
import type { PersonalizationPreferences } from './types.js';

/** The version of {@link StoredPreferences} this build writes. */
export const PREFERENCES_VERSION = 1;

const modeSchema = v.picklist(['personalized', 'non-personalized']);

const preferencesSchema = v.object({
  version: v.literal(PREFERENCES_VERSION),
  personalization: v.object({
    master: modeSchema,
    scopes: v.object({ feed: modeSchema, ads: modeSchema, push: modeSchema, search: modeSchema }),
  }),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** What a {@link PreferencesAdapter} stores: versioned, so a later kit can migrate it. */
export type StoredPreferences = v.InferOutput<typeof preferencesSchema>;

/**
 * Steps from each older version to the next. Version 1 is the first, so there
 * are none yet; a version 2 adds `1: (data) => upgraded` here.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Validates data read from storage or an adapter, migrating older versions.
 * Throws a {@link RightsError} for anything it cannot trust; callers fall back
 * to privacy-protective defaults.
 */
export function parseStoredPreferences(data: unknown): StoredPreferences {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new RightsError('storage-invalid', 'Stored preferences are not an object.');
  }
  let record = data as Record<string, unknown>;
  const version = record.version;
  if (typeof version === 'number' && version > PREFERENCES_VERSION) {
    throw new RightsError(
      'storage-newer-version',
      `Stored preferences have version ${version}; this build reads up to ${PREFERENCES_VERSION}.`,
    );
  }
  while (typeof record.version === 'number' && record.version < PREFERENCES_VERSION) {
    const step = migrations[record.version];
    if (!step) {
      throw new RightsError('storage-invalid', `No migration from preferences version ${record.version}.`);
    }
    record = step(record);
  }
  const result = v.safeParse(preferencesSchema, record);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? '(root)') : '(root)';
    throw new RightsError('storage-invalid', `Stored preferences are invalid at ${path}: ${issue?.message ?? ''}`);
  }
  return result.output;
}

export function toStoredPreferences(personalization: PersonalizationPreferences, updatedAt: Date): StoredPreferences {
  return {
    version: PREFERENCES_VERSION,
    personalization: { master: personalization.master, scopes: { ...personalization.scopes } },
    updatedAt: updatedAt.toISOString(),
  };
}
