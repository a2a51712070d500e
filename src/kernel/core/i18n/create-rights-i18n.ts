import { createInstance, type i18n as I18nInstance } from 'i18next';
import {
  RIGHTS_FALLBACKS,
  RIGHTS_LOCALES,
  RIGHTS_NAMESPACE,
  resolveRightsLocale,
  type GroupFragment,
  type GroupMessages,
  type MessageKey,
  type MessageOverrides,
  type RightsLocale,
} from './messages.js';

/** Values interpolated into a string, such as `{{count}}`. */
export type MessageValues = Record<string, string | number>;

/** Looks up one of the kit's strings in one locale. */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  /** Whether a key has a string, in this locale or one of its fallbacks: for keys built at run time. */
  exists(key: string): boolean;
}

export interface RightsI18nOptions {
  /** A host's i18next instance: the kit adds its namespace to it and never changes its language. */
  i18n?: I18nInstance;
  /** Per-locale overrides of single strings. */
  messages?: Partial<Record<RightsLocale, MessageOverrides>>;
}

/**
 * Returns the instance the kit reads its strings from: the host's, with the
 * kit's namespace added, or a new one. Call once per provider, never at module
 * level, so that server requests never share an instance.
 */
export function createRightsI18n(options: RightsI18nOptions = {}): I18nInstance {
  const instance = options.i18n ?? createInstance();
  if (!options.i18n) {
    void instance.init({
      initAsync: false,
      lng: 'zh-CN',
      fallbackLng: { 'zh-HK': [...RIGHTS_FALLBACKS['zh-HK']], default: ['zh-CN'] },
      ns: [RIGHTS_NAMESPACE],
      defaultNS: RIGHTS_NAMESPACE,
      interpolation: { escapeValue: false },
      resources: {},
    });
  }
  for (const locale of RIGHTS_LOCALES) {
    const overrides = options.messages?.[locale];
    if (overrides) {
      instance.addResourceBundle(locale, RIGHTS_NAMESPACE, overrides, true, true);
    }
  }
  return instance;
}

const addedGroups = new WeakMap<I18nInstance, Set<string>>();

/**
 * Adds one group of the kit's strings to an instance, once, with the fragments
 * it lists; or one fragment of a shared group, merged with the fragments
 * already there. Components call it for the groups they show, so that a bundle
 * carries only the strings of the components it imports. It never overwrites a
 * string already there: the host's `messages` overrides and anything the host
 * put in our namespace win.
 */
export function addMessageGroup(instance: I18nInstance, messages: GroupMessages | GroupFragment): void {
  let added = addedGroups.get(instance);
  if (!added) {
    added = new Set();
    addedGroups.set(instance, added);
  }
  const id = 'owner' in messages ? `${messages.group}/${messages.owner}` : messages.group;
  if (added.has(id)) {
    return;
  }
  added.add(id);
  for (const locale of RIGHTS_LOCALES) {
    instance.addResourceBundle(locale, RIGHTS_NAMESPACE, { [messages.group]: messages.strings[locale] }, true, false);
  }
  if (!('owner' in messages)) {
    for (const fragment of messages.fragments ?? []) {
      addMessageGroup(instance, fragment);
    }
  }
}

/**
 * A typed lookup bound to one locale and the kit's namespace. A string missing
 * in the locale comes from its fallbacks ({@link RIGHTS_FALLBACKS}), whatever
 * fallback a host's own instance is set up with.
 */
export function createTranslate(instance: I18nInstance, locale: RightsLocale): Translate {
  const fixed = instance.getFixedT(locale, RIGHTS_NAMESPACE);
  const fallbackLng = [...RIGHTS_FALLBACKS[locale]];
  const translate = (key: MessageKey, values?: MessageValues) => {
    const result = fixed(key, { ...values, fallbackLng, interpolation: { escapeValue: false } });
    return typeof result === 'string' ? result : key;
  };
  return Object.assign(translate, {
    exists: (key: string) => instance.exists(key, { lng: locale, ns: RIGHTS_NAMESPACE, fallbackLng }),
  });
}

/**
 * The message for a failure: the component's own words for the action
 * (`<component>.failed.<action>`), else the general words for the code
 * (`errors.<code>`). Every component shows failures this way.
 */
export function failureMessage(t: Translate, component: string, failure: { code: string; action: string }): string {
  const own = `${component}.failed.${failure.action}`;
  return t((t.exists(own) ? own : `errors.${failure.code}`) as MessageKey);
}

/** The actions whose failure puts back what the screen showed before: said briefly in a toast, as the control snaps back. */
const ROLLED_BACK_ACTIONS = new Set(['personalize', 'select', 'restore', 'intensity']);

/**
 * The short toast for a choice that was undone because its write failed (`<component>.rolledBack`, or
 * `<component>.rolledBack.<action>`), or `null` for failures that stay on screen until dismissed (a
 * failed load, a device that cannot store).
 */
export function rolledBackMessage(t: Translate, component: string, failure: { code: string; action: string } | null): string | null {
  if (!failure || failure.code !== 'write-failed' || !ROLLED_BACK_ACTIONS.has(failure.action)) {
    return null;
  }
  for (const key of [`${component}.rolledBack.${failure.action}`, `${component}.rolledBack`]) {
    if (t.exists(key)) {
      const text = t(key as MessageKey);
      if (typeof text === 'string' && !text.startsWith(`${component}.`)) {
        return text;
      }
    }
  }
  return null;
}

export { resolveRightsLocale };
