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
