import type { Locator, Page } from '@playwright/test';
import { addMessageGroup, createRightsI18n, createTranslate, failureMessage, rolledBackMessage, type MessageValues, type Translate } from '../core/i18n/create-rights-i18n.js';
import { bundledMessages } from '../core/i18n/all-messages.js';
import {
  RIGHTS_LOCALES,
  resolveRightsLocale,
  type GroupMessages,
  type MessageGroup,
  type MessageKey,
  type MessageOverrides,
  type RightsLocale,
} from '../core/i18n/messages.js';

/** How a page object finds the kit's parts: the locale and string overrides the app's `RightsProvider` has. */
export interface RightsPageOptions {
  /** The provider's `locale`. Default: `zh-CN`. */
  locale?: string;
  /** The provider's `messages`, so that overridden names are found too. */
  messages?: Partial<Record<RightsLocale, MessageOverrides>>;
  /** Narrows every query to one part of the page, for pages with more than one of the component. */
  scope?: Page | Locator;
}

// Every group, from the whole locale files: Node reads JSON modules whole, with no named exports.
const GROUPS = (Object.keys(bundledMessages['zh-CN']) as MessageGroup[]).map(
  (group) => ({ group, strings: Object.fromEntries(RIGHTS_LOCALES.map((locale) => [locale, bundledMessages[locale][group]])) }) as GroupMessages,
);

/**
 * What every page object shares: the locale, the scope, and the kit's own
 * formatter (i18next with the provider's overrides), so a name with a count
 * or a placeholder is found exactly as the component renders it.
 */
export abstract class RightsPage {
  readonly locale: RightsLocale;
  readonly scope: Page | Locator;
  /** The string the component renders for `key`, with the same overrides and formatting. */
  readonly text: (key: MessageKey, values?: MessageValues) => string;
  private readonly translate: Translate;

  constructor(
    readonly page: Page,
    options: RightsPageOptions | string = {},
  ) {
    const { locale, messages, scope } = typeof options === 'string' ? { locale: options } : options;
    this.locale = resolveRightsLocale(locale ?? 'zh-CN');
    this.scope = scope ?? page;
    const instance = createRightsI18n({ messages });
    for (const group of GROUPS) {
      addMessageGroup(instance, group);
    }
    this.translate = createTranslate(instance, this.locale);
    this.text = (key, values) => this.translate(key, values);
  }

  /** The localized message of an error code, to compare with an alert. */
  errorMessage(code: string): string {
    return this.translate(`errors.${code}` as MessageKey);
  }

  /** The message a component shows for a failure: its own words for the action, else the code's. */
  failureMessage(component: string, failure: { code: string; action: string }): string {
    return failureMessage(this.translate, component, failure);
  }

  /** The toast a choice undone by this failed write shows (`<component>.rolledBack`), or `null` when it shows inline. */
  rolledBackMessage(component: string, failure: { code: string; action: string }): string | null {
    return rolledBackMessage(this.translate, component, failure);
  }
}
