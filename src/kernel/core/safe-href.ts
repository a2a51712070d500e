import { RightsDeveloperError } from './errors.js';

const BASE = 'https://algorights.invalid/';

/**
 * Throws a developer error unless `href` is an `http:` or `https:` address, or
 * a relative address on the page's own origin. Every link the kit renders goes
 * through it: React 18 renders `javascript:` links, and no React version
 * blocks `data:`, `vbscript:` or a protocol-relative `//host`. The browser's
 * own URL parser decides, so tabs, newlines, leading spaces and backslashes
 * cannot smuggle a scheme or a host past the check.
 */
export function assertSafeHref(href: unknown, consumerName: string, propName: string): asserts href is string {
  let url: URL | null = null;
  if (typeof href === 'string' && href.trim() !== '') {
    try {
      url = new URL(href, BASE);
    } catch {
      url = null;
    }
  }
  const absolute = typeof href === 'string' && /^[\s\u0000-\u001f]*[a-z][a-z0-9+.-]*:/i.test(href.replace(/[\t\n\r]/g, ''));
  const safe =
    url !== null &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    // A relative address must stay on this origin: `//host` and `/\host` leave it.
    (absolute || url.origin === new URL(BASE).origin);
  if (!safe) {
    throw new RightsDeveloperError(
      `\`${consumerName}\` got an unsafe \`${propName}\`: ${JSON.stringify(href)}. The kit renders only http: and https: ` +
        'addresses and relative addresses on your own origin, such as "/settings/recommendations".',
    );
  }
}
