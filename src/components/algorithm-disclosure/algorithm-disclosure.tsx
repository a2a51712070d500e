import { Dialog } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { AlgorithmFiling } from '../../core/filing.js';
import { assertSafeHref } from '../../core/safe-href.js';
import { useRightsTranslation } from '../../provider/use-rights-translation.js';
import { PersonalizationSwitch } from '../personalization-switch/personalization-switch.js';
import { visuallyHidden } from '../visually-hidden.js';
import { useAlgorithmFilings } from './use-algorithm-disclosure.js';
import { algorithmDisclosureMessages } from '../../core/i18n/groups/algorithm-disclosure.js';

const NAME = 'AlgorithmDisclosure';

export interface AlgorithmDisclosureProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** 基本原理: how the algorithm works, in plain words (ALG 16). */
  principles: ReactNode;
  /** 目的意图: what the recommendations are for (ALG 16). */
  purpose: ReactNode;
  /** 主要运行机制: what data it uses and how it ranks (ALG 16). */
  mechanism: ReactNode;
  /** For generative services: the intended audience, occasions and uses (GENAI 10). Default: not shown. */
  audience?: ReactNode;
  /**
   * A fair-pricing statement (ALG 21: no unreasonable differential pricing).
   * `true` shows the kit's statutory wording; a node shows your own. Default: not shown.
   */
  fairPricing?: ReactNode;
  /** The filing number of each filed algorithm, shown and linked to its public record (ALG 26). A malformed number is a developer error. */
  filings: AlgorithmFiling | readonly AlgorithmFiling[];
  /**
   * Where the user manages personalization, so they can act on what they read.
   * Default: the dialog shows a `PersonalizationSwitch` itself.
   */
  settingsHref?: string;
  /** Controlled open state of the details dialog. */
  open?: boolean;
  /** Initial open state when uncontrolled. Default: `false`. */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * The algorithm-recommendation disclosure (ALG 16, 26): a compact notice for
 * where recommended content shows, with the filing number linked, and a
 * details dialog with the basic principles, purpose and main operating
 * mechanism, the filings, and a way to the personalization settings.
 *
 * @selector [data-slot="algorithm-disclosure"] the compact notice
 * @selector [data-slot="algorithm-disclosure-dialog"][data-state="open" | "closed"] the details dialog
 * @selector [data-slot="algorithm-disclosure-filing-link"] a link to a filing's public record
 */
export const AlgorithmDisclosure = forwardRef<HTMLDivElement, AlgorithmDisclosureProps>(function AlgorithmDisclosure(props, forwardedRef) {
  const { principles, purpose, mechanism, audience, fairPricing, filings, settingsHref, open, defaultOpen, onOpenChange, ...rootProps } =
    props;
  const { t } = useRightsTranslation(NAME, algorithmDisclosureMessages);
  const list = useAlgorithmFilings(filings);
  if (settingsHref !== undefined) {
    assertSafeHref(settingsHref, NAME, 'settingsHref');
  }
  const id = useId();
  const sections: Array<[string, string, ReactNode]> = [
    ['principles', t('algorithmDisclosure.sections.principles'), principles],
    ['purpose', t('algorithmDisclosure.sections.purpose'), purpose],
    ['mechanism', t('algorithmDisclosure.sections.mechanism'), mechanism],
  ];
  if (audience !== undefined && audience !== null && audience !== false) {
    sections.push(['audience', t('algorithmDisclosure.sections.audience'), audience]);
  }
  if (fairPricing !== undefined && fairPricing !== null && fairPricing !== false) {
    sections.push([
      'fair-pricing',
      t('algorithmDisclosure.sections.fairPricing'),
      fairPricing === true ? t('algorithmDisclosure.fairPricingDefault') : fairPricing,
    ]);
  }

  return (
    <Dialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <div data-slot="algorithm-disclosure" {...rootProps} ref={forwardedRef}>
        <span data-slot="algorithm-disclosure-notice">{t('algorithmDisclosure.notice')}</span>
        <Dialog.Trigger data-slot="algorithm-disclosure-trigger">{t('algorithmDisclosure.openDetails')}</Dialog.Trigger>
        <span data-slot="algorithm-disclosure-filing">
          {t('algorithmDisclosure.filingNumber')}
          {list.map((filing) => (
            <span key={filing.number}>
              {' '}
              <a href={filing.url} target="_blank" rel="noopener noreferrer" data-slot="algorithm-disclosure-filing-link">
                {filing.number}
                <span style={visuallyHidden}> {t('algorithmDisclosure.opensInNewWindow')}</span>
              </a>
            </span>
          ))}
        </span>
      </div>
      {/* Rendered in place, not in a portal, so the dialog keeps the theme and language of where it is placed. */}
      <Dialog.Overlay data-slot="algorithm-disclosure-overlay" />
      <Dialog.Content data-slot="algorithm-disclosure-dialog" aria-describedby={`${id}-intro`}>
        <Dialog.Title data-slot="algorithm-disclosure-title">{t('algorithmDisclosure.title')}</Dialog.Title>
        <Dialog.Description id={`${id}-intro`} data-slot="algorithm-disclosure-intro">
          {t('algorithmDisclosure.intro')}
        </Dialog.Description>
        {sections.map(([key, heading, content]) => (
          <section key={key} data-slot="algorithm-disclosure-section" data-section={key} aria-labelledby={`${id}-${key}`}>
            <h3 id={`${id}-${key}`}>{heading}</h3>
            <div data-slot="algorithm-disclosure-section-body">{content}</div>
          </section>
        ))}
        <section data-slot="algorithm-disclosure-section" data-section="filings" aria-labelledby={`${id}-filings`}>
          <h3 id={`${id}-filings`}>{t('algorithmDisclosure.filingsTitle')}</h3>
          <dl data-slot="algorithm-disclosure-filings">
            {list.map((filing) => (
              <div key={filing.number} data-slot="algorithm-disclosure-filing-entry">
                {filing.name ? (
                  <>
                    <dt>{t('algorithmDisclosure.filingName')}</dt>
                    <dd>{filing.name}</dd>
                  </>
                ) : null}
                <dt>{t('algorithmDisclosure.filingNumber')}</dt>
                <dd>
                  <a href={filing.url} target="_blank" rel="noopener noreferrer" data-slot="algorithm-disclosure-record-link">
                    {t('algorithmDisclosure.filingLink', { number: filing.number })}
                    <span style={visuallyHidden}> {t('algorithmDisclosure.opensInNewWindow')}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section data-slot="algorithm-disclosure-section" data-section="settings" aria-labelledby={`${id}-settings`}>
          <h3 id={`${id}-settings`}>{t('algorithmDisclosure.settingsTitle')}</h3>
          {settingsHref ? (
            <a href={settingsHref} data-slot="algorithm-disclosure-settings-link">
              {t('algorithmDisclosure.settingsLink')}
            </a>
          ) : (
            <PersonalizationSwitch />
          )}
        </section>
        <Dialog.Close data-slot="algorithm-disclosure-close">{t('algorithmDisclosure.close')}</Dialog.Close>
      </Dialog.Content>
    </Dialog.Root>
  );
});
AlgorithmDisclosure.displayName = NAME;
