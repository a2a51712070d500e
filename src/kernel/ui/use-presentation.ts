import { useSyncExternalStore } from 'react';

/** How an overlay of the kit shows: a bottom sheet on a phone, a popover or dialog on a wider screen. */
export type Presentation = 'sheet' | 'popover';

/** The widest screen that gets phone presentation (bottom sheets, full-screen dialogs), in CSS pixels. */
export const PHONE_MAX_WIDTH = 600;

const query = `(max-width: ${PHONE_MAX_WIDTH}px)`;

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') {
    return () => {};
  }
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function isPhone(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/**
 * Resolves a component's `presentation` prop: `auto` follows the screen width, so a phone gets a
 * bottom sheet and a desktop a popover. On the server it is `popover` until hydrated.
 */
export function usePresentation(presentation: Presentation | 'auto' = 'auto'): Presentation {
  const phone = useSyncExternalStore(subscribe, isPhone, () => false);
  return presentation === 'auto' ? (phone ? 'sheet' : 'popover') : presentation;
}
