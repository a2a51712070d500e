import type { RegisteredErrorCode } from './store/registry.js';

/** The kernel's own runtime failures: storage, reads, writes and the outbox. */
export type KernelErrorCode =
  /** Stored data was not valid JSON. */
  | 'storage-corrupt'
  /** Stored data had the wrong shape. */
  | 'storage-invalid'
  /** Stored data was written by a newer version of the kit. */
  | 'storage-newer-version'
  /** The browser's storage cannot be used at all (private modes, some in-app WebViews). */
  | 'storage-unavailable'
  /** The adapter failed to read, or did not answer in time. */
  | 'read-failed'
  /** The adapter failed to write, or did not answer in time. */
  | 'write-failed'
  /** A choice could not be kept on this device (storage full or unavailable): it is held in memory and retried. */
  | 'device-write-failed'
  /** Choices kept on this device could not be read; one of them may have been a privacy-protective choice. */
  | 'outbox-unreadable';

/**
 * Runtime failures the kit reports through `onError` and slice state: the kernel's codes and those each
 * right registers. Each `code` has a localized message under `errors.<code>` in the locale files.
 */
export type RightsErrorCode = KernelErrorCode | RegisteredErrorCode;

/** A typed runtime failure. It never reaches the user as an exception. */
export class RightsError extends Error {
  override readonly name = 'RightsError';
  readonly code: RightsErrorCode;
  override readonly cause: unknown;

  constructor(code: RightsErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.code = code;
    this.cause = options.cause;
  }
}

/**
 * What a slice's last failure was: its code, and the user action it concerns
 * (`'load'`, `'personalize'`, `'select'`, …), so a view can say exactly what did
 * not happen. Views look up `<component>.failed.<action>`, then `errors.<code>`.
 */
export interface RightsFailure<Action extends string = string> {
  code: RightsErrorCode;
  action: Action;
}

/**
 * A programming mistake by the developer using the kit. Its message names the
 * fix; it is thrown, because no user can recover from it.
 */
export class RightsDeveloperError extends Error {
  override readonly name = 'RightsDeveloperError';
}

/** The code of what an adapter threw: a {@link RightsError}'s own, or `fallback`. */
export function toRightsError(error: unknown, fallback: RightsErrorCode, message: string): RightsError {
  return error instanceof RightsError ? error : new RightsError(fallback, message, { cause: error });
}
