import { composeRightsStore } from './compose-store.js';
import { createDeferredEngine } from './kernel/core/engine/deferred-engine.js';
import { createRightsProvider } from './kernel/react/rights-provider.js';

/**
 * Holds one store for the controls inside it. Wrap your app, or the part that
 * shows rights controls, in one provider. Store options (`adapters`,
 * `initialState`, …) are read once, at mount: to change them, remount the
 * provider with a new `key`.
 *
 * Its write engine loads after the first paint, as a chunk of its own; until
 * then a small reader applies what waits in the outbox, so the first frame
 * already shows every protective choice, and writes wait for it in order.
 */
export const RightsProvider = /* @__PURE__ */ createRightsProvider((options) =>
  composeRightsStore(options, (engineOptions) => createDeferredEngine(engineOptions, () => import('./kernel/core/engine/write-engine.js'))),
);

export type { RightsProviderProps } from './kernel/react/rights-provider.js';
