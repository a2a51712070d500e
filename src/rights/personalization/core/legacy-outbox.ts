import { allRevisions } from './model.js';
import { readStoredPreferences } from './adapters.js';
import type { LegacyPreferencesReplay } from '../../../kernel/core/outbox/outbox-adapters.js';

/**
 * What version 0.1 left pending under `algorights:pending-sync`, as a personalization opt-out for the
 * outbox. Version 0.1 kept only privacy-protective choices pending; their time is the best revision there is.
 */
export const replayLegacyPreferences: LegacyPreferencesReplay = (stored) => {
  const record = readStoredPreferences(stored);
  const at = typeof stored.updatedAt === 'string' ? Date.parse(stored.updatedAt) : Number.NaN;
  const revision = Number.isFinite(at) ? at : 1;
  return {
    fields: { slice: 'personalization', action: 'opt-out', adapter: 'preferences', method: 'save', target: 'preferences', args: [{ ...record, revisions: allRevisions(revision) }] },
    createdAt: new Date(revision).toISOString(),
  };
};
