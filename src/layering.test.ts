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

/** Which right a module belongs to, and whether it sits in that right's `core/`. */
function rightOf(module: string): { right: string; core: boolean } | null {
  const match = /^rights\/([^/]+)\/(core\/)?/.exec(relative(module));
  return match?.[1] ? { right: match[1], core: match[2] !== undefined } : null;
}

/**
 * Edges that still break a rule, each owned by work under way elsewhere: the test fails when one is gone
 * (remove it here) as much as when a new one appears.
 */
const PENDING: readonly string[] = [
  // Schema helpers shared through personalization rather than the kernel.
  'rights/complaints/core/model → rights/personalization/core/schema',
  'rights/consent/core/model → rights/personalization/core/schema',
  'rights/minor-mode/core/model → rights/personalization/core/schema',
  // Views and hooks that read another right past its core/, or another right at all.
  'rights/disclosure/algorithm-disclosure → rights/personalization/personalization-switch',
  'rights/disclosure/use-why-recommended → rights/personalization/core/selectors',
  'rights/feedback/not-interested-button → rights/tags/core/model',
  'rights/feedback/use-not-interested-button → rights/tags/core/model',
  'rights/feedback/use-not-interested-button → rights/tags/core/slice',
  'rights/minor-mode/use-minor-mode → rights/personalization/core/selectors',
  'rights/personalization/personalization-switch → rights/minor-mode/messages',
  'rights/tags/use-tag-deletion-offer → rights/personalization/core/model',
];

/** The one way a right may read another: through its `core/`, along these edges. */
const NAMED_EDGES = new Set(['personalization → minor-mode', 'consent → minor-mode', 'complaints → minor-mode']);

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
      } else if (fromRight && toRight && fromRight.right !== toRight.right && (!toRight.core || !NAMED_EDGES.has(`${fromRight.right} → ${toRight.right}`))) {
        violations.push(edge);
      }
    }
  }
  return violations.sort();
}

test('the kernel imports no right, and a right reads another only through its core/, along the named edges', () => {
  expect(layeringViolations()).toEqual([...PENDING].sort());
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
