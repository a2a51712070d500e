import en from '../../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../../locales/zh-CN/algorights.json' with { type: 'json' };
import zhHK from '../../../../locales/zh-HK/algorights.json' with { type: 'json' };
import zhTW from '../../../../locales/zh-TW/algorights.json' with { type: 'json' };
import type { DeepPartial, RightsLocale, RightsMessages } from './messages.js';

function withOverrides<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (typeof base === 'string' || overrides === undefined) {
    return (overrides ?? base) as T;
  }
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    merged[key] = withOverrides(merged[key], value as never);
  }
  return merged as T;
}

/**
 * Every locale's strings, whole (zh-HK merged over zh-TW, as the fallback
 * resolves it): for tests and page objects, which look parts up by their
 * shipped names. Components never import this; each brings only its own
 * groups.
 */
export const bundledMessages: Record<RightsLocale, RightsMessages> = {
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  'zh-HK': withOverrides<RightsMessages>(zhTW, zhHK),
  en,
};
