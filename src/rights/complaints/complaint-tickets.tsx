import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import type { ComplaintTicket } from './core/model.js';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { complaintsMessages } from './messages.js';
import { CHINA_TIME_ZONE } from '../../kernel/core/calendar.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes } from '../../kernel/ui/rights-status.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';
import { ExternalChannel, formatCalendarDate, formatInstantDate } from './complaint-parts.js';
import { useComplaintTickets, type TicketDue, type UseComplaintTicketsOptions } from './use-complaints.js';

const NAME = 'ComplaintTickets';

export interface ComplaintTicketsProps extends UseComplaintTicketsOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading level of the list's title. Default: 3. */
  headingLevel?: 2 | 3 | 4;
}

/** Whether a refusal also comes as a written notice: to a minor or a guardian (MIN 34). */
const inWriting = (ticket: ComplaintTicket) => ticket.complainant === 'minor' || ticket.complainant === 'guardian' || ticket.kind === 'minor';

/**
 * The user's tickets (ALG 22: 及时受理、处理并反馈处理结果): status (已受理 / 处理中 / 已反馈 / 不予受理),
 * the due date with the working days left, the result; a refusal with its reasons (PIPL 50), and for a
 * minor or guardian a written notice to save or print (MIN 34). Every result names the external channel.
 *
 * @selector [data-slot="complaint-tickets"][data-state="loading" | "ready" | "error"] whether the tickets are known
 * @selector [data-slot="complaint-ticket"][data-status="received" | "processing" | "answered" | "refused"] one ticket
 * @selector [data-slot="complaint-refusal-notice"] the written notice of a refusal
 */
export const ComplaintTickets = forwardRef<HTMLElement, ComplaintTicketsProps>(function ComplaintTickets(props, ref) {
  const { deadlines, calendar, now, headingLevel = 3, ...rootProps } = props;
  const { t, locale } = useRightsTranslation(NAME, complaintsMessages);
  const state = useComplaintTickets({ deadlines, calendar, now });
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const timeZone = calendar?.timeZone ?? CHINA_TIME_ZONE;
  const loadFailed = state.failure?.action === 'load';
  return (
    <section
      data-slot="complaint-tickets"
      data-ar-part="root"
      data-ar-variant="flush-paragraphs"
      {...contractAttributes({ load: loadFailed ? 'error' : state.load, syncPending: state.syncPending, failure: state.failure })}
      data-empty={state.hydrated && state.items.length === 0 ? '' : undefined}
      aria-labelledby={`${id}-title`}
      aria-busy={state.hydrated ? undefined : true}
      {...rootProps}
      ref={ref}
    >
      <Heading id={`${id}-title`} data-slot="complaint-tickets-title">
        {t('complaints.tickets.title')}
      </Heading>
      {!state.hydrated ? <span style={visuallyHidden}>{t('complaints.loading')}</span> : null}
      {loadFailed ? (
        <div data-slot="complaint-tickets-load-error">
          <p role="alert">{t('complaints.failed.load')}</p>
          <button type="button" data-slot="complaint-tickets-retry-load" data-ar-part="button" onClick={state.retry}>
            {t('complaints.retryLoad')}
          </button>
        </div>
      ) : null}
      {state.load === 'ready' && state.items.length === 0 ? <p data-slot="complaint-tickets-empty">{t('complaints.tickets.empty')}</p> : null}
      {state.invalidCount > 0 ? <p data-slot="complaint-tickets-invalid">{t('complaints.tickets.invalid', { count: state.invalidCount })}</p> : null}
      {state.items.length > 0 ? (
        <ul data-slot="complaint-tickets-list">
          {state.items.map((ticket) => (
            <TicketItem key={ticket.id} ticket={ticket} t={t} locale={locale} timeZone={timeZone} headingLevel={headingLevel} />
          ))}
        </ul>
      ) : null}
    </section>
  );
});
ComplaintTickets.displayName = NAME;

interface TicketItemProps {
  ticket: ComplaintTicket & TicketDue;
  t: Translate;
  locale: string;
  timeZone: string;
  headingLevel: 2 | 3 | 4;
}

