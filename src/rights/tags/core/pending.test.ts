import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import { findFeedbackEntry, pendingRemovals, withoutIds } from './pending.js';

const entry = (overrides: Partial<OutboxEntry>): OutboxEntry => ({
  key: 'key-1',
  slice: 'tags',
  action: 'remove',
  adapter: 'tags',
  method: 'remove',
  args: [[]],
  policy: 'protective',
  target: 'tags',
  correlationId: 'correlation-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  attempts: 0,
  ...overrides,
});

describe('pendingRemovals', () => {
  it('collects the ids of every tags deletion waiting in the outbox', () => {
    const entries = [entry({ args: [['a', 'b']] }), entry({ key: 'key-2', args: [['b', 'c']] })];
    expect([...pendingRemovals(entries)].sort()).toEqual(['a', 'b', 'c']);
  });

  it("ignores other writes and other slices' entries", () => {
    const entries = [
      entry({ method: 'select', action: 'select', args: [[{ id: 'a' }]] }),
      entry({ slice: 'personalization', method: 'remove', args: [['b']] }),
    ];
    expect(pendingRemovals(entries).size).toBe(0);
  });
});

describe('findFeedbackEntry', () => {
  it("finds the entry holding an item's feedback, and nothing for another item", () => {
    const feedback = entry({ key: 'key-7', action: 'not-interested', method: 'notInterested', target: 'feedback:item-7', args: [{ itemId: 'item-7' }] });
    const entries = [entry({}), feedback];
    expect(findFeedbackEntry(entries, 'item-7')).toBe(feedback);
    expect(findFeedbackEntry(entries, 'item-8')).toBeUndefined();
  });

  it("does not take another slice's entry with the same target", () => {
    expect(findFeedbackEntry([entry({ slice: 'complaints', target: 'feedback:item-7' })], 'item-7')).toBeUndefined();
  });
});

describe('withoutIds', () => {
  it('drops a deletion whose ids are all back, and keeps the rest of one only partly back', () => {
    const back = withoutIds(new Set(['a', 'b']));
    expect(back(entry({ args: [['a', 'b']] }))).toBe('drop');
    expect(back(entry({ args: [['a', 'c']] }))).toEqual({ args: [['c']] });
    expect(back(entry({ args: [['c']] }))).toBe('keep');
  });

  it('keeps writes other than deletions', () => {
    expect(withoutIds(new Set(['a']))(entry({ method: 'select', args: [[{ id: 'a' }]] }))).toBe('keep');
  });
});
