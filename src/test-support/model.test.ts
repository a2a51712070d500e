import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { commandArbitraries, runSequence, type ModelRight } from './model.js';
import { complaintsModel } from '../rights/complaints/core/model-commands.js';
import { consentModel } from '../rights/consent/core/model-commands.js';
import { minorModeModel } from '../rights/minor-mode/core/model-commands.js';
import { personalizationModel } from '../rights/personalization/core/model-commands.js';
import { tagsModel } from '../rights/tags/core/model-commands.js';

/**
 * The promise, checked on random histories over every right: a user's choices (every scope on and off,
 * strategies, tag deletions, interests, undo, intensity, "not interested"; entering minor mode, leaving it
 * and loosening it with the guardian's PIN, tightening it, granting time; giving, declining and
 * withdrawing consent; submitting complaints) interleaved with backend faults (rejects, hangs, answers
 * after the timeout, writes that land and then fail, synchronous throws, a server clock ten minutes or
 * eight hours off), corrupt outbox entries, a full device, reloads and a second tab, on fake time.
 *
 * After every step: the user's latest protective choices (opt-outs, tag deletions, an enter of minor
 * mode) show in every tab that can know them, and they, every consent receipt (declines and withdrawals
 * above all) and every complaint are on the backend or in the outbox; the store's pending writes are the
 * device's; once minor mode is read, the feed never reads it off after an enter until an exit is
 * confirmed; ads read non-personalized whenever minor mode is on or still being read. Where a slice does
 * not keep one of these yet, the model says so and model-regressions.test.ts holds the shrunk history. Once the faults clear and the outbox drains: the backend holds them
 * all, each "not interested" exactly once, one ticket per complaint and per idempotency key, one receipt
 * per consent event and per idempotency key, and no key was sent with two different writes.
 *
 * Personalization is in every history: its slice is always in the store, and the feed's selector reads
 * minor mode. `npm test` runs each group from a fixed seed; `npm run fuzz` runs far more, from a new seed
 * each time (printed, to replay a failure: see ALGORIGHTS_FUZZ_PATH below).
 */
const long = process.env.ALGORIGHTS_FUZZ === 'long';
const seed = Number(process.env.ALGORIGHTS_FUZZ_SEED || (long ? crypto.getRandomValues(new Uint32Array(1))[0] : 20261130));
const seconds = Number(process.env.ALGORIGHTS_FUZZ_SECONDS || (long ? 600 : 60));
const only = process.env.ALGORIGHTS_FUZZ_GROUP;
// To replay one failure: its group, its seed, the `path` and the `replayPath` fast-check printed
// (ALGORIGHTS_FUZZ_PATH, ALGORIGHTS_FUZZ_REPLAY), with ALGORIGHTS_TRACE=1 to follow every backend call.
const path = process.env.ALGORIGHTS_FUZZ_PATH;
const replayPath = process.env.ALGORIGHTS_FUZZ_REPLAY;

/**
 * Each group's histories under `npm test`, tuned so the whole file takes about as long as the two rights
 * did alone (3,000 histories of personalization and tags), measured side by side on the same shared
 * two-core machine. A history of several rights costs more per step.
 */
const groups: { name: string; rights: readonly ModelRight[]; runs: number; share: number }[] = [
  { name: 'personalization, tags', rights: [personalizationModel, tagsModel], runs: 1000, share: 0.3 },
  { name: 'personalization, minor mode', rights: [personalizationModel, minorModeModel], runs: 500, share: 0.2 },
  { name: 'personalization, consent', rights: [personalizationModel, consentModel], runs: 300, share: 0.15 },
  { name: 'personalization, complaints', rights: [personalizationModel, complaintsModel], runs: 250, share: 0.1 },
  { name: 'every right', rights: [personalizationModel, tagsModel, minorModeModel, consentModel, complaintsModel], runs: 250, share: 0.25 },
];

const totals = { sequences: 0, steps: 0, seconds: 0, rights: new Set<string>() };

describe('no privacy-protective choice is lost', () => {
  afterAll(() => {
    if (totals.sequences > 0) {
      console.log(`model: ${totals.sequences} sequences, ${totals.steps} steps, ${totals.rights.size} rights (${[...totals.rights].join(', ')}), ${totals.seconds.toFixed(1)} s in all (seed ${seed})`);
    }
  });

  for (const group of groups.filter((candidate) => !only || candidate.name === only)) {
    const runs = Number(process.env.ALGORIGHTS_FUZZ_RUNS || (long ? 1_000_000 : group.runs));
    // `npm run fuzz` shares its time between the groups; `npm test` stops only at the run count (or a minute, as a guard).
    const timeLimit = (long && !only ? seconds * group.share : seconds) * 1000;
    test(`${group.name}: ${runs} random histories (seed ${seed})`, { timeout: timeLimit + 30_000 }, async () => {
      const started = performance.now();
      let sequences = 0;
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(commandArbitraries(group.rights), { maxCommands: 60, size: 'large', ...(replayPath ? { replayPath } : {}) }), async (commands) => {
          const result = await runSequence(group.rights, commands);
          sequences += 1;
          steps += [...commands].length;
          return result !== undefined;
        }),
        { numRuns: runs, seed, interruptAfterTimeLimit: timeLimit, markInterruptAsFailure: false, ...(path ? { path, endOnFailure: true } : {}) },
      );
      const elapsed = (performance.now() - started) / 1000;
      const covered = group.rights.map((right) => right.name).join(', ');
      console.log(`model: ${sequences} sequences, ${steps} steps, rights ${covered}, ${elapsed.toFixed(1)} s (seed ${seed})`);
      totals.sequences += sequences;
      totals.steps += steps;
      totals.seconds += elapsed;
      group.rights.forEach((right) => totals.rights.add(right.name));
      // A replay runs only the failing history and its shrinks.
      expect(sequences).toBeGreaterThanOrEqual(path ? 1 : Math.min(runs, 200));
    });
  }
});
