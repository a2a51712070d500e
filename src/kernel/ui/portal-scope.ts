import type { Ref } from 'react';
import { themeScope } from './rights-status.js';

/**
 * Where an overlay renders, as every kit overlay takes it: `undefined` (the
 * default) portals into the nearest ancestor with `data-ar-theme`, else the
 * body, so a card with `overflow: hidden` does not clip it and the theme's
 * tokens apply; an element portals into it; `false` renders in place.
 */
export type OverlayContainer = HTMLElement | null | false;

/** The attributes that scope the kit's look and language, carried from where a component sits to its portalled overlay. */
export interface PortalScope {
  'data-ar-mode'?: string;
  lang?: string;
  dir?: string;
}

/** Where an overlay goes, and what it carries there. */
export interface PortalTarget {
  /** Render in place, with no portal. */
  inPlace: boolean;
  /** The portal's container; `undefined` for the body. */
  container: HTMLElement | undefined;
  /** Set on the overlay: elderly mode, language and direction of where the component sits. */
  attributes: PortalScope;
}

const CARRIED = ['data-ar-mode', 'lang', 'dir'] as const;

/**
 * Resolves a component's `container` prop from its root element. A default
 * portal also carries elderly mode (`data-ar-mode`), the language and the
 * direction of where the component sits, which an ancestor between the theme
 * scope and the component may set.
 */
export function portalTarget(root: Element | null, container: OverlayContainer | undefined): PortalTarget {
  if (container === false) {
    return { inPlace: true, container: undefined, attributes: {} };
  }
  if (container) {
    return { inPlace: false, container, attributes: {} };
  }
  const attributes: Record<string, string> = {};
  for (const attribute of CARRIED) {
    const value = root?.closest(`[${attribute}]`)?.getAttribute(attribute);
    if (value) {
      attributes[attribute] = value;
    }
  }
  return { inPlace: false, container: themeScope(root) ?? undefined, attributes };
}

/** Sets a forwarded ref, whether a callback or an object. */
export function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') {
    ref(value);
  } else if (ref) {
    ref.current = value;
  }
}
