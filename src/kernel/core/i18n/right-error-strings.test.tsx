import { render } from '@testing-library/react';
import { createInstance, type i18n as I18nInstance } from 'i18next';
import type { ReactElement } from 'react';
import { describe, expect, test } from 'vitest';
import { RightsProvider } from '../../../provider.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../../rights/personalization/core/adapters.js';
import { PersonalizationSwitch } from '../../../rights/personalization/personalization-switch.js';
import { createMemoryTagsAdapter } from '../../../rights/tags/core/adapters.js';
import { UserTagManager } from '../../../rights/tags/user-tag-manager.js';
import { RIGHTS_LOCALES, RIGHTS_NAMESPACE, type GroupFragment, type GroupMessages, type RightsLocale } from './messages.js';

// What a host's own i18next instance holds after the kit renders a component in it: the strings of that
// component, the kernel's error strings, and no other right's.
async function renderInHost(ui: ReactElement): Promise<(key: string) => boolean> {
  const host = createInstance();
  await host.init({ lng: 'zh-CN', resources: {} });
  render(
    <RightsProvider
      i18n={host}
      locale="zh-CN"
      adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter(), tags: createMemoryTagsAdapter() } as never}
    >
      {ui}
    </RightsProvider>,
  );
  return (key) => hasString(host, key);
}

function hasString(host: I18nInstance, key: string): boolean {
  return ['zh-CN', 'zh-TW', 'zh-HK', 'en'].some((lng) => host.exists(key, { ns: RIGHTS_NAMESPACE, lng, fallbackLng: false }));
}

const rightsCodes = ['tags-invalid', 'tags-disallowed', 'complaints-invalid', 'consent-invalid'];

describe("a right's error strings come only with that right's components", () => {
  test("the switch brings the kernel's error strings and none of another right's", async () => {
    const has = await renderInHost(<PersonalizationSwitch />);
    expect(has('personalizationSwitch.label')).toBe(true);
    expect(has('errors.write-failed')).toBe(true);
    expect(has('errors.outbox-unreadable')).toBe(true);
    expect(rightsCodes.filter((code) => has(`errors.${code}`))).toEqual([]);
  });

  test("the tag manager brings the tags right's error strings with the kernel's, and no other right's", async () => {
    const has = await renderInHost(<UserTagManager />);
    expect(has('errors.write-failed')).toBe(true);
    expect(rightsCodes.filter((code) => has(`errors.${code}`))).toEqual(['tags-invalid', 'tags-disallowed']);
  });
});

// Every right that keeps error strings in its locale files hands them to its components as a fragment.
const messageModules = import.meta.glob<Record<string, unknown>>(['../../../rights/*/messages.ts', '../../../rights/*/*-messages.ts'], { eager: true });
const localeFiles = import.meta.glob<{ errors?: Record<string, string> }>('../../../rights/*/locales/*.json', { eager: true, import: 'default' });
const errorFiles = Object.fromEntries(Object.entries(localeFiles).filter(([path]) => path.endsWith('/zh-CN.json')));
const localeFile = (right: string, locale: RightsLocale) => localeFiles[`../../../rights/${right}/locales/${locale}.json`];

describe("each right's error strings reach its components", () => {
  const rights = Object.entries(errorFiles)
    .filter(([, strings]) => strings.errors !== undefined)
    .map(([path, strings]) => [/rights\/([^/]+)\//.exec(path)?.[1] ?? path, strings.errors ?? {}] as const);

  test('tags, complaints and consent have codes of their own', () => {
    expect(rights.map(([right]) => right)).toEqual(expect.arrayContaining(['complaints', 'consent', 'tags']));
  });

  test.each(rights)('%s: a group its components show lists a fragment with all its error strings, in every locale', (right, strings) => {
    const exported = Object.entries(messageModules)
      .filter(([path]) => path.includes(`/rights/${right}/`))
      .flatMap(([, module]) => Object.values(module)) as (GroupMessages | GroupFragment)[];
    const fragment = exported.find((value): value is GroupFragment => 'owner' in value && value.owner === right && value.group === 'errors');
    expect(fragment?.strings['zh-CN']).toEqual(strings);
    for (const locale of RIGHTS_LOCALES) {
      expect(fragment?.strings[locale], locale).toEqual(localeFile(right, locale)?.errors ?? {});
    }
    expect(exported.some((value) => !('owner' in value) && value.fragments?.includes(fragment as GroupFragment))).toBe(true);
  });
});
