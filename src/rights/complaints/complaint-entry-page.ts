import type { Locator, Page } from '@playwright/test';
import type { ComplaintKind } from './core/model.js';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/** Where the complaint entry is: a `ReportButton` on an item (named by the item's label), or a `ComplaintCenter`. */
export interface ComplaintEntryPageOptions extends RightsPageOptions {
  /** The `itemLabel` of the `ReportButton` to use; without it, the first 举报 button, or the center when there is none. */
  itemLabel?: string;
  /** `report` for a `ReportButton` (default when `itemLabel` is given), `center` for a `ComplaintCenter`. */
  entry?: 'report' | 'center';
}

/**
 * A Playwright page object for the complaint entry, by role and rendered name.
 *
 * ```ts
 * const report = new ComplaintEntryPage(page, { locale: 'zh-CN', itemLabel: '街边小吃探店合集' });
 * await report.open();
 * await report.submit();
 * await expect(report.ticket).toContainText('工单号');
 * ```
 */
export class ComplaintEntryPage extends RightsPage {
  /** The 举报 button that opens the report sheet. */
  readonly reportButton: Locator;
  /** The report sheet (a dialog). */
  readonly sheet: Locator;
  /** The complaint center's region. */
  readonly center: Locator;
  /** The form in use: the report sheet's, or the center's. */
  readonly form: Locator;
  /** The confirmation with the ticket id and due date, once the adapter has returned the ticket. */
  readonly ticket: Locator;
  /** The feedback deadline shown before submitting. */
  readonly deadline: Locator;
  /** The note that the submission waits on this device to be sent. */
  readonly pending: Locator;
  /** The user's tickets. */
  readonly tickets: Locator;
  private readonly entry: 'report' | 'center';

  constructor(page: Page, options: ComplaintEntryPageOptions | string = {}) {
    super(page, options);
    const { itemLabel, entry } = typeof options === 'string' ? ({} as ComplaintEntryPageOptions) : options;
    this.entry = entry ?? (itemLabel ? 'report' : 'center');
    this.reportButton = itemLabel
      ? this.scope.getByRole('button', { name: this.text('reportButton.triggerFor', { item: itemLabel }), exact: true })
      : this.scope.getByRole('button', { name: this.text('reportButton.trigger'), exact: true }).first();
    this.sheet = page.getByRole('dialog', { name: this.text('reportButton.title'), exact: true });
    this.center = this.scope.getByRole('region', { name: this.text('complaintCenter.title'), exact: true });
    this.form = (this.entry === 'report' ? this.sheet : this.center).locator('[data-slot="complaint-form"]');
    this.ticket = this.form.locator('[data-slot="complaint-form-ticket"]');
    this.deadline = this.form.locator('[data-slot="complaint-form-deadline"]');
    this.pending = this.form.getByText(this.text('complaints.pending'), { exact: true });
    this.tickets = this.scope.getByRole('region', { name: this.text('complaints.tickets.title'), exact: true });
  }

  /** Opens the report sheet; the center is open already. */
  async open(): Promise<void> {
    if (this.entry === 'report') {
      await this.reportButton.click();
    }
  }

  /** Chooses the kind of complaint. */
  async choose(kind: ComplaintKind): Promise<void> {
    await this.form.getByRole('radio', { name: this.text(`complaints.kinds.${kind}.label`), exact: true }).check();
  }

  /** Types the description. */
  async fill(text: string): Promise<void> {
    await this.form.getByRole('textbox', { name: this.text('complaints.text.label') }).or(this.form.getByRole('textbox', { name: this.text('complaints.text.labelOptional') })).fill(text);
  }

  /** Presses 提交. */
  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: this.text('complaints.submit'), exact: true }).click();
  }

  /** The deadline's text for a deadline of `days` working days, as the form shows it. */
  deadlineText(days = 15): string {
    return this.text('complaints.deadline', { count: days });
  }

  /** One of the user's tickets, by its id. */
  ticketById(id: string): Locator {
    return this.tickets.locator(`[data-slot="complaint-ticket"][data-ticket-id="${id.replace(/["\\]/g, '\\$&')}"]`);
  }

  /** Tickets with one status, such as `refused`. */
  ticketsWithStatus(status: 'received' | 'processing' | 'answered' | 'refused'): Locator {
    return this.tickets.locator(`[data-slot="complaint-ticket"][data-status="${status}"]`);
  }

  /** The written notice of a refusal (MIN 34). */
  refusalNotice(): Locator {
    return this.tickets.getByRole('article', { name: this.text('complaints.refusal.noticeTitle'), exact: true });
  }
}
