import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

// Vitest runs from the repository root.
const rights = resolve('src/rights');

/** Every view of every right: its components' files, without tests and stories. */
function viewFiles(): string[] {
  return readdirSync(rights).flatMap((right) =>
    readdirSync(join(rights, right))
      .filter((name) => name.endsWith('.tsx') && !/\.(test|stories)\.tsx$/.test(name) && !name.startsWith('e2e-fixtures') && !name.startsWith('story-content'))
      .map((name) => join(rights, right, name)),
  );
}

// Minor mode's views are being moved onto their hooks in their own change; remove them from here once they are.
test('a view reaches the store only through its hook: no view imports the provider context or reads the store', () => {
  const offenders = viewFiles()
    .filter((file) => /rights-context\.js['"]|\.getState\(\)|useRightsStore\(|useRightsSlice\(|useRightsContext\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(rights, file));
  expect(offenders).toEqual([]);
});

test("a view reads the time only through its hook or useRightsClock(), never the device's clock", () => {
  const offenders = viewFiles()
    .filter((file) => /Date\.now\(|new Date\(\)|performance\.now\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(rights, file));
  expect(offenders).toEqual([]);
});
