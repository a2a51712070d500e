import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

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
  test('ship zh-CN, zh-TW and en', () => {
    expect(locales.sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
  });

  const source = flatten(load('zh-CN'));
  test.each(locales.filter((locale) => locale !== 'zh-CN'))('%s has exactly the keys of zh-CN, none empty', (locale) => {
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

  test('zh-TW is written in Traditional characters', () => {
    const all = [...flatten(load('zh-TW')).values()].join('');
    // Simplified forms that must not appear in Traditional text.
    for (const simplified of ['个', '推荐', '设置', '内容', '关闭', '时']) {
      expect(all, simplified).not.toContain(simplified);
    }
  });
});
