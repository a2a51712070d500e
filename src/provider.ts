import { createRightsProvider } from './kernel/react/rights-provider.js';
import { createRightsStore } from './store.js';

/**
 * Holds one store for the controls inside it. Wrap your app, or the part that
 * shows rights controls, in one provider. Store options (`adapters`,
 * `initialState`, …) are read once, at mount: to change them, remount the
 * provider with a new `key`.
 */
export const RightsProvider = /* @__PURE__ */ createRightsProvider(createRightsStore);

export type { RightsProviderProps } from './kernel/react/rights-provider.js';
