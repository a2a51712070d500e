import type { AdapterName, OutboxAdapter } from '../adapters/types.js';
import type { RightsClock } from '../clock.js';
import type { RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { OutboxState, SliceWriteHandler } from './write-request.js';

/** What a store gives its write engine. */
export interface WriteEngineOptions {
  clock: RightsClock;
  outbox: OutboxAdapter;
  /** The adapter behind a name, or `undefined` while no slice that provides it is registered. */
  adapter(name: AdapterName): object | undefined;
  /** The handler of a registered slice. */
  handler(slice: string): SliceWriteHandler | undefined;
  /** The slices registered so far. */
  slices(): readonly string[];
  getState(): OutboxState;
  setState(patch: Partial<OutboxState>): void;
  emit(event: RightsEvent): void;
  reportError(error: RightsError): void;
  writeTimeoutMs: number;
  loadTimeoutMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}
