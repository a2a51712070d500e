import { useMemo } from 'react';
import { addMessageGroup, createRightsI18n, createTranslate, type Translate } from '../core/i18n/create-rights-i18n.js';
import { errorsMessages } from '../core/i18n/errors-messages.js';
import type { GroupMessages, RightsLocale } from '../core/i18n/messages.js';
import { useRightsContext } from './rights-context.js';

/** The typed string lookup and the active locale, after adding the string groups the caller shows. */
export function useRightsTranslation(consumerName: string, ...groups: GroupMessages[]): { t: Translate; locale: RightsLocale } {
  const { strings, locale } = useRightsContext(consumerName);
  // Made once per provider, by the first component that shows text; filling a cache is safe during render.
  strings.instance ??= createRightsI18n({ i18n: strings.host, messages: strings.messages });
  const instance = strings.instance;
  // Every component can show a failure, whose words may come from `errors`.
  for (const group of [errorsMessages, ...groups]) {
    addMessageGroup(instance, group);
  }
  const t = useMemo(() => createTranslate(instance, locale), [instance, locale]);
  return { t, locale };
}
