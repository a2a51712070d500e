import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import { addMessageGroup, createRightsI18n, createTranslate } from './create-rights-i18n.js';
import { algorithmDisclosureMessages } from '../../../rights/disclosure/messages.js';
import { personalizationSwitchMessages } from '../../../rights/personalization/messages.js';
import { consentErrorsMessages, consentMessages } from '../../../rights/consent/messages.js';
import { tagsErrorsMessages, userTagManagerMessages } from '../../../rights/tags/messages.js';
import { errorsMessages } from './errors-messages.js';
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
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh_HK', 'zh-HK'],
    ['yue-Hant-HK', 'zh-HK'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
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

describe('a group filled by several owners', () => {
  test("the kernel's errors carry only the kernel's codes; each right's codes merge in when that right's strings are added", () => {
    const instance = createRightsI18n();
    const t = createTranslate(instance, 'zh-CN');
    addMessageGroup(instance, errorsMessages);
    addMessageGroup(instance, personalizationSwitchMessages);
    expect(t('errors.write-failed')).toBe('未能保存，已恢复为之前的设置。请稍后重试。');
    expect(t.exists('errors.tags-invalid')).toBe(false);
    expect(t.exists('errors.consent-invalid')).toBe(false);
    addMessageGroup(instance, userTagManagerMessages);
    expect(t('errors.tags-invalid')).toBe(tagsErrorsMessages.strings['zh-CN']['tags-invalid']);
    expect(t.exists('errors.tags-disallowed')).toBe(true);
    expect(t.exists('errors.consent-invalid')).toBe(false);
    addMessageGroup(instance, consentMessages);
    expect(t('errors.consent-invalid')).toBe(consentErrorsMessages.strings['zh-CN']['consent-invalid']);
    // Merging kept what was there.
    expect(t('errors.write-failed')).toBe('未能保存，已恢复为之前的设置。请稍后重试。');
    expect(t('errors.tags-invalid')).toBe(tagsErrorsMessages.strings['zh-CN']['tags-invalid']);
  });

  test('a fragment added before the rest of its group, or twice, merges once and loses nothing', () => {
    const instance = createRightsI18n();
    const t = createTranslate(instance, 'en');
    addMessageGroup(instance, tagsErrorsMessages);
    addMessageGroup(instance, errorsMessages);
    addMessageGroup(instance, tagsErrorsMessages);
    expect(t('errors.tags-invalid')).toBe(tagsErrorsMessages.strings.en['tags-invalid']);
    expect(t('errors.read-failed')).toBe(errorsMessages.strings.en['read-failed']);
  });

  test("a right's error strings follow the zh-HK fallback, and a host's override of one wins", () => {
    const instance = createRightsI18n({ messages: { en: { errors: { 'consent-invalid': 'Try again later.' } } } });
    addMessageGroup(instance, errorsMessages);
    addMessageGroup(instance, userTagManagerMessages);
    addMessageGroup(instance, consentMessages);
    const hongKong = createTranslate(instance, 'zh-HK');
    // Overridden for Hong Kong.
    expect(hongKong('errors.tags-invalid')).toBe(tagsErrorsMessages.strings['zh-HK']['tags-invalid']);
    expect(hongKong('errors.tags-invalid')).not.toBe(tagsErrorsMessages.strings['zh-TW']['tags-invalid']);
    // Shared with zh-TW.
    expect(hongKong('errors.consent-invalid')).toBe(consentErrorsMessages.strings['zh-TW']['consent-invalid']);
    expect(createTranslate(instance, 'en')('errors.consent-invalid')).toBe('Try again later.');
  });
});

describe('zh-HK', () => {
  test('uses Hong Kong words where they differ, and zh-TW for everything else', () => {
    const instance = createRightsI18n();
    addMessageGroup(instance, personalizationSwitchMessages);
    addMessageGroup(instance, algorithmDisclosureMessages);
    addMessageGroup(instance, userTagManagerMessages);
    const t = createTranslate(instance, resolveRightsLocale('zh-Hant-HK'));
    // Overridden for Hong Kong.
    expect(t('algorithmDisclosure.title')).toBe('算法推薦服務公示');
    expect(t('personalizationSwitch.scopes.push.label')).toBe('個人化推送');
    expect(t('userTagManager.title')).toBe('用戶標籤');
    expect(t('userTagManager.count', { count: 3 })).toBe('共 3 個用戶標籤');
    // Shared with zh-TW, not stored twice.
    expect(t('personalizationSwitch.label')).toBe('個人化推薦');
    expect(t('userTagManager.removed', { count: 1 })).toBe('已刪除 1 個標籤，不再用於推薦。');
    // Taiwan's words stay in zh-TW.
    expect(createTranslate(instance, 'zh-TW')('personalizationSwitch.scopes.push.label')).toBe('個人化推播');
  });

  test("a host's zh-TW override reaches zh-HK where Hong Kong has no word of its own, and a zh-HK override wins", () => {
    const instance = createRightsI18n({
      messages: { 'zh-TW': { personalizationSwitch: { label: '為你推薦' } }, 'zh-HK': { personalizationSwitch: { retryNow: '即刻同步' } } },
    });
    addMessageGroup(instance, personalizationSwitchMessages);
    const t = createTranslate(instance, 'zh-HK');
    expect(t('personalizationSwitch.label')).toBe('為你推薦');
    expect(t('personalizationSwitch.retryNow')).toBe('即刻同步');
    expect(createTranslate(instance, 'zh-TW')('personalizationSwitch.retryNow')).toBe('立即同步');
  });

  test('on a host instance whose own fallback is English, zh-HK still falls back through zh-TW', async () => {
    const host = createInstance();
    await host.init({ lng: 'en', fallbackLng: 'en', resources: {} });
    const instance = createRightsI18n({ i18n: host });
    addMessageGroup(instance, personalizationSwitchMessages);
    expect(createTranslate(host, 'zh-HK')('personalizationSwitch.label')).toBe('個人化推薦');
    expect(createTranslate(host, 'zh-HK').exists('personalizationSwitch.failed.personalize')).toBe(true);
  });
});
