import { useCallback } from 'react';
import { useShallow } from 'zustand/shallow';
import { displayedMode, effectiveModes } from './core/model.js';
import { selectLockedScopes, type LockedScopes } from './core/selectors.js';
import { PERSONALIZATION_SCOPES, type PersonalizationScope, type ScopeModes } from '../../kernel/core/types.js';
import { useRightsContext, useRightsStore } from '../../kernel/react/rights-context.js';
import { usePersonalizationStatus, type UsePersonalizationStatusResult } from './use-personalization-status.js';

export interface UsePersonalizationSwitchOptions {
  /** Controlled master state: wins over the store for display. Keep it in step through `onCheckedChange`. */
  checked?: boolean;
  /**
   * Called with the new master state before the store is written. Returning `false` vetoes turning
   * personalization on (to ask first, say). Turning it off always applies, whatever this returns:
   * ALG 17 ¶1 requires the opt-out to take effect at once.
   */
  onCheckedChange?: (checked: boolean) => boolean | void;
  /** Controlled per-scope state: each given scope wins over the store for display. */
  scopeChecked?: Partial<Record<PersonalizationScope, boolean>>;
  /** Called with a scope and its new state before the store is written; may veto turning a scope on, as `onCheckedChange`. */
  onScopeCheckedChange?: (scope: PersonalizationScope, checked: boolean) => boolean | void;
}

/** State and behaviour of {@link PersonalizationSwitch}, with no markup. */
export interface UsePersonalizationSwitchResult extends UsePersonalizationStatusResult {
  /** Whether the master switch shows as on. */
  checked: boolean;
  /** The scopes that are personalized while the master is on and at least one scope is off (部分开启); empty otherwise. */
  partialScopes: readonly PersonalizationScope[];
  /** Whether the user turned personalization off before the stored preferences were read: the switch then shows off, not unknown. */
  chosenBeforeLoad: boolean;
  /**
   * The scopes the user cannot personalize now, each with its reason: ads while minor mode is on
   * (`minor-mode`, MIN 24 ¶3) or still being read (`minor-mode-loading`). Their switches show off and locked.
   */
  lockedScopes: LockedScopes;
  /** Whether one scope's switch shows as on. */
  isScopeChecked(scope: PersonalizationScope): boolean;
  /**
   * Turns the master switch on or off. Before the stored preferences are read, any change turns
   * personalization off: the opt-out is always possible (ALG 17 ¶1), and merges when the read answers.
   */
  setMaster(checked: boolean): void;
  /** Turns one scope on or off. */
  setScope(scope: PersonalizationScope, checked: boolean): void;
}

const NAME = 'PersonalizationSwitch';

/** State and behaviour of {@link PersonalizationSwitch}, with no markup. */
export function usePersonalizationSwitch(options: UsePersonalizationSwitchOptions = {}): UsePersonalizationSwitchResult {
  const { checked, onCheckedChange, scopeChecked, onScopeCheckedChange } = options;
  const { store } = useRightsContext(NAME);
  const status = usePersonalizationStatus(NAME);
  const masterOn = useRightsStore(NAME, (state) => displayedMode(state.personalization.preferences, 'all') === 'personalized');
  const scopeModes: ScopeModes = useRightsStore(NAME, useShallow((state) => effectiveModes(state.personalization.preferences)));
  const chosenBeforeLoad = useRightsStore(NAME, (state) => state.personalization.choicesBeforeLoad.length > 0);
  const lockedScopes = useRightsStore(NAME, selectLockedScopes);
  const { hydrated } = status;
  const setMaster = useCallback(
    (requested: boolean) => {
      // Until the stored choice is known, the only change offered is the protective one.
      const next = hydrated ? requested : false;
      if (onCheckedChange?.(next) === false && next) {
        return;
      }
      void store.getState().setPersonalization('all', next ? 'personalized' : 'non-personalized');
    },
    [store, onCheckedChange, hydrated],
  );
  const setScope = useCallback(
    (scope: PersonalizationScope, requested: boolean) => {
      const next = hydrated ? requested : false;
      if (onScopeCheckedChange?.(scope, next) === false && next) {
        return;
      }
      void store.getState().setPersonalization(scope, next ? 'personalized' : 'non-personalized');
    },
    [store, onScopeCheckedChange, hydrated],
  );
  const isScopeChecked = (scope: PersonalizationScope) => scopeChecked?.[scope] ?? scopeModes[scope] === 'personalized';
  const master = checked ?? masterOn;
  const onScopes = PERSONALIZATION_SCOPES.filter(isScopeChecked);
  return {
    ...status,
    checked: master,
    partialScopes: master && status.hydrated && onScopes.length < PERSONALIZATION_SCOPES.length ? onScopes : [],
    chosenBeforeLoad,
    lockedScopes,
    isScopeChecked,
    setMaster,
    setScope,
  };
}
