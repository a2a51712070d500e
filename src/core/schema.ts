import * as v from 'valibot';
import { RightsError } from './errors.js';
import type { PersonalizationPreferences } from './types.js';

/** The version of {@link StoredPreferences} this build writes. */
export const PREFERENCES_VERSION = 2;

const modeSchema = v.picklist(['personalized', 'non-personalized']);

const preferencesSchema = v.object({
  version: v.literal(PREFERENCES_VERSION),
  personalization: v.object({
    master: modeSchema,
    scopes: v.object({ feed: modeSchema, ads: modeSchema, push: modeSchema, search: modeSchema }),
    strategy: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
  }),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** What a {@link PreferencesAdapter} stores: versioned, so a later kit can migrate it. */
export type StoredPreferences = v.InferOutput<typeof preferencesSchema>;

/**
 * Steps from each older version to the next; version N + 1 adds `N: (data) => upgraded`.
 * Each step only reshapes: the result is validated afterwards like any read.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added the feed's non-personalized strategy; version 1 had chosen none.
  1: (data) => {
    const personalization = data.personalization;
    return {
      ...data,
      version: 2,
      personalization:
        typeof personalization === 'object' && personalization !== null ? { ...personalization, strategy: null } : personalization,
    };
  },
};

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
    personalization: {
      master: personalization.master,
      scopes: { ...personalization.scopes },
      strategy: personalization.strategy ?? null,
    },
    updatedAt: updatedAt.toISOString(),
  };
}
