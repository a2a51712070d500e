import { forwardRef, useEffect, useId, useRef, type ComponentPropsWithoutRef, type FormEvent } from 'react';
import { complaintsMessages } from './messages.js';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes, RightsStatus } from '../../kernel/ui/rights-status.js';
import { ExternalChannel, formatBytes, formatCalendarDate, formatTypes } from './complaint-parts.js';
import { useComplaintForm, type UseComplaintFormOptions } from './use-complaints.js';

const NAME = 'ComplaintForm';

export interface ComplaintFormProps extends UseComplaintFormOptions, Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  /**
   * How the result reaches the user, said before they submit (ALG 22: 反馈): `in-app` (messages in the
   * app and the tickets list) or `contact` (the contact details they give). Default: `in-app`.
   */
  feedbackChannel?: 'in-app' | 'contact';
  /** The heading level of the form's sections. Default: 3. */
  headingLevel?: 3 | 4;
}

/**
 * One complaint form (ALG 22, GENAI 15, DS 12): the kinds, the process (受理 → 处理 → 反馈) and the
 * feedback deadline in working days before submitting, how the result reaches the user, the text with
 * its limit and counter, optional contact and screenshots, and the external channel. The draft is kept
 * on this device until submitted or discarded; a submission waits in the outbox until the adapter
 * returns its ticket.
 *
 * @selector [data-slot="complaint-form"][data-value="editing" | "pending" | "submitted"] where the complaint stands
 * @selector [data-slot="complaint-form-kind"][data-state="checked" | "unchecked"] one kind, a list cell
 * @selector [data-slot="complaint-form-ticket"] the ticket once issued
 */
