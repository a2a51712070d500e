export type { RightsEvent } from './store/registry.js';

/**
 * The steps the write engine reports for every write of every slice, as `<slice>.<step>`:
 * - `synced`: the adapter confirmed the write;
 * - `sync-pending`: the write failed once; it protects privacy, so it is kept in the outbox and retried;
 * - `rolled-back`: the write failed; it reduced privacy, so it was undone (and the old value kept in the outbox);
 * - `replayed`: a write kept in the outbox by an earlier visit was found at start and is being sent again.
 */
export type WriteStep = 'synced' | 'sync-pending' | 'rolled-back' | 'replayed';

/** A random id, for correlation ids and idempotency keys; uses `crypto.randomUUID` where the platform has it. */
export function createCorrelationId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    bytes.forEach((_, index) => {
      bytes[index] = Math.floor(Math.random() * 256);
    });
  }
  return `ar-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
