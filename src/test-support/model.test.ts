import fc from 'fast-check';
import { expect, test } from 'vitest';
import { commandArbitraries, runSequence } from './model.js';

/**
 * The promise, checked on random histories: a user's choices (every scope on
 * and off, strategies, deletions, interests, undo, intensity, "not
 * interested") interleaved with backend faults (rejects, hangs, answers after
 * the timeout, writes that land and then fail, synchronous throws, a server
 * clock ten minutes or eight hours off), corrupt outbox entries, reloads and a
 * second tab, on fake time. After every step: the user's latest protective
 * choices show in every tab and are on the backend or in the outbox, and the
 * store's pending writes are the device's. Once the faults clear: the backend
 * holds them all, each "not interested" exactly once, and no key was sent
 * with two different writes. `npm run fuzz` runs many more.
 */
// `npm test` runs a fixed seed; `npm run fuzz` runs far more, from a new seed each time (printed, to replay a failure).
const long = process.env.ALGORIGHTS_FUZZ === 'long';
const runs = Number(process.env.ALGORIGHTS_FUZZ_RUNS || (long ? 1_000_000 : 3000));
const seed = Number(process.env.ALGORIGHTS_FUZZ_SEED || (long ? crypto.getRandomValues(new Uint32Array(1))[0] : 20261130));
const timeLimit = Number(process.env.ALGORIGHTS_FUZZ_SECONDS || (long ? 600 : 60)) * 1000;

test(`no privacy-protective choice is lost: ${runs} random histories (seed ${seed})`, { timeout: timeLimit + 30_000 }, async () => {
  const started = performance.now();
  let sequences = 0;
  let steps = 0;
  await fc.assert(
    fc.asyncProperty(fc.commands(commandArbitraries(), { maxCommands: 60, size: 'large' }), async (commands) => {
      const result = await runSequence(commands);
      sequences += 1;
      steps += [...commands].length;
      return result !== undefined;
    }),
    { numRuns: runs, seed, interruptAfterTimeLimit: timeLimit, markInterruptAsFailure: false },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`model: ${sequences} sequences, ${steps} steps, ${seconds.toFixed(1)} s (seed ${seed})`);
  expect(sequences).toBeGreaterThanOrEqual(Math.min(runs, 200));
});
