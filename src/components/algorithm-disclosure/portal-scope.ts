import { useState, type Ref, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../provider/use-isomorphic-layout-effect.js';

/**
 * Where an overlay renders: `true` (default) in a portal on `document.body`,
 * so a card with `overflow: hidden` cannot clip it; `false` in place, inside
 * the component; or an element to portal into, such as a themed container.
 */
export type PortalOption = boolean | Element | DocumentFragment | null;

/** The attributes that scope the kit's look and language, carried from where a component sits to its portalled overlay. */
export interface PortalScope {
  'data-ar-theme'?: string;
  'data-ar-mode'?: string;
  lang?: string;
  dir?: string;
}

const SCOPED = [
  ['data-ar-theme', '[data-ar-theme]'],
  ['data-ar-mode', '[data-ar-mode]'],
  ['lang', '[lang]'],
  ['dir', '[dir]'],
] as const;

/**
 * An overlay portalled to the body leaves the host's theme (`data-ar-theme`),
 * elderly mode (`data-ar-mode`), language and direction behind. This reads
 * them from the closest ancestors of `anchor` while the overlay is open, to
 * set on the overlay, so it looks and reads as the place it came from.
 */
export function usePortalScope(anchor: RefObject<Element | null>, open: boolean, portalled: boolean): PortalScope {
  const [scope, setScope] = useState<PortalScope>({});
  useIsomorphicLayoutEffect(() => {
    const element = anchor.current;
    if (!open || !portalled || !element) {
      return;
    }
    const next: Record<string, string> = {};
    for (const [attribute, selector] of SCOPED) {
      const value = element.closest(selector)?.getAttribute(attribute);
      if (value) {
        next[attribute] = value;
      }
    }
    setScope((current) => (SCOPED.every(([attribute]) => (current as Record<string, string>)[attribute] === next[attribute]) ? current : next));
  }, [anchor, open, portalled]);
  return portalled ? scope : {};
}

/** Sets a forwarded ref, whether a callback or an object. */
export function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') {
    ref(value);
  } else if (ref) {
    ref.current = value;
  }
}
