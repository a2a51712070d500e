import type { i18n as I18nInstance } from 'i18next';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { systemClock } from '../core/clock.js';
import { resolveRightsLocale, type MessageOverrides, type RightsLocale } from '../core/i18n/messages.js';
import type { CreateRightsStoreOptions, RightsStore } from '../core/store/create-rights-store.js';
import { RightsContext, type RightsContextValue, type RightsStrings } from './rights-context.js';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

export interface RightsProviderProps
  extends Pick<
    CreateRightsStoreOptions,
    'adapters' | 'initialState' | 'defaults' | 'onEvent' | 'onError' | 'writeTimeoutMs' | 'loadTimeoutMs' | 'retryDelayMs' | 'clock' | 'timeZone' | 'visibility'
  > {
  children?: ReactNode;
  /**
   * The language of the kit's strings, as a BCP 47 tag (`zh-CN`, `zh-TW`, `en`,
   * or a close tag such as `zh-Hant-HK`). Default: the language of `i18n`
   * when given, else `zh-CN`.
   */
  locale?: string;
  /** The host app's i18next instance. The kit adds its `algorights` namespace to it and never changes its language. */
  i18n?: I18nInstance;
  /** Overrides for single strings, per locale: `{ 'zh-CN': { personalizationSwitch: { label: '…' } } }`. Read at mount. */
  messages?: Partial<Record<RightsLocale, MessageOverrides>>;
}

function useHostLanguage(i18n: I18nInstance | undefined): string | undefined {
  const subscribe = useMemo(
    () => (onChange: () => void) => {
      if (!i18n) {
        return () => {};
      }
      i18n.on('languageChanged', onChange);
      return () => i18n.off('languageChanged', onChange);
    },
    [i18n],
  );
  const read = () => i18n?.resolvedLanguage ?? i18n?.language;
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Makes the provider over a store factory: the package's `RightsProvider` (src/store.ts) is this over its
 * `createRightsStore`, so that the kernel names no right.
 */
export function createRightsProvider(createRightsStore: (options: CreateRightsStoreOptions) => RightsStore) {
  return RightsProvider;

  /**
   * Holds one store for the controls inside it. Wrap your app, or the part that
   * shows rights controls, in one provider. Store options (`adapters`,
   * `initialState`, …) are read once, at mount: to change them, remount the
   * provider with a new `key`.
   */
  function RightsProvider(props: RightsProviderProps) {
    const { children, adapters, locale, i18n, messages, initialState, defaults, onEvent, onError, writeTimeoutMs, loadTimeoutMs, retryDelayMs, clock } =
      props;
    const callbacks = useRef({ onEvent, onError });
    // Events fire from effects and handlers, after this has run, so they always see the latest callbacks.
    useIsomorphicLayoutEffect(() => {
      callbacks.current = { onEvent, onError };
    });

    // One clock for the store and the views, read once at mount like the store's other options.
    const [storeClock] = useState(() => clock ?? systemClock);
    const [store] = useState(() =>
      createRightsStore({
        adapters,
        initialState,
        defaults,
        writeTimeoutMs,
        loadTimeoutMs,
        retryDelayMs,
        clock: storeClock,
        timeZone: props.timeZone,
        visibility: props.visibility,
        onEvent: (event) => callbacks.current.onEvent?.(event),
        onError: (error) => callbacks.current.onError?.(error),
      }),
    );
    const [strings] = useState<RightsStrings>(() => ({ host: i18n, messages, instance: null }));

    const hostLanguage = useHostLanguage(i18n);
    const activeLocale = resolveRightsLocale(locale ?? hostLanguage);
    const value = useMemo<RightsContextValue>(() => ({ store, locale: activeLocale, strings, clock: storeClock }), [store, activeLocale, strings, storeClock]);

    // Reads the outbox and the slices' data (synchronous storage applies before the first paint), listens
    // to other tabs, and sends what is pending while mounted.
    useIsomorphicLayoutEffect(() => store.connect(), [store]);

    useEffect(() => {
      const retry = () => void store.getState().retrySync();
      window.addEventListener('online', retry);
      return () => window.removeEventListener('online', retry);
    }, [store]);

    return <RightsContext.Provider value={value}>{children}</RightsContext.Provider>;
  }
}
