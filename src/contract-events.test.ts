import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

// Vitest runs from the repository root.
const contract = readFileSync(resolve('stories/component-contract.mdx'), 'utf8');
const eventsSection = contract.slice(contract.indexOf('## Events'), contract.indexOf('\n## ', contract.indexOf('## Events') + 1));

/** Every `<slice>.<what>` literal of the event types each right declares in its `core/events.ts`. */
function declaredEventTypes(): string[] {
  const rights = resolve('src/rights');
  return readdirSync(rights)
    .map((right) => join(rights, right, 'core', 'events.ts'))
    .filter((file) => existsSync(file))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]+\.[a-z-]+)'/g)].map((match) => match[1] ?? ''))
    .sort();
}

test('the component contract page lists every event a right declares, so a platform can write its audit log from it', () => {
  const declared = declaredEventTypes();
  // Five rights emit events today; a right that declares none is not counted.
  expect(declared.length).toBeGreaterThanOrEqual(26);
  const missing = declared.filter((type) => !eventsSection.includes(`<code>${type}</code>`));
  expect(missing).toEqual([]);
});

test('the contract page lists no event a right does not declare, and every step the engine reports', () => {
  const declared = new Set(declaredEventTypes());
  const listed = [...eventsSection.matchAll(/<code>([a-zA-Z]+\.[a-z-]+)<\/code>/g)].map((match) => match[1] ?? '');
  expect(listed.filter((type) => !declared.has(type))).toEqual([]);
  const steps = readFileSync(resolve('src/kernel/core/events.ts'), 'utf8').match(/export type WriteStep = ([^;]+);/)?.[1] ?? '';
  const stepNames = [...steps.matchAll(/'([a-z-]+)'/g)].map((match) => match[1] ?? '');
  expect(stepNames.length).toBe(4);
  for (const step of stepNames) {
    expect(eventsSection).toContain(`\`<slice>.${step}\``);
  }
});
