import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/*
 * Each right's CSS styles only its own parts: a `[data-slot='…']` in `src/rights/<right>/*.css` names a slot that
 * `<right>` renders, or one the kernel renders. What several rights share is styled once in
 * src/kernel/ui/patterns.css, by `data-ar-part`. So a right's sheet never depends on another's, and none needs a
 * load order. A slot belongs to the right whose components render it; a slot built from a prefix (`${slot}-panel`)
 * belongs to the right that renders the longest slot it starts with.
 */

const rightsDirectory = resolve('src/rights');
const kernelDirectory = resolve('src/kernel');

function files(directory: string, accept: (name: string) => boolean): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(directory, entry.name), accept) : accept(entry.name) ? [join(directory, entry.name)] : [],
  );
}

const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.(test|stories)\.tsx?$/.test(name);

/** Every slot value a source file renders: `data-slot="x"`, the strings inside `data-slot={…}`, `slot="x"` props and RightsSheet's `slots={{ … }}`. */
function renderedSlots(source: string): string[] {
  const slots = [...source.matchAll(/\bdata-slot="([a-z0-9-]+)"/g)].map((match) => match[1]!);
  for (const [, expression] of source.matchAll(/\bdata-slot=\{([^}]*)\}/g)) {
    slots.push(...[...expression!.matchAll(/'([a-z0-9-]+)'/g)].map((match) => match[1]!));
  }
  slots.push(...[...source.matchAll(/\bslot="([a-z0-9-]+)"/g)].map((match) => match[1]!));
  for (const [, object] of source.matchAll(/\bslots=\{\{([^}]*)\}\}/g)) {
    slots.push(...[...object!.matchAll(/'([a-z0-9-]+)'/g)].map((match) => match[1]!));
  }
  return slots;
}

/** Who renders each slot: a right's folder name, or `kernel`. */
function slotOwners(): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const add = (slot: string, owner: string) => owners.set(slot, (owners.get(slot) ?? new Set()).add(owner));
  for (const right of readdirSync(rightsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of files(join(rightsDirectory, right.name), isSource)) {
      renderedSlots(readFileSync(file, 'utf8')).forEach((slot) => add(slot, right.name));
    }
  }
  for (const file of files(kernelDirectory, isSource)) {
    renderedSlots(readFileSync(file, 'utf8')).forEach((slot) => add(slot, 'kernel'));
  }
  return owners;
}

/** The rights a slot belongs to: who renders it, else who renders the longest slot it extends (`x-panel` from `x`). */
function ownersOf(slot: string, owners: Map<string, Set<string>>): Set<string> {
  const exact = owners.get(slot);
  if (exact) {
    return exact;
  }
  let best: string | undefined;
  for (const rendered of owners.keys()) {
    if (slot.startsWith(`${rendered}-`) && (!best || rendered.length > best.length)) {
      best = rendered;
    }
  }
  return best ? owners.get(best)! : new Set();
}

/** The slots a stylesheet names in `[data-slot='…']` selectors, comments left out. */
export function styledSlots(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...new Set([...code.matchAll(/\[data-slot=['"]([^'"]+)['"]\]/g)].map((match) => match[1]!))];
}

/** Every slot a right's CSS names that it does not own, as `file: slot (owner)`. */
export function foreignSlots(owners: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const file of files(rightsDirectory, (name) => name.endsWith('.css'))) {
    const right = relative(rightsDirectory, file).split(/[\\/]/)[0]!;
    for (const slot of styledSlots(readFileSync(file, 'utf8'))) {
      const slotOwners = ownersOf(slot, owners);
      if (!slotOwners.has(right) && !slotOwners.has('kernel')) {
        problems.push(`${relative(resolve('.'), file)}: ${slot} (${slotOwners.size ? [...slotOwners].join(', ') : 'rendered nowhere'})`);
      }
    }
  }
  return problems;
}

describe("each right's CSS styles only its own slots", () => {
  const owners = slotOwners();

  test('the slots are found where the views render them', () => {
    expect([...ownersOf('report-button-sheet', owners)]).toEqual(['complaints']);
    expect([...ownersOf('agreement-consent-panel', owners)]).toEqual(['consent']);
    expect([...ownersOf('not-interested-reasons', owners)]).toEqual(['feedback']);
    expect([...ownersOf('why-recommended-content', owners)]).toEqual(['disclosure']);
    expect([...ownersOf('recommendation-mode-picker-radio', owners)]).toEqual(['personalization']);
  });

  test("no right's CSS names another right's slot, or a slot nothing renders", () => {
    expect(foreignSlots(owners)).toEqual([]);
  });

  test("styles.css loads the kernel's sheets first, then every right's, so a right's own rule wins over a pattern", () => {
    const imports = [...readFileSync(resolve('src/styles.css'), 'utf8').matchAll(/@import '\.\/([^']+)';/g)].map((match) => match[1]!);
    expect(imports.slice(0, 3)).toEqual(['kernel/ui/tokens.css', 'kernel/ui/patterns.css', 'kernel/ui/status.css']);
    const rightsSheets = files(rightsDirectory, (name) => name.endsWith('.css')).map((file) => relative(resolve('src'), file).split('\\').join('/'));
    expect(imports.slice(3).sort()).toEqual(rightsSheets.sort());
  });

  test('the check catches a selector of another right', () => {
    const css = "[data-slot='user-tag-manager-title'] { margin: 0 }";
    const slots = styledSlots(css);
    expect(slots).toEqual(['user-tag-manager-title']);
    expect([...ownersOf(slots[0]!, owners)]).toEqual(['tags']);
  });
});
