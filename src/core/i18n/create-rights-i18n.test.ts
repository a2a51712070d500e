import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import { addMessageGroup, createRightsI18n, createTranslate } from './create-rights-i18n.js';
import { personalizationSwitchMessages } from './groups/personalization-switch.js';
import { resolveRightsLocale } from './messages.js';

describe('createRightsI18n', () => {
  test('each call makes its own instance', () => {
    expect(createRightsI18n()).not.toBe(createRightsI18n());
  });

  test('adds the namespace to a host instance without changing its language or its strings', async () => {
    const host = createInstance();
    await host.init({ lng: 'en', resources: { en: { app: { title: 'My app' } } }, defaultNS: 'app' });
    const instance = createRightsI18n({ i18n: host });
    addMessageGroup(instance, personalizationSwitchMessages);
    expect(instance).toBe(host);
    expect(host.language).toBe('en');
    expect(host.t('title')).toBe('My app');
    expect(createTranslate(host, 'zh-CN')('personalizationSwitch.label')).toBe('个性化推荐');
  });

  test('overrides single strings per locale and keeps the rest', () => {
    const instance = createRightsI18n({ messages: { en: { personalizationSwitch: { label: 'Tailored feed' } } } });
    // A component adds its strings when it renders; the override made at creation stays.
    addMessageGroup(instance, personalizationSwitchMessages);
    const t = createTranslate(instance, 'en');
    expect(t('personalizationSwitch.label')).toBe('Tailored feed');
    expect(t('personalizationSwitch.retryNow')).toBe('Sync now');
    expect(createTranslate(instance, 'zh-CN')('personalizationSwitch.label')).toBe('个性化推荐');
  });
});

describe('resolveRightsLocale', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['en-GB', 'en'],
    ['fr', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('%s → %s', (tag, expected) => {
    expect(resolveRightsLocale(tag)).toBe(expected);
  });
});

describe('string groups', () => {
  test('an instance holds only the groups added to it, each once', () => {
    const instance = createRightsI18n();
    const t = createTranslate(instance, 'zh-CN');
    expect(t('errors.write-failed')).toBe('errors.write-failed');
    expect(t('personalizationSwitch.label')).toBe('personalizationSwitch.label');
    addMessageGroup(instance, personalizationSwitchMessages);
    addMessageGroup(instance, personalizationSwitchMessages);
    expect(t('personalizationSwitch.label')).toBe('个性化推荐');
  });
});