function TicketItem({ ticket, t, locale, timeZone, headingLevel }: TicketItemProps) {
  const id = useId();
  const Heading = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
  const closed = ticket.status === 'answered' || ticket.status === 'refused';
  const received = formatInstantDate(ticket.receivedAt, locale, timeZone);
  return (
    <li data-slot="complaint-ticket" data-ar-part="card" data-status={ticket.status} data-ticket-id={ticket.id}>
      <div data-slot="complaint-ticket-header">
        <Heading id={`${id}-title`} data-slot="complaint-ticket-title">
          {t(`complaints.kinds.${ticket.kind}.label`)}
        </Heading>
        <span data-slot="complaint-ticket-status" data-ar-part="status-chip" data-status={ticket.status}>
          {t(`complaints.tickets.status.${ticket.status}`)}
        </span>
      </div>
      <p data-slot="complaint-ticket-meta" data-ar-part="muted" data-ar-variant="small">
        <span>{t('complaints.tickets.ticket', { id: ticket.id })}</span> · <span>{t('complaints.tickets.received', { date: received })}</span>
      </p>
      {ticket.subject?.label ? <p data-slot="complaint-ticket-subject">{t('complaints.subject', { label: ticket.subject.label })}</p> : null}
      {closed ? null : (
        <p data-slot="complaint-ticket-due" data-overdue={ticket.daysLeft < 0 ? '' : undefined}>
          {t('complaints.tickets.due', { date: formatCalendarDate(ticket.dueDate, locale) })} ·{' '}
          {ticket.daysLeft > 0
            ? t('complaints.tickets.daysLeft', { count: ticket.daysLeft })
            : ticket.daysLeft === 0
              ? t('complaints.tickets.dueToday')
              : t('complaints.tickets.overdue', { count: -ticket.daysLeft })}
        </p>
      )}
      {ticket.status === 'answered' && ticket.result ? (
        <div data-slot="complaint-ticket-result">
          <p data-slot="complaint-ticket-result-title">{t('complaints.tickets.result')}</p>
          <p>{ticket.result}</p>
        </div>
      ) : null}
      {ticket.status === 'refused' && ticket.refusal ? (
        <Refusal ticket={ticket} t={t} received={received} />
      ) : null}
      {closed ? <ExternalChannel t={t} id={id} headingLevel={(headingLevel + 2) as 4 | 5} /> : null}
    </li>
  );
}

function Refusal({ ticket, t, received }: { ticket: ComplaintTicket; t: Translate; received: string }) {
  const [printing, setPrinting] = useState(false);
  const reasons = ticket.refusal?.reasons ?? [];
  const reasonList = (
    <ul data-slot="complaint-refusal-reasons">
      {reasons.map((reason, index) => (
        <li key={index}>{reason}</li>
      ))}
    </ul>
  );
  if (!inWriting(ticket)) {
    return (
      <div data-slot="complaint-refusal">
        <p data-slot="complaint-refusal-title">{t('complaints.refusal.reasons')}</p>
        {reasonList}
        {ticket.refusal?.remedy ? <p data-slot="complaint-refusal-remedy">{ticket.refusal.remedy}</p> : null}
      </div>
    );
  }
  const title = t('complaints.refusal.noticeTitle');
  const body = t('complaints.refusal.noticeBody', { date: received, id: ticket.id });
  const print = () => {
    setPrinting(true);
    // The print stylesheet shows only the notice marked as printing.
    requestAnimationFrame(() => {
      window.print();
      setPrinting(false);
    });
  };
  const save = () => {
    const text = [title, '', body, ...reasons.map((reason) => `- ${reason}`), ...(ticket.refusal?.remedy ? ['', ticket.refusal.remedy] : []), '', t('complaints.refusal.noticeKeep')].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${title}-${ticket.id}.txt`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <article data-slot="complaint-refusal-notice" data-printing={printing ? '' : undefined} aria-label={title}>
      <p data-slot="complaint-refusal-title">{title}</p>
      <p>{body}</p>
      {reasonList}
      {ticket.refusal?.remedy ? <p data-slot="complaint-refusal-remedy">{ticket.refusal.remedy}</p> : null}
      <p data-slot="complaint-refusal-keep">{t('complaints.refusal.noticeKeep')}</p>
      <div data-slot="complaint-refusal-actions">
        <button type="button" data-slot="complaint-refusal-print" data-ar-part="button" onClick={print}>
          {t('complaints.refusal.print')}
        </button>
        <button type="button" data-slot="complaint-refusal-save" data-ar-part="button" onClick={save}>
          {t('complaints.refusal.save')}
        </button>
      </div>
    </article>
  );
}
