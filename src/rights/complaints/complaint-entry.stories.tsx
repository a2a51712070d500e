import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  AlgorithmDisclosure,
  COMPLAINT_KINDS,
  ComplaintCenter,
  RIGHTS_LOCALES,
  ReportButton,
  RightsProvider,
  createMemoryComplaintDraftsAdapter,
  createMemoryComplaintsAdapter,
  createMemoryOutboxAdapter,
  withAdapterFaults,
  type ComplaintTicket,
} from '../../index.js';
import { disclosure } from '../../../stories/support/demo-content.js';
import { localeOf, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { inPage } from '../../../stories/support/queries.js';
import { NOW, emptyDraftFor, itemLabel, sampleTickets } from './story-content.js';

const complaintAdapters = (initial: readonly ComplaintTicket[] = []) => () => ({
  complaints: createMemoryComplaintsAdapter({ now: () => NOW, initial }),
  complaintDrafts: createMemoryComplaintDraftsAdapter(),
});

const meta = {
  title: 'Components/ComplaintEntry',
  component: ComplaintCenter,
  parameters: {
    docs: {
      description: {
        component:
          'The complaint entry. **ALG 22**: 设置便捷有效的用户申诉和公众投诉、举报入口，明确处理流程和反馈时限，及时受理、处理并反馈处理结果. ' +
          '**GENAI 15, DS 12**: the same, publishing the process and the deadline. **PIPL 50**: a refusal gives reasons. ' +
          '**MIN 34**: a refusal to a minor or guardian in writing. **ALG 30, MIN 8**: the external channel, 12377. ' +
          'Deadlines count working days in the PRC calendar with its make-up working days (调休); the kit’s ceiling is 15 working days for every kind. ' +
          'These stories keep complaints in memory: a complaint kept on the device reaches nobody.',
      },
    },
    rights: { adapters: complaintAdapters() },
  },
  args: { now: NOW },
} satisfies Meta<typeof ComplaintCenter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ALG 22 (便捷): 举报 on an item, with the item and the kind prefilled: two activations to a ticket, due in working days. */
export const ReportFromItem: Story = {
  render: (_, { globals }) => (
    <article style={{ display: 'grid', gap: 8 }}>
      <p>{itemLabel(localeOf(globals))}</p>
      <ReportButton itemId="item-7" itemLabel={itemLabel(localeOf(globals))} now={NOW} />
    </article>
  ),
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('button', { name: m.reportButton.triggerFor.replace('{{item}}', itemLabel(localeOf(globals))) }));
    const sheet = inPage(canvasElement).getByRole('dialog', { name: m.reportButton.title });
    await expect(within(sheet).getByRole('radio', { name: m.complaints.kinds['illegal-content'].label })).toBeChecked();
    await userEvent.click(within(sheet).getByRole('button', { name: m.complaints.submit }));
    const title = m.complaints.submitted.title.split('{{id}}')[0] ?? '';
    await expect(await within(sheet).findByText(new RegExp(title))).toBeVisible();
  }),
};

/** ALG 22 (明确处理流程和反馈时限): every kind, each with its deadline in working days shown before submitting. */
export const EachKind: Story = {
  args: { deadlines: { 'illegal-content': 3, 'unlabelled-ai': 3, minor: 5 } },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const days: Record<string, number> = { 'illegal-content': 3, 'unlabelled-ai': 3, minor: 5 };
    for (const kind of COMPLAINT_KINDS) {
      await userEvent.click(canvas.getByRole('radio', { name: m.complaints.kinds[kind].label }));
      const count = days[kind] ?? 15;
      const deadline = (count === 1 && 'deadline_one' in m.complaints ? (m.complaints as { deadline_one: string }).deadline_one : m.complaints.deadline_other).replace('{{count}}', String(count));
      await expect(canvas.getByText(deadline)).toBeVisible();
    }
    await expect(canvas.getByRole('link', { name: new RegExp(m.complaints.external.link) })).toHaveAttribute('href', 'https://www.12377.cn/');
  }),
};

/** Attachments with the platform's limits: a file over the limit gets a message naming it, and the other file stays. */
export const FileTooLarge: Story = {
  args: { attachments: { maxBytes: 1_000_000, maxCount: 3 } },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('radio', { name: m.complaints.kinds.appeal.label }));
    const small = new File(['small'], 'small.png', { type: 'image/png' });
    const large = new File([new Uint8Array(1_500_000)], 'large.png', { type: 'image/png' });
    const input = canvasElement.querySelector<HTMLInputElement>('[data-slot="complaint-form-file"]');
    await userEvent.upload(input as HTMLInputElement, [small, large]);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('large.png');
    await expect(alert).toHaveTextContent(/1/);
    await expect(await canvas.findByRole('button', { name: m.complaints.attachments.remove.replace('{{name}}', 'small.png') })).toBeVisible();
  }),
};

