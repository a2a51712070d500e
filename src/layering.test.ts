import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

// Vitest runs from the repository root.
const coreDirs = [resolve('src/kernel/core'), ...readdirSync(resolve('src/rights')).map((right) => resolve('src/rights', right, 'core')).filter((dir) => existsSync(dir))];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

test('kernel/core and every rights/*/core import no React, so the store and adapters run anywhere', () => {
  const offenders = coreDirs.flatMap(sourceFiles).filter((file) =>
    /from\s+['"](react|react-dom|zustand)(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8').replace(/zustand\/vanilla/g, '')),
  );
  expect(offenders).toEqual([]);
});

test('kernel/core and every rights/*/core read time only through the clock: no raw timers or Date.now outside clock.ts', () => {
  const offenders = coreDirs.flatMap(sourceFiles).filter(
    (file) => !file.endsWith('clock.ts') && /\b(setTimeout|setInterval|clearTimeout)\(|Date\.now\(|new Date\(\)/.test(readFileSync(file, 'utf8').replace(/clock\.(setTimeout|clearTimeout)\(/g, '')),
  );
  expect(offenders).toEqual([]);
});

/** Every relative import of a file (values, types and inline `import()` types), as absolute paths without extension. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
  return specifiers.map((specifier) => resolve(file, '..', specifier).replace(/\.(js|tsx?|jsx)$/, ''));
}

const srcDir = resolve('src');
const allFiles = sourceFiles(srcDir);
const withoutExtension = (file: string) => file.replace(/\.tsx?$/, '');
const known = new Set(allFiles.map(withoutExtension));
const graph = new Map(allFiles.map((file) => [withoutExtension(file), relativeImports(file).filter((target) => known.has(target))]));
const relative = (file: string) => file.slice(srcDir.length + 1);

/**
 * Which right a module belongs to, and whether another right may import it: a module of its `core/`, or its
 * `index.ts` (the right's public face, which the package root re-exports).
 */
function rightOf(module: string): { right: string; public: boolean } | null {
  const match = /^rights\/([^/]+)\/(core\/|index$)?/.exec(relative(module));
  return match?.[1] ? { right: match[1], public: match[2] !== undefined } : null;
}

/**
 * Edges that still break a rule, each owned by work under way elsewhere: the test fails when one is gone
 * (remove it here) as much as when a new one appears.
 */
const PENDING: readonly string[] = [
];

/**
 * The one way a right may read another: through its `core/` or its `index.ts`, along these edges, each
 * with the reason the right composes the other. The rights' graph they draw has no cycle (tested below).
 */
const NAMED_EDGES: ReadonlyMap<string, string> = new Map([
  ['personalization → minor-mode', 'the ads switch locks, and the feed gets minor mode’s content pool, while minor mode is on or still being read (MIN 24 ¶3)'],
  ['consent → minor-mode', 'allowed, not used yet: a user under 14 consents through a guardian (PIPL 31)'],
  ['complaints → minor-mode', 'allowed, not used yet: a complaint says whether a minor’s guardian files it'],
  [
    'disclosure → personalization',
    'the disclosure offers the opt-out where it explains the algorithm (ALG 17), so it embeds PersonalizationSwitch through personalization’s index.ts; WhyRecommended says what the feed gets through selectRecommendationMode',
  ],
  ['feedback → tags', '“not interested” is negative feedback on tags: it is written through the tags slice and its adapter’s notInterested'],
  ['tags → personalization', 'after an opt-out the user is offered to delete the tags the platform still holds: the offer follows the displayed mode'],
]);

function layeringViolations(): string[] {
  const violations: string[] = [];
  for (const [from, targets] of graph) {
    const fromName = relative(from);
    const fromRight = rightOf(from);
    for (const target of targets) {
      const toName = relative(target);
      const toRight = rightOf(target);
      const edge = `${fromName} → ${toName}`;
      if (fromName.startsWith('kernel/') && toRight) {
        violations.push(edge);
      } else if (fromRight && toRight && fromRight.right !== toRight.right && (!toRight.public || !NAMED_EDGES.has(`${fromRight.right} → ${toRight.right}`))) {
        violations.push(edge);
      }
    }
  }
  return violations.sort();
}

test('the kernel imports no right, and a right reads another only through its core/ or index.ts, along the named edges', () => {
  expect(layeringViolations()).toEqual([...PENDING].sort());
});

/**
 * The rights' graph: `a → b` when a module of right `a` imports one of right `b`. The pending edges are left
 * out: minor mode's pending edge to personalization closes a cycle, which goes with it.
 */
function rightsGraph(): Map<string, Set<string>> {
  const pending = new Set(PENDING);
  const rights = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const fromRight = rightOf(from)?.right;
    for (const target of targets) {
      const toRight = rightOf(target)?.right;
      if (fromRight && toRight && fromRight !== toRight && !pending.has(`${relative(from)} → ${relative(target)}`)) {
        rights.set(fromRight, (rights.get(fromRight) ?? new Set()).add(toRight));
      }
    }
  }
  return rights;
}

/** Every cycle of a graph of names, each as `a → b → a`. */
function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const target of edges.get(node) ?? []) {
      if (state.get(target) === 'open') {
        cycles.push([...path.slice(path.indexOf(target)), target].join(' → '));
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) {
    if (!state.has(node)) {
      visit(node);
    }
  }
  return cycles;
}

test('no cycle among the rights: a right that another reads never reads it back, through any chain of rights', () => {
  expect(cyclesOf(rightsGraph())).toEqual([]);
  // The named edges alone, as the rule a new import is checked against.
  const named = new Map<string, Set<string>>();
  for (const edge of NAMED_EDGES.keys()) {
    const [from = '', to = ''] = edge.split(' → ');
    named.set(from, (named.get(from) ?? new Set()).add(to));
  }
  expect(cyclesOf(named)).toEqual([]);
});

test('the cycle check finds a cycle among rights when there is one', () => {
  const withBackEdge = new Map([
    ['personalization', new Set(['minor-mode'])],
    ['minor-mode', new Set(['personalization'])],
    ['disclosure', new Set(['personalization'])],
  ]);
  expect(cyclesOf(withBackEdge)).toEqual(['personalization → minor-mode → personalization']);
});

test('no import cycles among the source files (types included)', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string) => {
    state.set(module, 'open');
    path.push(module);
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === 'open') {
        cycles.push([...path.slice(path.indexOf(target)), target].map(relative).join(' → '));
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of graph.keys()) {
    if (!state.has(module)) {
      visit(module);
    }
  }
  expect(cycles).toEqual([]);
});
