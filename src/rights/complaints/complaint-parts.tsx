import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';

/** The national reporting centre's site; the kit's own constant, so always a safe link. */
export const REPORT_CENTRE_URL = 'https://www.12377.cn/';

/**
 * The external channel (ALG 30, MIN 8): the user's right to complain to the authorities, and 12377.
 * Shown with the form and with every result.
 */
export function ExternalChannel(props: { t: Translate; id: string; headingLevel: 3 | 4 | 5 }) {
  const { t, id, headingLevel } = props;
  const Heading = `h${headingLevel}` as const;
  return (
    <div data-slot="complaint-external">
      <Heading id={`${id}-external`} data-slot="complaint-external-title">
        {t('complaints.external.title')}
      </Heading>
      <p data-slot="complaint-external-text" data-ar-part="muted" data-ar-variant="small">{t('complaints.external.text')}</p>
      <a data-slot="complaint-external-link" data-ar-part="button" data-ar-variant="quiet" href={REPORT_CENTRE_URL} target="_blank" rel="noopener noreferrer">
        {t('complaints.external.link')}
        <span style={visuallyHidden}> {t('complaints.external.opensInNewWindow')}</span>
      </a>
    </div>
  );
}

/** Formats a calendar date (`YYYY-MM-DD`) in the user's language, as the date it names, whatever the device's zone. */
export function formatCalendarDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Formats an instant as a date in the calendar's time zone. */
export function formatInstantDate(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(instant));
}

/** A size in bytes as the user reads it: 5 MB, 500 KB. */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Media types as the user reads them: image/png → PNG. */
export function formatTypes(types: readonly string[], locale: string): string {
  const names = types.map((type) => (type.split('/')[1] ?? type).replace(/^jpeg$/, 'jpg').toUpperCase());
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(names);
}
