import { Toggle } from 'radix-ui';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import type { InterestOption, TagGroup } from './core/model.js';

export interface InterestCatalogueProps {
  id: string;
  groups: TagGroup<InterestOption>[];
  t: Translate;
  isChosen(id: string): boolean;
  onToggle(option: InterestOption, chosen: boolean): void;
}

/**
 * Interests the user may choose (ALG 17 ¶2: 选择). Nothing here is required
 * (清朗 2024: 不得强制要求用户选择兴趣标签): there is no step to finish and no
 * minimum to pick.
 */
export function InterestCatalogue(props: InterestCatalogueProps) {
  const { id, groups, t } = props;
  return (
    <section data-slot="user-tag-manager-interests" aria-labelledby={`${id}-interests`}>
      <h3 id={`${id}-interests`} data-slot="user-tag-manager-interests-title">
        {t('userTagManager.interests.title')}
      </h3>
      <p data-slot="user-tag-manager-interests-description">{t('userTagManager.interests.description')}</p>
      {groups.map((group) => (
        <div
          key={group.category.id}
          role="group"
          aria-labelledby={`${id}-interests-${group.category.id}`}
          data-slot="user-tag-manager-interest-group"
        >
          <p id={`${id}-interests-${group.category.id}`} data-slot="user-tag-manager-interest-group-label">
            <bdi>{group.category.label}</bdi>
          </p>
          {group.tags.map((option) => {
            const chosen = props.isChosen(option.id);
            return (
              <Toggle.Root
                key={option.id}
                data-slot="user-tag-manager-interest"
                data-ar-part="button"
                pressed={chosen}
                onPressedChange={(next) => props.onToggle(option, next)}
              >
                <bdi>{option.label}</bdi>
              </Toggle.Root>
            );
          })}
        </div>
      ))}
    </section>
  );
}
