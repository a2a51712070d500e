import type { i18n as I18nInstance } from 'i18next';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { GroupMessages, RightsLocale } from '../core/i18n/messages.js';
import { addMessageGroup, type Translate } from '../core/i18n/create-rights-i18n.js';
import { RightsDeveloperError } from '../core/errors.js';
import type { RightsState, RightsStore } from '../core/store/create-rights-store.js';

export interface RightsContextValue {
  store: RightsStore;
  locale: RightsLocale;
  t: Translate;
  /** The instance strings live in; components add their groups to it. */
  i18n: I18nInstance;
}

export const RightsContext = createContext<RightsContextValue | null>(null);
RightsContext.displayName = 'RightsContext';

/** Throws a developer error naming the fix when `consumerName` is used outside a provider. */
export function useRightsContext(consumerName: string): RightsContextValue {
  const context = useContext(RightsContext);
  if (!context) {
    throw new RightsDeveloperError(
      `\`${consumerName}\` must be used within \`<RightsProvider>\`. Wrap the part of your app that uses ` +
        'algorights in <RightsProvider locale="zh-CN" adapters={…}>, imported from "algorights".',
    );
  }
  return context;
}

/** Selects from the provider's store; re-renders only when the selected value changes. */
export function useRightsStore<T>(consumerName: string, selector: (state: RightsState) => T): T {
  const { store } = useRightsContext(consumerName);
  return useStore(store, selector);
}

/** The typed string lookup and the active locale, after adding the string groups the caller shows. */
export function useRightsTranslation(consumerName: string, ...groups: GroupMessages[]): { t: Translate; locale: RightsLocale } {
  const { t, locale, i18n } = useRightsContext(consumerName);
  // Adding is idempotent and only fills a cache, so it is safe during render, on the server too.
  for (const group of groups) {
    addMessageGroup(i18n, group);
  }
  return { t, locale };
}
