import { recommendationModeData } from './model.js';
import type { PersonalizationScope, RecommendationModeData } from '../../../kernel/core/types.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import type { MinorContentPool, RightsStateWithMinorMode } from '../../minor-mode/core/slice.js';

/** What the feed, ad, push and search requests get, with the minor-mode content pool. */
export interface RecommendationModeWithMinor extends RecommendationModeData {
  /**
   * While minor mode is on (未成年人模式, MIN 43): the guardian's band (`null` when it could not be read)
   * and the content pool the feed asks for. Absent otherwise, and where no minor-mode component is used.
   */
  minor?: MinorContentPool;
}

// One object per band pair, so the result keeps its identity while nothing changes.
const pools = new Map<string, MinorContentPool>();

/** The minor-mode content pool while minor mode is on, else `null`. */
export function selectMinorContentPool(state: RightsState): MinorContentPool | null {
  const minor = (state as Partial<RightsStateWithMinorMode>).minorMode;
  if (!minor?.on) {
    return null;
  }
  const ageBand = minor.fallback ? null : minor.settings.ageBand;
  const key = `${ageBand}:${minor.settings.ageBand}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = Object.freeze({ ageBand, contentBand: minor.settings.ageBand });
    pools.set(key, pool);
  }
  return pool;
}

/**
 * Why a scope's switch is locked, so it shows off and cannot be turned on:
 * - `minor-mode`: minor mode is on, and ads are never personalized for a minor (MIN 24 ¶3);
 * - `minor-mode-loading`: minor mode is used but its state is still being read, so ads wait
 *   non-personalized until it is known that the user is not a minor.
 */
export type ScopeLockReason = 'minor-mode' | 'minor-mode-loading';

/** The locked scopes, each with its reason; a scope that is absent is not locked. */
export type LockedScopes = Readonly<Partial<Record<PersonalizationScope, ScopeLockReason>>>;

// One frozen object per answer, so a component selecting it re-renders only when the lock changes.
const UNLOCKED: LockedScopes = /* @__PURE__ */ Object.freeze({});
const ADS_LOCKED_IN_MINOR_MODE: LockedScopes = /* @__PURE__ */ Object.freeze({ ads: 'minor-mode' });
const ADS_LOCKED_WHILE_READING: LockedScopes = /* @__PURE__ */ Object.freeze({ ads: 'minor-mode-loading' });

/**
 * The scopes the user cannot personalize now, with the reason: ads while minor mode is on, or still
 * being read where it is used. {@link selectRecommendationMode} reports a locked scope non-personalized.
 */
export function selectLockedScopes(state: RightsState): LockedScopes {
  const minor = (state as Partial<RightsStateWithMinorMode>).minorMode;
  return minor?.on ? ADS_LOCKED_IN_MINOR_MODE : minor?.load === 'idle' || minor?.load === 'loading' ? ADS_LOCKED_WHILE_READING : UNLOCKED;
}

/**
 * What the feed, ad, push and search requests get: each scope's mode and the
 * feed's strategy. Every rule about what the feed may personalize is decided
 * here and nowhere else: minor mode forces ads non-personalized in this one
 * place (through {@link selectLockedScopes}), and adds the content pool its band asks for.
 */
export function selectRecommendationMode(state: RightsState): RecommendationModeWithMinor {
  const mode = recommendationModeData(state.personalization.preferences);
  const minor = selectMinorContentPool(state);
  // MIN 24 ¶3: 不得通过自动化决策方式向未成年人进行商业营销. Minor mode forces ads non-personalized here and nowhere else.
  if (minor) {
    return { ...mode, ads: 'non-personalized', minor };
  }
  // Where minor mode is used but not yet read (an adapter that answers later), ads wait non-personalized:
  // the user may be a minor, so no personalized ad goes out before that is known.
  return selectLockedScopes(state).ads ? { ...mode, ads: 'non-personalized' } : mode;
}

// The outbox's selectors serve every right; they live in the kernel, and stay importable from here.
export { selectSyncNotice, selectSyncPending } from '../../../kernel/core/store/selectors.js';
