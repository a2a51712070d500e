import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { complaintCenterMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { ComplaintForm, type ComplaintFormProps } from './complaint-form.js';
import { ComplaintTickets } from './complaint-tickets.js';

const NAME = 'ComplaintCenter';

export interface ComplaintCenterProps
  extends Omit<ComplaintFormProps, 'form' | 'headingLevel' | keyof ComponentPropsWithoutRef<'form'>>,
    Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading level of the center's title. Default: 2. */
  headingLevel?: 2 | 3;
}

/**
 * The complaint center for settings (ALG 22, GENAI 15, DS 12): the form, with its process, deadline and
 * the external channel, and the user's tickets with their status, due date and result.
 *
 * @selector [data-slot="complaint-center"] the root
 */
export const ComplaintCenter = forwardRef<HTMLElement, ComplaintCenterProps>(function ComplaintCenter(props, ref) {
  const {
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
    feedbackChannel,
    headingLevel = 2,
    ...rootProps
  } = props;
  const { t } = useRightsTranslation(NAME, complaintCenterMessages);
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section data-slot="complaint-center" data-ar-part="root" data-ar-variant="flush-paragraphs" aria-labelledby={`${id}-title`} {...rootProps} ref={ref}>
      <Heading id={`${id}-title`} data-slot="complaint-center-title">
        {t('complaintCenter.title')}
      </Heading>
      <p data-slot="complaint-center-description" data-ar-part="muted" data-ar-variant="small">{t('complaintCenter.description')}</p>
      <section data-slot="complaint-center-form" aria-labelledby={`${id}-form`}>
        <Sub id={`${id}-form`} data-slot="complaint-center-form-title">
          {t('complaintCenter.formTitle')}
        </Sub>
        <ComplaintForm
          form="center"
          subject={subject}
          kinds={kinds}
          defaultKind={defaultKind}
          maxLength={maxLength}
          textOptional={textOptional}
          attachments={attachments}
          complainant={complainant}
          deadlines={deadlines}
          calendar={calendar}
          now={now}
          onSubmitted={onSubmitted}
          feedbackChannel={feedbackChannel}
          headingLevel={(headingLevel + 2) as 3 | 4}
        />
      </section>
      <ComplaintTickets deadlines={deadlines} calendar={calendar} now={now} headingLevel={(headingLevel + 1) as 3 | 4} />
    </section>
  );
});
ComplaintCenter.displayName = NAME;
