import { RightsError, toRightsError } from '../errors.js';
import { createCorrelationId } from '../events.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { CallPath } from './call-path.js';
import type { DeviceOutbox } from './device-outbox.js';
import type { WriteEngineOptions } from './engine-options.js';
import type { EntryPhases } from './entry-phases.js';
import type { EngineLifecycle } from './lifecycle.js';
import type { SliceQueue } from './slice-queue.js';
import type { EmitStep } from './step-events.js';
import type { WriteRequestOf } from './write-request.js';

type AnyWriteRequest = WriteRequestOf<string>;

/** A reducing write not yet settled, so that a later protective choice of the same target can overtake it. */
interface ReducingJob {
  request: AnyWriteRequest;
  /** Keys pending when the user made the choice: only these can be made obsolete by it. */
  earlier: ReadonlySet<string>;
  started: boolean;
  cancelled: boolean;
  /** Given up on because a later choice replaced it while it was out. */
  overtaken: boolean;
  controller: AbortController;
  /** Later choices held until this write settles, with their device copies. */
  holds: { key: string; slice: string; stored: Promise<unknown> }[];
}

export interface SupersessionParts {
  options: WriteEngineOptions;
  phases: EntryPhases;
  device: DeviceOutbox;
  calls: CallPath;
  lifecycle: EngineLifecycle;
  queue: SliceQueue;
  emitStep: EmitStep;
  /** Sends a slice's outbox. */
  flush(slice: string): Promise<void>;
  /** Keeps the protective write that puts a rolled-back value back. */
  compensate(request: AnyWriteRequest): Promise<void>;
}

/**
 * Which writes make which obsolete. A protective choice overtakes an unsettled reducing write of the same
 * target: one not yet sent is dropped; one already out is given up on (aborted), and the protective
 * choice is `held` here, with a `leaseUntil` that keeps other tabs off it, until the reducing write has
 * settled, so that a late answer can never land after it. A reducing write that the adapter confirmed
 * drops or rewrites the earlier entries its request supersedes; one that failed is rolled back exactly,
 * and its rollback's compensating write is kept as protective.
 */
