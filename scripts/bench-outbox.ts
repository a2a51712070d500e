// Measures how long a store takes to replay what a failing backend left in the outbox: N "not interested"
// entries in localStorage (a Map standing in for it, so that JSON is parsed and written as in a browser),
// sent to an adapter that answers at once. Prints the time, the time per entry, and how many times the
// device copy was rewritten. Run after `npm run build`: `npm run bench:outbox`.
import { performance } from 'node:perf_hooks';
import { createLocalStorageOutboxAdapter, createRightsStore } from '../dist/store.js';
import { createMemoryTagsAdapter } from '../dist/rights/tags/core/adapters.js';
import { tagsSlice } from '../dist/rights/tags/core/slice.js';

function storage() {
  const data = new Map<string, string>();
  let writes = 0;
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes += 1;
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
    get writes() {
      return writes;
    },
  };
}

function pending(count: number) {
  return JSON.stringify({
    version: 1,
    entries: Array.from({ length: count }, (_, index) => ({
      key: `key-${index}`,
      slice: 'tags',
      action: 'not-interested',
      adapter: 'tags',
      method: 'notInterested',
      args: [{ itemId: `item-${index}`, reasonId: 'repetitive' }],
      policy: 'protective',
      target: `feedback:item-${index}`,
      correlationId: `correlation-${index}`,
      createdAt: '2026-11-30T00:00:00.000Z',
      attempts: 1,
    })),
  });
}

async function replay(count: number) {
  const device = storage();
  device.setItem('algorights:outbox', pending(count));
  const before = device.writes;
  const tags = createMemoryTagsAdapter();
  const started = performance.now();
  const store = createRightsStore({ adapters: { tags, outbox: createLocalStorageOutboxAdapter({ storage: device }) }, slices: [tagsSlice] });
  const stop = store.connect();
  while (store.getState().outbox.entries.length > 0 || store.getState().outbox.load !== 'ready') {
    await new Promise((resolve) => setImmediate(resolve));
  }
  const milliseconds = performance.now() - started;
  stop();
  return { milliseconds, rewrites: device.writes - before };
}

console.log('replaying N pending "not interested" entries from localStorage, adapter answering at once');
const results: Record<number, number> = {};
for (const count of [100, 1_000, 10_000]) {
  const runs = [];
  for (let run = 0; run < 5; run += 1) {
    runs.push(await replay(count));
  }
  runs.sort((first, second) => first.milliseconds - second.milliseconds);
  const median = runs[2] ?? runs[0];
  results[count] = median?.milliseconds ?? 0;
  console.log(
    `  ${String(count).padStart(6)} entries: ${median?.milliseconds.toFixed(1)} ms (median of 5), ` +
      `${((median?.milliseconds ?? 0) / count * 1000).toFixed(1)} µs per entry, device copy rewritten ${median?.rewrites} times`,
  );
}
console.log(`  10,000 / 1,000 time ratio: ${((results[10_000] ?? 0) / (results[1_000] ?? 1)).toFixed(1)} (10 is linear; 0.1 took 216 times longer, 0.6 s → 130 s)`);
