/**
 * Runtime failures the kit reports through `onError` and slice state. Each
 * `code` has a localized message under `errors.<code>` in the locale files.
 */
export type RightsErrorCode =
  /** Stored data was not valid JSON. */
  | 'storage-corrupt'
  /** Stored data had the wrong shape. */
  | 'storage-invalid'
  /** Stored data was written by a newer version of the kit. */
  | 'storage-newer-version'
  /** The adapter failed to read. */
  | 'read-failed'
  /** The adapter failed to write, or did not answer in time. */
  | 'write-failed'
  /** The tags adapter returned data of the wrong shape. */
  | 'tags-invalid';

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
 * A programming mistake by the developer using the kit. Its message names the
 * fix; it is thrown, because no user can recover from it.
 */
export class RightsDeveloperError extends Error {
  override readonly name = 'RightsDeveloperError';
}
