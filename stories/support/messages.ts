import { bundledMessages } from '../../src/kernel/core/i18n/all-messages.js';
import { RIGHTS_LOCALES, resolveRightsLocale } from '../../src/index.js';

/** The shipped strings of the locale a story runs in, for play functions to query by. */
export function messagesFor(locale: unknown) {
  return bundledMessages[resolveRightsLocale(typeof locale === 'string' ? locale : undefined)];
}

/** The languages the stories' sample content (feed items, tags, disclosure text) is written in. */
export type DemoLocale = 'zh-CN' | 'zh-TW' | 'en';

/** The sample content for a locale: its own, or for another Traditional Chinese locale (zh-HK) the zh-TW one. */
export function demoLocale(locale: string | undefined): DemoLocale {
  const resolved = resolveRightsLocale(locale);
  return resolved === 'zh-CN' || resolved === 'en' ? resolved : 'zh-TW';
}

/** The sample content's locale for the locale a story runs in. */
export function localeOf(globals: Record<string, unknown>): DemoLocale {
  return demoLocale(typeof globals.locale === 'string' ? globals.locale : undefined);
}

export { RIGHTS_LOCALES };

/** The part of an "all locales" story rendered in `locale`, marked `data-locale-sample` (the decorator's own wrapper has a `lang` too). */
export function localeSection(canvasElement: HTMLElement, locale: string): HTMLElement {
  const section = canvasElement.querySelector<HTMLElement>(`[data-locale-sample="${locale}"]`);
  if (!section) {
    throw new Error(`No part of the story is in ${locale}.`);
  }
  return section;
}
