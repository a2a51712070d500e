import type { NotInterestedFeedback, TagsAdapter, UserTag, UserTagProfile } from 'algorights';

/**
 * The platform's side of the user's tags, as a `TagsAdapter`. A real app calls its own API in each method;
 * this example keeps a pretend server's record in localStorage under its own key, so that a reload shows
 * what the "server" kept.
 */
interface ServerRecord {
  profile: UserTagProfile;
  feedback: NotInterestedFeedback[];
  /** Idempotency keys already carried out: a retried write has one effect. */
  keys: string[];
}

const KEY = 'example-app:tag-profile';

/** The sample user the pretend server starts with. */
const SAMPLE_PROFILE: UserTagProfile = {
  tags: [
    { id: 'camping', label: '露营', categoryId: 'travel', source: 'inferred' },
    { id: 'hiking', label: '徒步', categoryId: 'travel', source: 'inferred' },
  ],
  categories: [{ id: 'travel', label: '旅行' }],
};

function read(): ServerRecord {
  const stored = localStorage.getItem(KEY);
  return stored === null ? { profile: SAMPLE_PROFILE, feedback: [], keys: [] } : (JSON.parse(stored) as ServerRecord);
}

/** Carries out one write once, however often the kit retries it with the same key. */
function once(idempotencyKey: string, change: (record: ServerRecord) => void): void {
  const record = read();
  if (record.keys.includes(idempotencyKey)) {
    return;
  }
  change(record);
  record.keys = [...record.keys, idempotencyKey].slice(-200);
  localStorage.setItem(KEY, JSON.stringify(record));
}

export const tagsAdapter: TagsAdapter = {
  load: () => read().profile,
  remove: (ids, { idempotencyKey }) =>
    once(idempotencyKey, (record) => {
      record.profile.tags = record.profile.tags.filter((tag) => !ids.includes(tag.id));
    }),
  // Undo puts back what the user just deleted.
  restore: (tags: readonly UserTag[], { idempotencyKey }) =>
    once(idempotencyKey, (record) => {
      const present = new Set(record.profile.tags.map((tag) => tag.id));
      record.profile.tags.push(...tags.filter((tag) => !present.has(tag.id)));
    }),
  notInterested: (feedback, { idempotencyKey }) =>
    once(idempotencyKey, (record) => {
      record.feedback.push(feedback);
    }),
  // Another tab changed the record: the kit reads it again.
  subscribe: (onChange) => {
    const listener = (event: StorageEvent) => {
      if (event.key === KEY) {
        onChange();
      }
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};
