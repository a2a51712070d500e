import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatStrings, generateLocales, inPublishedOrder, mergeSources, readSources, sourceDirs } from '../../../../scripts/locales.js';

// Vitest runs from the repository root.
const localesDir = resolve('locales');
const locales = readdirSync(localesDir);

function load(locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(localesDir, locale, 'algorights.json'), 'utf8')) as Record<string, unknown>;
}

// i18next plural suffixes differ by language (zh has only _other); compare base keys.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') {
      entries.set(path.replace(pluralSuffix, ''), child);
    } else {
      for (const [childKey, text] of flatten(child, path)) {
        entries.set(childKey, text);
      }
    }
  }
  return entries;
}

// `{{count, number}}` formats through Intl; the name before the comma must match across locales, and so must the format.
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g)].map((match) => `${match[1]}:${match[2] ?? ''}`).sort();

describe('locale files', () => {
  test('ship zh-CN, zh-TW, zh-HK and en', () => {
    expect(locales.sort()).toEqual(['en', 'zh-CN', 'zh-HK', 'zh-TW']);
  });

  const source = flatten(load('zh-CN'));
  test.each(locales.filter((locale) => locale !== 'zh-CN' && locale !== 'zh-HK'))('%s has exactly the keys of zh-CN, none empty', (locale) => {
    const strings = flatten(load(locale));
    expect([...strings.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [key, text] of strings) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
    }
  });

  test('zh-CN uses the statutory terms', () => {
    const all = [...source.values()].join('\n');
    expect(all).toContain('个性化推荐');
    expect(all).toContain('不针对你个人特征');
  });

  test('zh-TW and zh-HK are written in Traditional characters', () => {
    for (const locale of ['zh-TW', 'zh-HK']) {
      const all = [...flatten(load(locale)).values()].join('');
      // Simplified forms that must not appear in Traditional text.
      for (const simplified of ['个', '推荐', '设置', '内容', '关闭', '时', '删除', '标签', '网络', '备案']) {
        expect(all, `${locale}: ${simplified}`).not.toContain(simplified);
      }
    }
  });

  test('zh-TW uses Taiwan usage; statutory names and filing numbers stay terms of art', () => {
    const all = [...flatten(load('zh-TW')).values()].join('\n');
    for (const [mainland, taiwan] of [['個性化', '個人化'], ['推送', '推播'], ['識別', '辨識'], ['可選', '非必填'], ['提交', '送出']]) {
      expect(all, mainland).not.toContain(mainland);
      expect(all, taiwan).toContain(taiwan);
    }
    expect(all).toContain('備案編號');
  });

  // zh-HK is stored as overrides of zh-TW, and read through the fallback zh-HK → zh-TW → zh-CN.
  const hongKong = flatten(load('zh-HK'));
  const taiwan = flatten(load('zh-TW'));
  test('zh-HK holds only overrides: keys of zh-CN, none empty, each different from zh-TW, with the same placeholders', () => {
    expect(hongKong.size).toBeGreaterThan(0);
    for (const [key, text] of hongKong) {
      expect(source.has(key), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toBe(taiwan.get(key));
      expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
    }
  });

  test('zh-HK has every key through its fallback, in Hong Kong usage', () => {
    const resolved = new Map([...taiwan, ...hongKong]);
    expect([...resolved.keys()].sort()).toEqual([...source.keys()].sort());
    const all = [...resolved.values()].join('\n');
    for (const [taiwanese, hongKongese] of [['演算法', '算法'], ['使用者', '用戶'], ['推播', '推送'], ['隱私', '私隱'], ['網路', '網絡'], ['人工智慧', '人工智能']]) {
      expect(all, taiwanese).not.toContain(taiwanese);
      expect(all, hongKongese).toContain(hongKongese);
    }
    // Personalization is 個人化 in Hong Kong too.
    expect(all).toContain('個人化推薦');
  });

  test('a pending sync says it applied on this device, never "immediately"; a deletion never calls one tag 它们', () => {
    for (const locale of locales) {
      const strings = flatten(load(locale));
      for (const [key, text] of strings) {
        if (/syncPending|pending$|removedPending/.test(key)) {
          expect(text, `${locale} ${key}`).not.toMatch(/立即|immediately/);
        }
        if (/removed/.test(key)) {
          expect(text, `${locale} ${key}`).not.toMatch(/它们|它們/);
        }
      }
    }
    expect(source.get('personalizationSwitch.syncPending')).toContain('已在本机生效');
  });
});

// The published files are generated (npm run locales) from the kernel's and each right's own files.
const root = resolve('.');

describe.each(sourceDirs(root))('the strings in %s', (dir) => {
  const loadSource = (locale: string) => flatten(JSON.parse(readFileSync(join(root, dir, `${locale}.json`), 'utf8')));

  test('have a file for each shipped locale', () => {
    expect(readdirSync(join(root, dir)).filter((name) => name.endsWith('.json')).sort()).toEqual(locales.map((locale) => `${locale}.json`).sort());
  });

  const own = loadSource('zh-CN');
  test.each(['zh-TW', 'en'])('%s has exactly the keys of this folder’s zh-CN, none empty, with the same placeholders', (locale) => {
    const strings = loadSource(locale);
    expect([...strings.keys()].sort()).toEqual([...own.keys()].sort());
    for (const [key, text] of strings) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(own.get(key) ?? ''));
    }
  });

  test('zh-HK holds only overrides of this folder’s keys, each different from its zh-TW', () => {
    const overrides = loadSource('zh-HK');
    const traditional = loadSource('zh-TW');
    for (const [key, text] of overrides) {
      expect(own.has(key), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toBe(traditional.get(key));
    }
  });
});

