import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RightsLocale } from '../core/i18n/messages.js';
import type { Translate } from '../core/i18n/create-rights-i18n.js';
import { RightsDeveloperError } from '../core/errors.js';
import type { RightsState, RightsStore } from '../core/store/create-rights-store.js';

export interface RightsContextValue {
  store: RightsStore;
  locale: RightsLocale;
  t: Translate;
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

/** The typed string lookup and the active locale. */
export function useRightsTranslation(consumerName: string): { t: Translate; locale: RightsLocale } {
  const { t, locale } = useRightsContext(consumerName);
  return { t, locale };
}
