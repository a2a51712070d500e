import type { RightsErrorCode } from '../errors.js';
import type { RightsEvent, WriteStep } from '../events.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { WriteEngineOptions } from './engine-options.js';

/** Emits one step of a write as `<slice>.<step>`, with the details its request carried (typed there, by `WriteRequest`). */
export type EmitStep = (slice: string, step: WriteStep, entry: Pick<OutboxEntry, 'details' | 'correlationId'>, errorCode?: RightsErrorCode) => void;

export function createStepEmitter(options: WriteEngineOptions): EmitStep {
  return (slice, step, entry, errorCode) => {
    const event = {
      ...entry.details,
      type: `${slice}.${step}`,
      timestamp: new Date(options.clock.now()).toISOString(),
      correlationId: entry.correlationId,
      ...(errorCode ? { errorCode } : {}),
    };
    // The details were checked against the slice's event type when the request was made (see `WriteDetails`);
    // an entry read back from the device is JSON again, checked by its slice's `validate`.
    options.emit(event as RightsEvent);
  };
}