export function createSupersession(parts: SupersessionParts) {
  const { options, phases, device, calls, lifecycle, queue, emitStep } = parts;
  const { clock } = options;
  const reducing = new Set<ReducingJob>();

  const leaseUntil = () => clock.now() + options.writeTimeoutMs + 1000;

  /** Cancels the reducing writes `entry` makes obsolete that are not out yet, and gives up on those that are; returns the latter. */
  const overtaken = (entry: OutboxEntry): ReducingJob[] => {
    if (entry.compensates !== undefined) {
      return [];
    }
    const out: ReducingJob[] = [];
    for (const job of reducing) {
      const { request } = job;
      if (job.cancelled || job.earlier.has(entry.key) || request.slice !== entry.slice || (request.supersede?.(entry) ?? 'keep') === 'keep') {
        continue;
      }
      if (!job.started) {
        job.cancelled = true;
        continue;
      }
      out.push(job);
    }
    return out;
  };

  const holdBehind = (jobs: readonly ReducingJob[], hold: { key: string; slice: string; stored: Promise<unknown> }) => {
    for (const job of jobs) {
      job.holds.push(hold);
      job.overtaken = true;
      job.controller.abort(new RightsError('write-failed', 'A later choice of the same target replaced this write.'));
    }
  };

  // Once no unsettled write holds it, a held entry is leased to this engine and sent, after its device copy.
  const release = (job: ReducingJob) => {
    for (const hold of job.holds) {
      if ([...reducing].some((other) => other.holds.some((candidate) => candidate.key === hold.key))) {
        continue;
      }
      void hold.stored.then(() => {
        phases.move(hold.key, 'leased', 'held');
        return parts.flush(hold.slice);
      });
    }
  };

  /** Applies what a confirmed write makes obsolete: entries made before it are dropped or rewritten with a new key; later ones stand. */
  const supersedeConfirmed = async (request: AnyWriteRequest, earlier: ReadonlySet<string>) => {
    if (!request.supersede) {
      return;
    }
    const dropped: string[] = [];
    const rewritten: OutboxEntry[] = [];
    for (const entry of options.getState().entries) {
      if (!earlier.has(entry.key) || entry.slice !== request.slice) {
        continue;
      }
      const verdict = request.supersede(entry);
      if (verdict === 'keep') {
        continue;
      }
      dropped.push(entry.key);
      if (verdict !== 'drop') {
        rewritten.push({ ...entry, args: verdict.args, key: createCorrelationId(), attempts: 0 });
      }
    }
    // The device first: if it cannot take the change, the earlier entries stay, in the store too.
    if (dropped.length > 0 && (await device.persist(rewritten, dropped, false))) {
      const gone = new Set(dropped);
      gone.forEach((key) => phases.forget(key));
      options.setState({ entries: [...options.getState().entries.filter((entry) => !gone.has(entry.key)), ...rewritten] });
    }
  };

  return {
    /**
     * A new protective entry of this engine overtakes what it makes obsolete. Returns the entry as it is
     * to be kept (with a lease when it must wait), and `hold` to call with its device copy.
     */
    overtakeWith(entry: OutboxEntry): { entry: OutboxEntry; hold(stored: Promise<unknown>): void } | null {
      const jobs = overtaken(entry);
      if (jobs.length === 0) {
        return null;
      }
      return { entry: { ...entry, leaseUntil: leaseUntil() }, hold: (stored) => holdBehind(jobs, { key: entry.key, slice: entry.slice, stored }) };
    },

    /** Entries another tab made overtake this engine's reducing writes too: a leased copy of each waits here until they settle. */
    overtakeFromElsewhere(entries: readonly OutboxEntry[]) {
      for (const entry of entries) {
        const jobs = overtaken(entry);
        if (jobs.length === 0) {
          continue;
        }
        const copy: OutboxEntry = { ...entry, key: createCorrelationId(), attempts: 0, leaseUntil: leaseUntil() };
        phases.begin(copy.key, 'held');
        options.setState({ entries: [...options.getState().entries, copy] });
        holdBehind(jobs, { key: copy.key, slice: copy.slice, stored: device.persist([copy], []) });
      }
    },

    /** Carries out a reducing write: sent once, in its slice's order; confirmed, or rolled back and compensated. */
    reduce(request: AnyWriteRequest, makeEntry: (request: AnyWriteRequest) => OutboxEntry): Promise<void> {
      // Only what was pending when the user made this choice can be made obsolete by it.
      const job: ReducingJob = {
        request,
        earlier: new Set(options.getState().entries.map((entry) => entry.key)),
        started: false,
        cancelled: false,
        overtaken: false,
        controller: new AbortController(),
        holds: [],
      };
      reducing.add(job);
      const settle = () => {
        reducing.delete(job);
        release(job);
      };
      return queue.enqueue(request.slice, async () => {
        job.started = true;
        if (job.cancelled) {
          // A later protective choice of the same target came first: this write is moot.
          settle();
          return;
        }
        const entry = makeEntry(request);
        const sent = lifecycle.closed ? null : calls.send(entry, job.controller);
        const outcome =
          sent === null
            ? ({ ok: false, error: new RightsError('write-failed', lifecycle.closed ? 'The provider unmounted before this write was sent.' : `No ${request.adapter} adapter.`) } as const)
            : await sent;
        if (outcome.ok) {
          emitStep(request.slice, 'synced', entry);
          options.handler(request.slice)?.confirmed?.([{ entry, result: outcome.value }]);
          await supersedeConfirmed(request, job.earlier);
          settle();
          return;
        }
        if (lifecycle.closed || job.overtaken) {
          // The page is gone, or a later choice of the user replaced this one: there is nothing to roll back.
          settle();
          return;
        }
        const error = toRightsError(outcome.error, 'write-failed', `The ${request.adapter} adapter failed to ${request.method}.`);
        options.reportError(error);
        const compensation = request.rollback?.(error) ?? null;
        options.handler(request.slice)?.setFailure({ code: error.code, action: request.action });
        emitStep(request.slice, 'rolled-back', entry, error.code);
        if (compensation) {
          // Not awaited: it joins the queue behind this task.
          void parts.compensate({ ...compensation, correlationId: entry.correlationId, compensates: entry.correlationId });
        }
        settle();
      });
    },
  };
}
