import * as v from 'valibot';
import { RightsError } from '../../../kernel/core/errors.js';

/**
 * PBKDF2 iterations for the guardian PIN by default: the count recommended for PBKDF2-HMAC-SHA-256 in
 * 2023 guidance on password storage. A PIN has few digits, so the cost of each guess is what protects it,
 * with the lockout after five wrong tries.
 */
export const DEFAULT_PIN_ITERATIONS = 600_000;

/** A guardian PIN: 4 to 6 digits. */
export const PIN_PATTERN = /^\d{4,6}$/;

/** Whether `pin` has the form of a guardian PIN (4 to 6 digits). */
export function isPinFormat(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** A PIN as stored: its salted PBKDF2-SHA-256 hash, never the PIN. */
export interface HashedPin {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** 16 random bytes, base64. */
  salt: string;
  /** 32 bytes, base64. */
  hash: string;
}

const hashedPinSchema = v.object({
  algorithm: v.literal('PBKDF2-SHA-256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
  salt: v.pipe(v.string(), v.minLength(16)),
  hash: v.pipe(v.string(), v.minLength(32)),
});

/** Validates a stored hash; throws `storage-invalid`. */
export function parseHashedPin(data: unknown): HashedPin {
  const result = v.safeParse(hashedPinSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', 'The stored guardian PIN is not a valid hash.');
  }
  return result.output;
}

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle) {
    // Web Crypto exists in every browser on a secure origin and in Node 20+; without it no PIN can be kept safely.
    throw new RightsError('storage-unavailable', 'Web Crypto (crypto.subtle) is not available, so the guardian PIN cannot be hashed.');
  }
  return crypto.subtle;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (character) => character.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const crypto = subtle();
  const key = await crypto.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Hashes a PIN with a new random salt through Web Crypto (PBKDF2-SHA-256). */
export async function hashPin(pin: string, iterations: number = DEFAULT_PIN_ITERATIONS): Promise<HashedPin> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Whether `pin` matches a stored hash; compares every byte, whatever differs first. */
export async function verifyPin(pin: string, stored: HashedPin): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  let difference = expected.length ^ actual.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= (expected[index] ?? 0) ^ (actual[index] ?? 0);
  }
  return difference === 0;
}
