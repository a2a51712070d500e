import type { i18n as I18nInstance } from 'i18next';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RightsClock } from '../core/clock.js';
import { RightsDeveloperError } from '../core/errors.js';
import type { MessageOverrides, RightsLocale } from '../core/i18n/messages.js';
import type { RightsStore } from '../core/store/create-rights-store.js';
import type { RightsState } from '../core/store/registry.js';
import type { SliceDescriptor } from '../core/store/define-slice.js';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

/**
 * Where a provider's strings come from. The i18next instance is made by the
 * first component that shows text, not by the provider, so that a page that
 * only reads `useRecommendationMode()` never loads i18next.
 */
export interface RightsStrings {
  /** The host's instance, if it passed one. */
  host: I18nInstance | undefined;
  /** Per-locale overrides of single strings. */
  messages: Partial<Record<RightsLocale, MessageOverrides>> | undefined;
  /** The instance in use, once made. */
  instance: I18nInstance | null;
}

export interface RightsContextValue {
  store: RightsStore;
  locale: RightsLocale;
  strings: RightsStrings;
  /** The clock the provider's store runs on: the `clock` prop, or the system's. */
  clock: RightsClock;
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

/**
 * Registers the slice a component needs and starts it while the component is
 * mounted. A page pays only for the slices it shows.
 */
export function useRightsSlice(consumerName: string, descriptor: SliceDescriptor): RightsStore {
  const { store } = useRightsContext(consumerName);
  // Idempotent, and it adds the slice's initial state without notifying anyone: safe during render, on the
  // server too. Subscribers hear of it when the slice starts, in the effect below.
  store.register(descriptor);
  useIsomorphicLayoutEffect(() => store.connectSlice(descriptor.name), [store, descriptor.name]);
  return store;
}