describe('the published files', () => {
  test.each([...generateLocales(root)])('%s is what `npm run locales` makes of the kernel’s and the rights’ files', (path, text) => {
    const published = readFileSync(join(root, path), 'utf8');
    const generatedLines = text.split('\n');
    const firstDifference = published.split('\n').findIndex((line, index) => line !== generatedLines[index]) + 1;
    expect(published, `${path} is stale from line ${firstDifference}: run npm run locales`).toBe(text);
  });

  test('a string changed in a right’s file makes the published file stale', () => {
    const sources = readSources(root, 'en');
    const tags = sources.find((source) => source.path === 'src/rights/tags/locales/en.json');
    expect(tags).toBeDefined();
    const edited = sources.map((source) => (source === tags ? { ...source, strings: { ...source.strings, userTagManager: { ...(source.strings.userTagManager as object), title: 'Your tags' } } } : source));
    const published = readFileSync(join(root, 'locales/en/algorights.json'), 'utf8');
    expect(formatStrings(inPublishedOrder(mergeSources(sources), JSON.parse(published)))).toBe(published);
    expect(formatStrings(inPublishedOrder(mergeSources(edited), JSON.parse(published)))).not.toBe(published);
  });

  test('a right’s error codes join the kernel’s `errors` group; a key two files define is an error', () => {
    const kernel = { path: 'kernel.json', strings: { errors: { 'read-failed': 'Could not read.' } } };
    const tags = { path: 'tags.json', strings: { userTagManager: { title: 'Tags' }, errors: { 'tags-invalid': 'Bad tags.' } } };
    expect(mergeSources([kernel, tags])).toEqual({ errors: { 'read-failed': 'Could not read.', 'tags-invalid': 'Bad tags.' }, userTagManager: { title: 'Tags' } });
    const clash = { path: 'consent.json', strings: { errors: { 'tags-invalid': 'Other words.' } } };
    expect(() => mergeSources([kernel, tags, clash])).toThrow('errors.tags-invalid is defined twice: in tags.json and in consent.json.');
  });

  test('a group belongs to one right: another right cannot add to it', () => {
    const kernel = { path: 'kernel.json', strings: { errors: {} } };
    const tags = { path: 'tags.json', strings: { userTagManager: { title: 'Tags' } } };
    const feedback = { path: 'feedback.json', strings: { userTagManager: { subtitle: 'More' } } };
    expect(() => mergeSources([kernel, tags, feedback])).toThrow('The group "userTagManager" is defined in tags.json and in feedback.json');
  });

  test('keys keep the place they have in the published file; new keys follow their siblings', () => {
    const merged = { errors: { 'read-failed': 'a', 'tags-invalid': 'b', 'write-failed': 'c', 'consent-invalid': 'd' }, consent: { title: 'e' } };
    const previous = { consent: { title: 'old' }, errors: { 'tags-invalid': 'x', 'read-failed': 'y' } };
    const ordered = inPublishedOrder(merged, previous);
    expect(Object.keys(ordered)).toEqual(['consent', 'errors']);
    expect(Object.keys(ordered.errors as object)).toEqual(['tags-invalid', 'read-failed', 'write-failed', 'consent-invalid']);
    expect(ordered).toEqual(merged);
  });
});
