import { Dialog } from 'radix-ui';
import { forwardRef, useState, type ComponentPropsWithoutRef } from 'react';
import type { ComplaintKind } from './core/model.js';
import { reportButtonMessages } from './messages.js';
import { useReportButton } from './use-complaints.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes } from '../../kernel/ui/rights-status.js';
import { assignRef, portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { usePresentation } from '../../kernel/ui/use-presentation.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';
import { ComplaintForm, type ComplaintFormProps } from './complaint-form.js';

const NAME = 'ReportButton';

/** The kinds a report from an item offers by default, the likeliest first. */
export const REPORT_KINDS: readonly ComplaintKind[] = ['illegal-content', 'unlabelled-ai', 'minor', 'recommendation', 'personal-information'];

export interface ReportButtonProps
  extends Omit<ComplaintFormProps, 'form' | 'subject' | 'headingLevel' | keyof ComponentPropsWithoutRef<'form'>>,
    Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The item reported; it is prefilled, so a report takes two taps: 举报, then 提交. */
  itemId: string;
  /** The item's title, shown in the form and naming the button (举报「…」). */
  itemLabel?: string;
  /** The kinds offered, in order. Default: {@link REPORT_KINDS}. */
  kinds?: readonly ComplaintKind[];
  /** The kind chosen when the form opens. Default: the first offered. */
  defaultKind?: ComplaintKind;
  /** `sheet` (a bottom sheet, as phone apps do), `dialog`, or `auto` (default): a sheet up to 600 px wide. */
  presentation?: 'sheet' | 'dialog' | 'auto';
  /** Where the sheet renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * 举报 on a recommended item (ALG 22, GENAI 15): opens the complaint form in a bottom sheet with the
 * item and the first kind already chosen, so a report takes two activations. Closing the sheet keeps
 * the draft; the ticket shows in the sheet once the adapter has returned it.
 *
 * @selector [data-slot="report-button"] the root
 * @selector [data-sync-pending] the report waits on this device to be sent
 * @selector [data-slot="report-button-trigger"] the 举报 button
 * @selector [data-slot="report-button-sheet"][data-presentation="sheet" | "dialog"] the form's overlay
 */
export const ReportButton = forwardRef<HTMLDivElement, ReportButtonProps>(function ReportButton(props, forwardedRef) {
  const {
    itemId,
    itemLabel,
    kinds = REPORT_KINDS,
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
    presentation = 'auto',
    container,
    ...rootProps
  } = props;
  const { t } = useRightsTranslation(NAME, reportButtonMessages);
  const phone = usePresentation('auto') === 'sheet';
  const shown: 'sheet' | 'dialog' = presentation === 'auto' ? (phone ? 'sheet' : 'dialog') : presentation;
  const [open, setOpen] = useState(false);
  // The report waits on this device while the sheet is closed too: the root says so.
  const { syncPending } = useReportButton(itemId);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const target = portalTarget(root, container);
  const setRefs = (node: HTMLDivElement | null) => {
    setRoot(node);
    assignRef(forwardedRef, node);
  };
  const sheet = (
    <RightsSheet
      slots={{
        overlay: 'report-button-overlay',
        content: 'report-button-sheet',
        header: 'report-button-header',
        title: 'report-button-title',
        close: 'report-button-close',
        body: 'report-button-body',
      }}
      target={target}
      presentation={shown}
      title={t('reportButton.title')}
      closeLabel={t('reportButton.close')}
      aria-describedby={undefined}
    >
      <ComplaintForm
        form={`item:${itemId}`}
        subject={{ id: itemId, ...(itemLabel ? { label: itemLabel } : {}) }}
        kinds={kinds}
        defaultKind={defaultKind ?? kinds[0]}
        maxLength={maxLength}
        textOptional={textOptional}
        attachments={attachments}
        complainant={complainant}
        deadlines={deadlines}
        calendar={calendar}
        now={now}
        onSubmitted={onSubmitted}
        feedbackChannel={feedbackChannel}
        headingLevel={3}
      />
    </RightsSheet>
  );
  return (
    <div data-slot="report-button" data-ar-part="root" {...contractAttributes({ load: 'ready', syncPending, failure: null })} {...rootProps} ref={setRefs}>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger data-slot="report-button-trigger" data-ar-part="button" aria-label={itemLabel ? t('reportButton.triggerFor', { item: itemLabel }) : undefined}>
          {t('reportButton.trigger')}
        </Dialog.Trigger>
        {sheet}
      </Dialog.Root>
    </div>
  );
});
ReportButton.displayName = NAME;
