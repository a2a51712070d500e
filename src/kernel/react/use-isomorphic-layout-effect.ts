import { useEffect, useLayoutEffect } from 'react';

/**
 * A layout effect in the browser, so that synchronous storage applies before
 * the first paint; a plain effect on the server, which runs neither.
 */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