export const ComplaintForm = forwardRef<HTMLFormElement, ComplaintFormProps>(function ComplaintForm(props, ref) {
  const {
    form,
    subject,
    kinds,
    defaultKind,
    maxLength,
    textOptional,
    attachments,
    complainant,
    deadlines,
    calendar,
    now,
    onSubmitted,
    feedbackChannel = 'in-app',
    headingLevel = 3,
    ...formProps
  } = props;
  const { t, locale } = useRightsTranslation(NAME, complaintsMessages);
  const state = useComplaintForm({ form, subject, kinds, defaultKind, maxLength, textOptional, attachments, complainant, deadlines, calendar, now, onSubmitted });
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const ticketRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { phase } = state;
  // The confirmation replaces the button that had focus: focus follows it.
  const previous = useRef(phase);
  useEffect(() => {
    if (previous.current !== phase && phase !== 'editing') {
      ticketRef.current?.focus();
    }
    previous.current = phase;
  }, [phase]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!state.submit() && state.draft.kind !== null) {
      textRef.current?.focus();
    }
  };
  const limits = state.attachmentLimits;

  return (
    <form
      data-slot="complaint-form"
      data-ar-part="root"
      data-ar-variant="flush-paragraphs"
      {...contractAttributes({ load: state.draftsLoad, syncPending: phase === 'pending', failure: state.failure })}
      data-value={phase}
      noValidate
      {...formProps}
      ref={ref}
      onSubmit={onSubmit}
    >
      {subject ? (
        <p data-slot="complaint-form-subject">
          {subject.label ? t('complaints.subject', { label: subject.label }) : t('complaints.subjectId', { id: subject.id })}
        </p>
      ) : null}

      {phase === 'editing' ? (
        <>
          <fieldset data-slot="complaint-form-kinds">
            <legend data-slot="complaint-form-legend">{t('complaints.kindsLabel')}</legend>
            {state.kinds.map((kind) => (
              <label key={kind} data-slot="complaint-form-kind" data-state={state.draft.kind === kind ? 'checked' : 'unchecked'}>
                <input type="radio" name={`${id}-kind`} value={kind} checked={state.draft.kind === kind} onChange={() => state.setKind(kind)} aria-labelledby={`${id}-${kind}-label`} aria-describedby={`${id}-${kind}`} />
                <span id={`${id}-${kind}-label`} data-slot="complaint-form-kind-label">
                  {t(`complaints.kinds.${kind}.label`)}
                </span>
                <span id={`${id}-${kind}`} data-slot="complaint-form-kind-description">
                  {t(`complaints.kinds.${kind}.description`)}
                </span>
              </label>
            ))}
          </fieldset>

          <div data-slot="complaint-form-process">
            <Heading id={`${id}-process`} data-slot="complaint-form-process-title">
              {t('complaints.processTitle')}
            </Heading>
            <ol data-slot="complaint-form-steps">
              {(['received', 'processing', 'answered'] as const).map((step) => (
                <li key={step} data-slot="complaint-form-step">
                  {t(`complaints.steps.${step}`)}
                </li>
              ))}
            </ol>
            <p data-slot="complaint-form-deadline">{t('complaints.deadline', { count: state.deadlineDays })}</p>
            <p data-slot="complaint-form-deadline-note" data-ar-part="muted" data-ar-variant="small">{t('complaints.deadlineNote')}</p>
            <p data-slot="complaint-form-channel">{t(feedbackChannel === 'contact' ? 'complaints.channel.contact' : 'complaints.channel.inApp')}</p>
          </div>

          {state.asksComplainant ? (
            <fieldset data-slot="complaint-form-complainant">
              <legend data-slot="complaint-form-legend">{t('complaints.complainant.label')}</legend>
              {(['user', 'minor', 'guardian'] as const).map((who) => (
                <label key={who} data-slot="complaint-form-kind" data-state={state.draft.complainant === who ? 'checked' : 'unchecked'}>
                  <input type="radio" name={`${id}-complainant`} value={who} checked={state.draft.complainant === who} onChange={() => state.setComplainant(who)} />
                  <span data-slot="complaint-form-kind-label">{t(`complaints.complainant.${who}`)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}

          <div data-slot="complaint-form-field">
            <label htmlFor={`${id}-text`} data-slot="complaint-form-label">
              {t(state.textOptional ? 'complaints.text.labelOptional' : 'complaints.text.label')}
            </label>
            <textarea
              id={`${id}-text`}
              ref={textRef}
              data-slot="complaint-form-text"
              rows={4}
              maxLength={state.maxLength}
              value={state.draft.text}
              required={!state.textOptional}
              aria-invalid={state.textMissing ? true : undefined}
              aria-describedby={`${id}-counter${state.textMissing ? ` ${id}-text-error` : ''}`}
              onChange={(event) => state.setText(event.currentTarget.value)}
            />
            <span id={`${id}-counter`} data-slot="complaint-form-counter" data-ar-part="muted" data-ar-variant="small">
              {t('complaints.text.counter', { count: state.draft.text.length, max: state.maxLength })}
            </span>
            {state.textMissing ? (
              <p id={`${id}-text-error`} role="alert" data-slot="complaint-form-text-error">
                {t('complaints.text.required')}
              </p>
            ) : null}
          </div>

          <div data-slot="complaint-form-field">
            <label htmlFor={`${id}-contact`} data-slot="complaint-form-label">
              {t('complaints.contact.label')}
            </label>
            <input
              id={`${id}-contact`}
              data-slot="complaint-form-contact"
              type="text"
              autoComplete="tel"
              value={state.draft.contact}
              maxLength={200}
              aria-describedby={`${id}-contact-hint`}
              onChange={(event) => state.setContact(event.currentTarget.value)}
            />
            <span id={`${id}-contact-hint`} data-slot="complaint-form-hint" data-ar-part="muted" data-ar-variant="small">
              {t('complaints.contact.hint')}
            </span>
          </div>

          {limits ? (
            <div data-slot="complaint-form-field" role="group" aria-labelledby={`${id}-attachments`}>
              <span id={`${id}-attachments`} data-slot="complaint-form-label">
                {t('complaints.attachments.label')}
              </span>
              <span id={`${id}-attachments-hint`} data-slot="complaint-form-hint" data-ar-part="muted" data-ar-variant="small">
                {t('complaints.attachments.hint', { count: limits.maxCount, size: formatBytes(limits.maxBytes, locale), types: formatTypes(limits.types, locale) })}
              </span>
              <ul data-slot="complaint-form-attachments">
                {state.draft.attachments.map((attachment) => (
                  <li key={attachment.id} data-slot="complaint-form-attachment">
                    <bdi>{attachment.name}</bdi>
                    <button type="button" data-slot="complaint-form-attachment-remove" data-ar-part="button" data-ar-variant="quiet" onClick={() => state.removeAttachment(attachment.id)}>
                      {t('complaints.attachments.remove', { name: attachment.name })}
                    </button>
                  </li>
                ))}
              </ul>
              {state.draft.attachments.length < limits.maxCount ? (
                <label data-slot="complaint-form-attach" data-ar-part="button">
                  <input
                    type="file"
                    data-slot="complaint-form-file"
                    accept={limits.types.join(',')}
                    multiple
                    aria-describedby={`${id}-attachments-hint`}
                    onChange={(event) => {
                      const input = event.currentTarget;
                      void state.addFiles([...(input.files ?? [])]).finally(() => {
                        input.value = '';
                      });
                    }}
                  />
                  {t('complaints.attachments.add')}
                </label>
              ) : null}
              {state.uploading.map((name) => (
                <p key={name} role="status" data-slot="complaint-form-uploading">
                  {t('complaints.attachments.uploading', { name })}
                </p>
              ))}
              {state.rejections.length > 0 ? (
                <div role="alert" data-slot="complaint-form-rejections">
                  {state.rejections.map((rejection) => (
                    <p key={rejection.name} data-slot="complaint-form-rejection" data-reason={rejection.reason}>
                      {t(`complaints.attachments.rejected.${rejection.reason}`, {
                        name: rejection.name,
                        size: formatBytes(limits.maxBytes, locale),
                        types: formatTypes(limits.types, locale),
                        count: limits.maxCount,
                      })}
                    </p>
                  ))}
                </div>
              ) : null}
            </div>
          ) : null}

          <div data-slot="complaint-form-actions">
            <button type="submit" data-slot="complaint-form-submit" data-ar-part="button" data-ar-variant="primary" disabled={state.draft.kind === null}>
              {t('complaints.submit')}
            </button>
            {state.hasDraft ? (
              <>
                <p data-slot="complaint-form-draft-kept">{t('complaints.draftKept')}</p>
                <button type="button" data-slot="complaint-form-discard" data-ar-part="button" data-ar-variant="quiet" onClick={state.discard}>
                  {t('complaints.discard')}
                </button>
              </>
            ) : null}
          </div>
        </>
      ) : null}

      {phase === 'pending' ? (
        <div data-slot="complaint-form-pending" tabIndex={-1} ref={ticketRef}>
          <p>{state.sending ? t('complaints.submitting') : t('complaints.pending')}</p>
        </div>
      ) : null}

      {phase === 'submitted' && state.ticket ? (
        <div data-slot="complaint-form-ticket" tabIndex={-1} ref={ticketRef}>
          <p data-slot="complaint-form-ticket-title">{t('complaints.submitted.title', { id: state.ticket.id })}</p>
          <p data-slot="complaint-form-ticket-due">
            {t('complaints.submitted.due', { date: formatCalendarDate(state.ticket.dueDate, locale), count: Math.max(0, state.ticket.daysLeft) })}
          </p>
          <button type="button" data-slot="complaint-form-another" data-ar-part="button" onClick={state.startNew}>
            {t('complaints.submitted.another')}
          </button>
        </div>
      ) : null}

      <RightsStatus
        slot="complaint-form"
        loading={null}
        syncPending={null}
        canRetry={phase === 'pending' && !state.sending}
        retryLabel={t('complaints.retryNow')}
        onRetry={state.retry}
        failure={state.failure && state.failure.action !== 'load' ? failureMessage(t, 'complaints', state.failure) : null}
        onDismiss={state.dismissFailure}
        dismissLabel={t('complaints.dismiss')}
      />

      <ExternalChannel t={t} id={id} headingLevel={headingLevel} />
    </form>
  );
});
ComplaintForm.displayName = NAME;
