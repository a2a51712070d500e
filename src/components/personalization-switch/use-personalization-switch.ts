import { useCallback } from 'react';
import { useShallow } from 'zustand/shallow';
import { displayedMode, effectiveModes } from '../../core/personalization-model.js';
import type { PersonalizationScope, ScopeModes } from '../../core/types.js';
import { useRightsStore } from '../../provider/rights-context.js';

export interface UsePersonalizationSwitchOptions {
  /** Controlled master state: wins over the store for display. */
  checked?: boolean;
  /** Called with the new master state; the store is written and the `RightsEvent` emitted either way. */
  onCheckedChange?: (checked: boolean) => void;
  /** Controlled per-scope state: each given scope wins over the store for display. */
  scopeChecked?: Partial<Record<PersonalizationScope, boolean>>;
  /** Called with a scope and its new state. */
  onScopeCheckedChange?: (scope: PersonalizationScope, checked: boolean) => void;
}

const NAME = 'PersonalizationSwitch';

/** State and behaviour of {@link PersonalizationSwitch}, with no markup. */
export function usePersonalizationSwitch(options: UsePersonalizationSwitchOptions = {}) {
  const { checked, onCheckedChange, scopeChecked, onScopeCheckedChange } = options;
  const known = useRightsStore(NAME, (state) => state.personalization.known);
  const syncPending = useRightsStore(NAME, (state) => state.personalization.syncPending);
  const errorCode = useRightsStore(NAME, (state) => state.personalization.error?.code ?? null);
  const masterOn = useRightsStore(NAME, (state) => displayedMode(state.personalization.preferences, 'all') === 'personalized');
  const scopeModes: ScopeModes = useRightsStore(NAME, useShallow((state) => effectiveModes(state.personalization.preferences)));
  const setPersonalization = useRightsStore(NAME, (state) => state.setPersonalization);
  const retryPersonalizationSync = useRightsStore(NAME, (state) => state.retryPersonalizationSync);

  const setMaster = useCallback(
    (next: boolean) => {
      void setPersonalization('all', next ? 'personalized' : 'non-personalized');
      onCheckedChange?.(next);
    },
    [setPersonalization, onCheckedChange],
  );

  const setScope = useCallback(
    (scope: PersonalizationScope, next: boolean) => {
      void setPersonalization(scope, next ? 'personalized' : 'non-personalized');
      onScopeCheckedChange?.(scope, next);
    },
    [setPersonalization, onScopeCheckedChange],
  );

  const isScopeChecked = (scope: PersonalizationScope): boolean =>
    scopeChecked?.[scope] ?? scopeModes[scope] === 'personalized';

  return {
    /** False until stored preferences are known; the view shows a same-size placeholder. */
    known,
    /** Whether the master switch shows as on. */
    checked: checked ?? masterOn,
    isScopeChecked,
    setMaster,
    setScope,
    /** A privacy-protective choice is kept on this device and not yet confirmed. */
    syncPending,
    /** The code of the last failure, for `errors.<code>` in the locale files. */
    errorCode,
    retry: useCallback(() => void retryPersonalizationSync(), [retryPersonalizationSync]),
  };
}
