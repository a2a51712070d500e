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
