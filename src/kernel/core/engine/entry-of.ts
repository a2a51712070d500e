import type { RightsClock } from '../clock.js';
import { createCorrelationId } from '../events.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { WriteRequestOf } from './write-request.js';

/** The outbox entry of a protective or submit-once write: what the device keeps until the adapter confirms. */
export function entryOf(clock: RightsClock, request: WriteRequestOf<string>, policy: OutboxEntry['policy']): OutboxEntry {
  return {
    key: request.outboxKey ?? createCorrelationId(),
    slice: request.slice,
    action: request.action,
    adapter: request.adapter,
    method: request.method,
    args: request.args,
    policy,
    target: request.target,
    correlationId: request.correlationId ?? createCorrelationId(),
    createdAt: new Date(clock.now()).toISOString(),
    attempts: 0,
    ...(request.details ? { details: request.details as Record<string, unknown> } : {}),
    ...(request.compensates ? { compensates: request.compensates } : {}),
    ...(request.holdMs ? { holdUntil: clock.now() + request.holdMs } : {}),
  };
}
