// Writes the published strings, locales/<locale>/algorights.json, from the files that own them:
//   src/kernel/core/i18n/locales/<locale>.json   the kernel's groups (`errors`, with the kernel's own codes)
//   src/rights/<right>/locales/<locale>.json      each right's groups, and its own `errors.<code>` strings
// Run `npm run locales` after editing one of them; a unit test fails while a published file is stale.
//
// A group belongs to one file, except the kernel's groups, to which a right may add keys of its own
// (its error codes). A key two files define is an error.
//
// Keys keep the place they have in the published file, so that the file's diff shows only what changed
// and its bytes stay the same where nothing did; a new key goes after its siblings, a new group at the end.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Nested strings, as in a locale file. */
export interface Strings {
  [key: string]: string | Strings;
}

/** One file of strings for one locale. */
export interface LocaleSource {
  /** Where it is, relative to the repository root: named in errors. */
  path: string;
  strings: Strings;
}

export const KERNEL_LOCALES_DIR = 'src/kernel/core/i18n/locales';
export const RIGHTS_DIR = 'src/rights';

/** The path of a locale's published file, relative to the repository root. */
export const publishedPath = (locale: string) => `locales/${locale}/algorights.json`;

/** The shipped locales: one file each in the kernel's folder. */
export function sourceLocales(root: string): string[] {
  return readdirSync(join(root, KERNEL_LOCALES_DIR))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** The folders that hold strings: the kernel's first, then each right's that has a `locales` folder, by name. */
export function sourceDirs(root: string): string[] {
  const rights = readdirSync(join(root, RIGHTS_DIR), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, RIGHTS_DIR, entry.name, 'locales')))
    .map((entry) => `${RIGHTS_DIR}/${entry.name}/locales`)
    .sort();
  return [KERNEL_LOCALES_DIR, ...rights];
}

const isStrings = (value: unknown): value is Strings => typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(root: string, path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
}

/** Every source file of one locale, in {@link sourceDirs} order; a folder without the locale's file is an error. */
export function readSources(root: string, locale: string): LocaleSource[] {
  return sourceDirs(root).map((dir) => {
    const path = `${dir}/${locale}.json`;
    if (!existsSync(join(root, path))) {
      throw new Error(`${path} is missing: every folder of strings has a file for each locale (${sourceLocales(root).join(', ')}); zh-HK may be {}.`);
    }
    const strings = readJson(root, path);
    if (!isStrings(strings)) {
      throw new Error(`${path} must hold an object of groups.`);
    }
    return { path, strings };
  });
}

function mergeInto(target: Strings, source: Strings, path: string, keyPath: string, owners: Map<string, string>): void {
  for (const [key, value] of Object.entries(source)) {
    const at = keyPath ? `${keyPath}.${key}` : key;
    if (typeof value === 'string') {
      if (key in target) {
        throw new Error(`${at} is defined twice: in ${owners.get(at) ?? 'another file'} and in ${path}.`);
      }
      target[key] = value;
      owners.set(at, path);
    } else if (isStrings(value)) {
      const existing = target[key];
      if (typeof existing === 'string') {
        throw new Error(`${at} is a string in ${owners.get(at) ?? 'another file'} and a group in ${path}.`);
      }
      const child: Strings = existing ?? {};
      target[key] = child;
      mergeInto(child, value, path, at, owners);
    } else {
      throw new Error(`${at} in ${path} is neither a string nor a group of strings.`);
    }
  }
}

/**
 * One locale's strings from its source files. The first source (the kernel's) owns its groups jointly:
 * a later source may add keys to them. Any other group is defined by one source only.
 */
export function mergeSources(sources: readonly LocaleSource[]): Strings {
  const merged: Strings = {};
  const owners = new Map<string, string>();
  const groupOwners = new Map<string, string>();
  const [kernel] = sources;
  const shared = new Set(kernel ? Object.keys(kernel.strings) : []);
  for (const source of sources) {
    for (const group of Object.keys(source.strings)) {
      const owner = groupOwners.get(group);
      if (owner !== undefined && !shared.has(group)) {
        throw new Error(`The group "${group}" is defined in ${owner} and in ${source.path}: a group belongs to one right, and only the kernel's groups (${[...shared].join(', ')}) take keys from several.`);
      }
      groupOwners.set(group, source.path);
    }
    mergeInto(merged, source.strings, source.path, '', owners);
  }
  return merged;
}

/** `strings` with its keys in the order `previous` has them; keys `previous` lacks follow, in their own order. */
export function inPublishedOrder(strings: Strings, previous: unknown): Strings {
  const before = isStrings(previous) ? previous : {};
  const keys = [...Object.keys(before).filter((key) => key in strings), ...Object.keys(strings).filter((key) => !(key in before))];
  const ordered: Strings = {};
  for (const key of keys) {
    const value = strings[key];
    if (value !== undefined) {
      ordered[key] = typeof value === 'string' ? value : inPublishedOrder(value, before[key]);
    }
  }
  return ordered;
}

/** The text of a published file, formatted as the published files are. */
export const formatStrings = (strings: Strings) => `${JSON.stringify(strings, null, 2)}\n`;

/** Each published file's path (relative to the root) and the text it should have, from the source files. */
export function generateLocales(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const locale of sourceLocales(root)) {
    const path = publishedPath(locale);
    const previous = existsSync(join(root, path)) ? readJson(root, path) : undefined;
    files.set(path, formatStrings(inPublishedOrder(mergeSources(readSources(root, locale)), previous)));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const [path, text] of generateLocales(root)) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === text) {
      console.log(`${path}: up to date`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`${path}: written`);
    }
  }
  const unknown = readdirSync(join(root, 'locales')).filter((name) => !sourceLocales(root).includes(name));
  if (unknown.length > 0) {
    console.error(`${unknown.map((name) => relative(root, join(root, 'locales', name))).join(', ')}: no source files for this locale in ${KERNEL_LOCALES_DIR}.`);
    process.exitCode = 1;
  }
}
