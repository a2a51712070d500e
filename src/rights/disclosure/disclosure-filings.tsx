import { FILING_RECORD_URL } from './core/filing.js';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';
import type { UseAlgorithmFilingsResult } from './use-algorithm-disclosure.js';

/**
 * The filings part of the disclosure dialog: each filed algorithm with its
 * record link (ALG 26), the filing in progress (ALG 24–25), and each
 * generative-AI model with its 备案号 or 上线编号.
 */
export function DisclosureFilings({ id, t, filed }: { id: string; t: Translate; filed: UseAlgorithmFilingsResult }) {
  return (
    <>
      <section data-slot="algorithm-disclosure-section" data-section="filings" aria-labelledby={`${id}-filings`}>
        <h3 id={`${id}-filings`}>{t('algorithmDisclosure.filingsTitle')}</h3>
        {filed.status === 'in-progress' ? (
          <p data-slot="algorithm-disclosure-filing-in-progress">{t('algorithmDisclosure.filingInProgressDetail')}</p>
        ) : null}
        {filed.filings.length > 0 ? (
          <dl data-slot="algorithm-disclosure-filings">
            {filed.filings.map((filing) => (
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
                    {/* Without the platform's own record, the link goes to the national system's search, and says so. */}
                    {filing.url === FILING_RECORD_URL
                      ? t('algorithmDisclosure.filingSearchLink', { number: filing.number })
                      : t('algorithmDisclosure.filingLink', { number: filing.number })}
                    <span style={visuallyHidden}> {t('algorithmDisclosure.opensInNewWindow')}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>
      {filed.generativeAi.length > 0 ? (
        <section data-slot="algorithm-disclosure-section" data-section="generative-ai" aria-labelledby={`${id}-generative-ai`}>
          <h3 id={`${id}-generative-ai`}>{t('algorithmDisclosure.generative.title')}</h3>
          <dl data-slot="algorithm-disclosure-filings">
            {filed.generativeAi.map((filing) => (
              <div key={`${filing.model}\u0000${filing.number}`} data-slot="algorithm-disclosure-generative-entry" data-kind={filing.kind}>
                <dt>{t('algorithmDisclosure.generative.model')}</dt>
                <dd>{filing.model}</dd>
                <dt>{t(filing.kind === 'registered' ? 'algorithmDisclosure.generative.registered' : 'algorithmDisclosure.generative.filed')}</dt>
                <dd>{filing.number}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
