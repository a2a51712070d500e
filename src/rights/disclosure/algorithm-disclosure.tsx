import { Dialog } from 'radix-ui';
import { forwardRef, useCallback, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { AlgorithmFiling, FilingStatus, GenerativeAiFiling } from './core/filing.js';
import { algorithmDisclosureMessages } from './messages.js';
import { assertSafeHref } from '../../kernel/core/safe-href.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { PersonalizationSwitch } from '../personalization/index.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';
import { DisclosureFilings } from './disclosure-filings.js';
import { CloseIcon } from './icons.js';
import { assignRef, portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';
import { useAlgorithmFilings } from './use-algorithm-disclosure.js';

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
   * A fair-pricing statement (ALG 21; PIPL 24 ¶1: no unreasonable differential pricing).
   * `true` shows the kit's statutory wording; a node shows your own. Default: not shown.
   */
  fairPricing?: ReactNode;
  /**
   * The filing number of each filed algorithm, shown in the notice and linked to its public record
   * (ALG 26); the link defaults to the national filing system's public search. A malformed number is
   * a developer error. Required while `filingStatus` is `filed`.
   */
  filings?: AlgorithmFiling | readonly AlgorithmFiling[];
  /**
   * `in-progress` while the provider is in its filing period (ALG 24–25: up to 10 working days to file,
   * 30 for the number to be issued): the disclosure still shows (ALG 16) and says the filing is in
   * progress, with any filings already issued. Default: `filed`.
   */
  filingStatus?: FilingStatus;
  /**
   * For a generative-AI service: each model's name with its 备案号 (filed) or 上线编号 (registered),
   * shown in the dialog. Not in the 网信算备 format, so only checked to be present. Default: none.
   */
  generativeAi?: GenerativeAiFiling | readonly GenerativeAiFiling[];
  /**
   * Where the user manages personalization, so they can act on what they read.
   * Default: the dialog shows a `PersonalizationSwitch` itself.
   */
  settingsHref?: string;
  /**
   * Where the user complains about or reports the recommendation service, such as the page with a
   * `ComplaintCenter` (ALG 22: 投诉举报入口). Default: no link.
   */
  complaintsHref?: string;
  /**
   * Where the dialog renders. Default: a portal into the nearest ancestor with `data-ar-theme` (else
   * the body), carrying the elderly mode and language of where the notice sits. Pass an element to
   * portal into it, or `false` to render in place.
   */
  container?: OverlayContainer;
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
 * mechanism, the filings, and a way to the personalization settings. The
 * dialog opens with focus on its title, the text the law asks the user to
 * see; on a phone (up to 600 px wide) it is a full-screen sheet with a sticky
 * header and a ✕.
 *
 * @selector [data-slot="algorithm-disclosure"][data-filing-status="filed" | "in-progress"] the compact notice
 * @selector [data-slot="algorithm-disclosure-dialog"][data-state="open" | "closed"] the details dialog
 * @selector [data-slot="algorithm-disclosure-header"] its sticky header, with the title and the ✕
 * @selector [data-slot="algorithm-disclosure-body"] its scrolling content
 * @selector [data-slot="algorithm-disclosure-filing-link"] a link to a filing's public record
 */
export const AlgorithmDisclosure = forwardRef<HTMLDivElement, AlgorithmDisclosureProps>(function AlgorithmDisclosure(props, forwardedRef) {
  const {
    principles,
    purpose,
    mechanism,
    audience,
    fairPricing,
    filings,
    filingStatus,
    generativeAi,
    settingsHref,
    complaintsHref,
    container,
    open,
    defaultOpen,
    onOpenChange,
    ...rootProps
  } = props;
  const { t } = useRightsTranslation(NAME, algorithmDisclosureMessages);
  const filed = useAlgorithmFilings({ filings, filingStatus, generativeAi });
  if (settingsHref !== undefined) {
    assertSafeHref(settingsHref, NAME, 'settingsHref');
  }
  if (complaintsHref !== undefined) {
    assertSafeHref(complaintsHref, NAME, 'complaintsHref');
  }
  const id = useId();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const setRootRef = useCallback(
    (element: HTMLDivElement | null) => {
      setRoot(element);
      assignRef(forwardedRef, element);
    },
    [forwardedRef],
  );
  const titleRef = useRef<HTMLHeadingElement | null>(null);
  const target = portalTarget(root, container);

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

  const dialog = (
    <RightsSheet
      slots={{
        overlay: 'algorithm-disclosure-overlay',
        content: 'algorithm-disclosure-dialog',
        header: 'algorithm-disclosure-header',
        title: 'algorithm-disclosure-title',
        close: 'algorithm-disclosure-close',
        body: 'algorithm-disclosure-body',
      }}
      target={target}
      title={t('algorithmDisclosure.title')}
      titleProps={{ tabIndex: -1, ref: titleRef }}
      closeLabel={t('algorithmDisclosure.close')}
      closeIcon={<CloseIcon />}
      aria-describedby={`${id}-intro`}
      onOpenAutoFocus={(event) => {
        // The text the law asks the user to see comes first, not the switch inside it.
        event.preventDefault();
        titleRef.current?.focus();
      }}
    >
      <Dialog.Description id={`${id}-intro`} data-slot="algorithm-disclosure-intro">
        {t('algorithmDisclosure.intro')}
      </Dialog.Description>
      {sections.map(([key, heading, content]) => (
        <section key={key} data-slot="algorithm-disclosure-section" data-section={key} aria-labelledby={`${id}-${key}`}>
          <h3 id={`${id}-${key}`}>{heading}</h3>
          <div data-slot="algorithm-disclosure-section-body">{content}</div>
        </section>
      ))}
      <DisclosureFilings id={id} t={t} filed={filed} />
      <section data-slot="algorithm-disclosure-section" data-section="settings" aria-labelledby={`${id}-settings`}>
        <h3 id={`${id}-settings`}>{t('algorithmDisclosure.settingsTitle')}</h3>
        {settingsHref ? null : <PersonalizationSwitch />}
        {settingsHref || complaintsHref ? (
          // Where the user goes from here: list cells that navigate, each with a chevron.
          <ul data-slot="algorithm-disclosure-links" data-ar-part="cell-group">
            {settingsHref ? (
              <li>
                <a href={settingsHref} data-slot="algorithm-disclosure-settings-link" data-ar-cell="link">
                  {t('algorithmDisclosure.settingsLink')}
                </a>
              </li>
            ) : null}
            {complaintsHref ? (
              <li>
                <a href={complaintsHref} data-slot="algorithm-disclosure-complaints-link" data-ar-cell="link">
                  {t('algorithmDisclosure.complaintsLink')}
                </a>
              </li>
            ) : null}
          </ul>
        ) : null}
      </section>
    </RightsSheet>
  );

  return (
    <Dialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <div data-slot="algorithm-disclosure" data-ar-part="root" data-filing-status={filed.status} {...rootProps} ref={setRootRef}>
        <span data-slot="algorithm-disclosure-notice">{t('algorithmDisclosure.notice')}</span>
        <Dialog.Trigger data-slot="algorithm-disclosure-trigger" data-ar-part="button">{t('algorithmDisclosure.openDetails')}</Dialog.Trigger>
        <span data-slot="algorithm-disclosure-filing">
          {filed.filings.length > 0 ? t('algorithmDisclosure.filingNumber') : null}
          {filed.filings.map((filing) => (
            <span key={filing.number}>
              {' '}
              <a href={filing.url} target="_blank" rel="noopener noreferrer" data-slot="algorithm-disclosure-filing-link">
                {filing.number}
                <span style={visuallyHidden}> {t('algorithmDisclosure.opensInNewWindow')}</span>
              </a>
            </span>
          ))}
          {filed.status === 'in-progress' ? (
            <span data-slot="algorithm-disclosure-filing-in-progress">
              {filed.filings.length > 0 ? ' ' : null}
              {t('algorithmDisclosure.filingInProgress')}
            </span>
          ) : null}
        </span>
      </div>
      {dialog}
    </Dialog.Root>
  );
});
AlgorithmDisclosure.displayName = NAME;