/** A draft survives a reload and a closed dialog: here the draft kept from an earlier visit, while the backend cannot be reached. */
export const OfflineDraftKept: Story = {
  parameters: {
    rights: {
      adapters: (locale: string) => {
        const drafts = createMemoryComplaintDraftsAdapter();
        void drafts.save({ center: emptyDraftFor(localeOf({ locale })) });
        return {
          complaints: withAdapterFaults(createMemoryComplaintsAdapter({ now: () => NOW }), { reject: ['submit', 'list'] }),
          complaintDrafts: drafts,
        };
      },
    },
  },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    // The draft is read from the device as the form mounts.
    await waitFor(() => expect(canvas.getByRole('textbox', { name: m.complaints.text.label })).toHaveValue(emptyDraftFor(localeOf(globals)).text));
    await expect(canvas.getByRole('radio', { name: m.complaints.kinds.recommendation.label })).toBeChecked();
    await expect(await canvas.findByText(m.complaints.failed.load)).toBeVisible();
  }),
};

/** submit-once: the backend fails, so the complaint waits in the outbox with its key; the form says it is waiting to send. */
export const PendingSubmission: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        complaints: withAdapterFaults(createMemoryComplaintsAdapter({ now: () => NOW }), { reject: ['submit'] }),
        complaintDrafts: createMemoryComplaintDraftsAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('radio', { name: m.complaints.kinds.recommendation.label }));
    await userEvent.type(canvas.getByRole('textbox', { name: m.complaints.text.label }), 'Same video again');
    await userEvent.click(canvas.getByRole('button', { name: m.complaints.submit }));
    await expect(await canvas.findByText(m.complaints.pending)).toBeVisible();
    await expect(canvas.getByRole('button', { name: m.complaints.retryNow })).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="complaint-form"]')).toHaveAttribute('data-sync-pending', '');
  }),
};

/** The user's tickets with each status (已受理 / 处理中 / 已反馈 / 不予受理), the due date and the working days left. */
export const TicketStatuses: Story = {
  parameters: { rights: { adapters: (locale: string) => complaintAdapters(sampleTickets(localeOf({ locale })))() } },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    const tickets = within(await canvas.findByRole('region', { name: m.complaints.tickets.title }));
    for (const status of ['received', 'processing', 'answered', 'refused'] as const) {
      await expect(await tickets.findByText(m.complaints.tickets.status[status])).toBeVisible();
    }
    // Received 2025-09-30, due 2025-10-28: 15 working days left on the day it was filed.
    await expect(tickets.getByText(new RegExp(m.complaints.tickets.daysLeft_other.replace('{{count}}', '15')))).toBeVisible();
  }),
};

/** PIPL 50 and MIN 34: a refusal gives its reasons, and to a guardian it also comes as a written notice to print or save. */
export const RefusalWithNotice: Story = {
  parameters: { rights: { adapters: (locale: string) => complaintAdapters(sampleTickets(localeOf({ locale })).filter((ticket) => ticket.status === 'refused'))() } },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    const refused = sampleTickets(localeOf(globals)).find((ticket) => ticket.status === 'refused');
    const notice = await canvas.findByRole('article', { name: m.complaints.refusal.noticeTitle });
    await expect(notice).toHaveTextContent(refused?.refusal?.reasons[0] ?? '');
    await expect(within(notice).getByRole('button', { name: m.complaints.refusal.print })).toBeVisible();
    await expect(within(notice).getByRole('button', { name: m.complaints.refusal.save })).toBeVisible();
    await expect(canvas.getAllByRole('link', { name: new RegExp(m.complaints.external.link) }).length).toBeGreaterThan(1);
  }),
};

/** ALG 22 from the disclosure: its dialog links to the complaint entry. */
export const FromDisclosure: Story = {
  render: (_, { globals }) => {
    const text = disclosure[localeOf(globals)];
    return <AlgorithmDisclosure principles={text.principles} purpose={text.purpose} mechanism={text.mechanism} filingStatus="in-progress" settingsHref="#settings" complaintsHref="#complaints" />;
  },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('button', { name: m.algorithmDisclosure.openDetails }));
    const dialog = inPage(canvasElement).getByRole('dialog', { name: m.algorithmDisclosure.title });
    await expect(within(dialog).getByRole('link', { name: m.algorithmDisclosure.complaintsLink })).toHaveAttribute('href', '#complaints');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(inPage(canvasElement).queryByRole('dialog')).toBeNull());
  }),
};

/** ALG 22 in each shipped locale: zh-CN with the statutory terms 申诉, 投诉, 举报. */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {RIGHTS_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider
            locale={locale}
            adapters={{ complaints: createMemoryComplaintsAdapter(), complaintDrafts: createMemoryComplaintDraftsAdapter(), outbox: createMemoryOutboxAdapter() }}
          >
            <ComplaintCenter headingLevel={3} now={NOW} kinds={['appeal', 'recommendation', 'illegal-content']} />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of RIGHTS_LOCALES) {
      const section = within(localeSection(canvasElement, locale));
      await expect(section.getByRole('heading', { name: messagesFor(locale).complaintCenter.title })).toBeVisible();
      await expect(section.getByRole('radio', { name: messagesFor(locale).complaints.kinds.appeal.label })).toBeVisible();
    }
  }),
};
