import { expect, test } from 'vitest';
import { parseOutboxEntries } from './outbox.js';

const stored = {
  key: 'k1',
  slice: 'tags',
  action: 'not-interested',
  adapter: 'tags',
  method: 'notInterested',
  args: [{ itemId: 'item-1' }],
  policy: 'protective',
  target: 'feedback:item-1',
  correlationId: 'c1',
  createdAt: '2026-11-30T00:00:00.000Z',
  attempts: 0,
};

test('an entry stored by an earlier build, whose hold was called notBefore, is read with that hold as holdUntil', () => {
  const { entries, invalid } = parseOutboxEntries([{ ...stored, notBefore: 1_000 }]);
  expect(invalid).toEqual([]);
  expect(entries).toEqual([{ ...stored, holdUntil: 1_000 }]);
  expect(entries[0]).not.toHaveProperty('notBefore');
});

test('holdUntil and leaseUntil are read as stored, and an entry with neither gets neither', () => {
  const { entries } = parseOutboxEntries([
    { ...stored, holdUntil: 2_000, leaseUntil: 3_000 },
    { ...stored, key: 'k2' },
  ]);
  expect(entries).toEqual([
    { ...stored, holdUntil: 2_000, leaseUntil: 3_000 },
    { ...stored, key: 'k2' },
  ]);
  expect(entries[1]).not.toHaveProperty('holdUntil');
});

test('a holdUntil stored beside an old notBefore wins', () => {
  const { entries } = parseOutboxEntries([{ ...stored, holdUntil: 2_000, notBefore: 1_000 }]);
  expect(entries).toEqual([{ ...stored, holdUntil: 2_000 }]);
});
