/**
 * Whether the app is in front of the user, for what counts only then (minor mode's daily time and rest
 * reminder). Pass your own to `RightsProvider`'s `visibility` in a WebView or a native shell whose page
 * stays visible while the app is in the background.
 */
export interface VisibilitySource {
  /** Whether the app is in front of the user now. */
  visible(): boolean;
  /** Calls `onChange` whenever that may have changed; returns the stop. */
  subscribe(onChange: () => void): () => void;
}

/**
 * The page's own visibility: `document.visibilityState` and its `visibilitychange` event. Read only when
 * used, so it is safe on the server, where no page is in front of anyone.
 */
export const documentVisibility: VisibilitySource = {
  visible: () => typeof document !== 'undefined' && document.visibilityState !== 'hidden',
  subscribe(onChange) {
    if (typeof document === 'undefined') {
      return () => {};
    }
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
};
