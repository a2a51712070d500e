import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  AgreementConsent,
  ConsentSettings,
  RIGHTS_LOCALES,
  RightsProvider,
  SeparateConsent,
  createMemoryConsentAdapter,
  createMemoryOutboxAdapter,
  withAdapterFaults,
  type SeparateConsentPurpose,
  type StoredConsentReceipt,
} from '../../index.js';
import { SUBJECT_ID, childrenRules, consentDocuments, generativeAgreement, separateRequest, storedReceipt, updatedPrivacyRules } from './story-content.js';
import { demoLocale, localeOf, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { inPage } from '../../../stories/support/queries.js';

const HOUR = 60 * 60 * 1000;
const memory = (initial?: readonly StoredConsentReceipt[]) => () => ({ consent: createMemoryConsentAdapter(initial ? { initial } : {}) });
const failing = (initial?: readonly StoredConsentReceipt[]) => () => ({
  consent: withAdapterFaults(createMemoryConsentAdapter(initial ? { initial } : {}), { reject: ['record'] }),
});
const ago = (milliseconds: number) => new Date(Date.now() - milliseconds).toISOString();

const meta = {
  title: 'Components/AgreementConsent',
  component: AgreementConsent,
  parameters: {
    docs: {
      description: {
        component:
          'The service agreement and the privacy rules as separate, versioned documents, and separate consents one purpose at a time. ' +
          '**GENAI 9**: 与使用者签订服务协议. **PIPL 14–17**: informed, voluntary, explicit; withdrawal as easy as giving; new consent when purposes change; ' +
          'no refusing service for declining what it does not need. **PIPL 23, 25, 29, 39; DS 14; 网络数据安全管理条例 62(7)**: 单独同意. ' +
          '**PIPL 31**: a guardian consents under 14. **网络数据安全管理条例 22(5)**: no re-asking within the quiet period (48 h by default). ' +
          '**GENAI 10, LBL 8**: audience and uses, and how AI content is labelled. Every event is recorded as a receipt with the SHA-256 of the text shown. ' +
          'These stories keep receipts in memory.',
      },
    },
    rights: { adapters: memory() },
  },
  args: { documents: [], subjectId: SUBJECT_ID },
  render: (args, { globals }) => <AgreementConsent {...args} documents={consentDocuments(localeOf(globals))} />,
} satisfies Meta<typeof AgreementConsent>;

export default meta;
type Story = StoryObj<typeof meta>;

/** First launch: both documents, the checkbox unticked, 同意 disabled until ticked, 不同意 as prominent; agreeing stores the receipts. */
export const FirstLaunch: Story = {
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const page = inPage(canvasElement);
    const dialog = await page.findByRole('dialog');
    const [agreement, privacy] = consentDocuments(localeOf(globals));
    await expect(within(dialog).getByRole('region', { name: m.documentText.replace('{{title}}', agreement.title) })).toBeVisible();
    await expect(within(dialog).getByRole('region', { name: m.documentText.replace('{{title}}', privacy.title) })).toBeVisible();
    const checkbox = within(dialog).getByRole('checkbox');
    await expect(checkbox).not.toBeChecked();
    await expect(within(dialog).getByRole('button', { name: m.agreement.agree })).toBeDisabled();
    await expect(within(dialog).getByRole('button', { name: m.agreement.decline })).toBeEnabled();
    await userEvent.click(checkbox);
    await userEvent.click(within(dialog).getByRole('button', { name: m.agreement.agree }));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="agreement-consent"]')).toHaveAttribute('data-value', 'agreed'));
    await expect(page.queryByRole('dialog')).toBeNull();
  }),
};

/** A new version of the privacy rules adds a kind of data (PIPL 14): the platform's summary of the change, and consent is asked again. */
export const NewVersion: Story = {
  parameters: {
    rights: { adapters: (locale: string) => memory(consentDocuments(localeOf({ locale })).map((document) => storedReceipt(document, 'given', '2026-11-02T01:00:00.000Z')))() },
  },
  render: (args, { globals }) => <AgreementConsent {...args} documents={[consentDocuments(localeOf(globals))[0], updatedPrivacyRules(localeOf(globals), 'consent')]} />,
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const dialog = await inPage(canvasElement).findByRole('dialog');
    await expect(within(dialog).getByText(updatedPrivacyRules(localeOf(globals), 'consent').change?.summary ?? '')).toBeVisible();
    await expect(within(dialog).getByText(m.agreement.renewNote)).toBeVisible();
    await expect(within(dialog).getByRole('checkbox')).not.toBeChecked();
    // Only the changed document is shown again; the agreement the user already accepted stands.
    await expect(within(dialog).queryByRole('region', { name: m.documentText.replace('{{title}}', consentDocuments(localeOf(globals))[0].title) })).toBeNull();
  }),
};

/** A new version whose change is a notice (PIPL 17): the summary, and one acknowledgement; the consent stands. */
export const NoticeOfChange: Story = {
  parameters: NewVersion.parameters,
  render: (args, { globals }) => <AgreementConsent {...args} documents={[consentDocuments(localeOf(globals))[0], updatedPrivacyRules(localeOf(globals), 'notice')]} />,
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const dialog = await inPage(canvasElement).findByRole('dialog');
    await expect(within(dialog).getByText(m.agreement.noticeNote)).toBeVisible();
    await expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: m.agreement.acknowledge }));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="agreement-consent"]')).toHaveAttribute('data-value', 'agreed'));
  }),
};

/** Declined an hour ago: within the quiet period the kit does not ask (网络数据安全管理条例 22(5)); the user may open it themselves. */
export const DeclinedQuietPeriod: Story = {
  parameters: {
    rights: { adapters: (locale: string) => memory(consentDocuments(localeOf({ locale })).map((document) => storedReceipt(document, 'declined', ago(HOUR))))() },
  },
  play: playOnRequest(async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals.locale).consent;
    await expect(await canvas.findByRole('button', { name: m.agreement.reopen })).toBeVisible();
    await expect(inPage(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="agreement-consent-declined"]')).toHaveTextContent('48');
  }),
};

/** The receipt cannot be stored: the screen says so, keeps the tick, and offers to sync now. */
export const FailedRecord: Story = {
  parameters: { rights: { adapters: failing() } },
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const dialog = await inPage(canvasElement).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: m.agreement.agree }));
    await expect(await within(dialog).findByText(m.agreement.pending)).toBeVisible();
    await expect(within(dialog).getByRole('checkbox')).toBeChecked();
    await expect(within(dialog).getByRole('button', { name: m.retryNow })).toBeVisible();
  }),
};

/** Under 14 (an age from the platform, or minor mode): a guardian reads and agrees, the children's rules among the documents (PIPL 31). */
export const GuardianConsent: Story = {
  render: (args, { globals }) => <AgreementConsent {...args} documents={consentDocuments(localeOf(globals))} age={11} childrenRules={childrenRules(localeOf(globals))} />,
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const dialog = await inPage(canvasElement).findByRole('dialog', { name: m.agreement.guardianTitle });
    await expect(within(dialog).getByRole('region', { name: m.documentText.replace('{{title}}', childrenRules(localeOf(globals)).title) })).toBeVisible();
    const checkbox = within(dialog).getByRole('checkbox');
    await expect(checkbox).toHaveAccessibleName(new RegExp(m.agreement.checkGuardian.split('{{documents}}')[0] ?? ''));
    await userEvent.click(checkbox);
    await userEvent.click(within(dialog).getByRole('button', { name: m.agreement.agree }));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="agreement-consent"]')).toHaveAttribute('data-value', 'agreed'));
  }),
};

/** A generative service: who it is for and its uses (GENAI 10), and how AI content is labelled (LBL 8), inside the agreement. */
export const GenerativeService: Story = {
  args: { presentation: 'inline' },
  render: (args, { globals }) => <AgreementConsent {...args} documents={[generativeAgreement(localeOf(globals)), consentDocuments(localeOf(globals))[1]]} />,
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale).consent;
    await expect(await canvas.findByRole('heading', { name: m.agreement.audience })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: m.agreement.labelling })).toBeVisible();
  }),
};

function separateStory(purpose: SeparateConsentPurpose, check: (context: { canvas: ReturnType<typeof within>; locale: ReturnType<typeof localeOf> }) => Promise<void>): Story {
  return {
    render: (_, { globals }) => <SeparateConsent request={separateRequest(localeOf(globals), purpose)} subjectId={SUBJECT_ID} />,
    play: playOnRequest(async ({ canvas, userEvent, globals }) => {
      const m = messagesFor(globals.locale).consent;
      const locale = localeOf(globals);
      await expect(await canvas.findByText(separateRequest(locale, purpose).purposeText)).toBeVisible();
      await expect(canvas.getByText(m.separate.badge)).toBeVisible();
      const checkbox = canvas.getByRole('checkbox', { name: m.separate.check.replace('{{purpose}}', m.separate.purposes[purpose]) });
      await expect(checkbox).not.toBeChecked();
      await expect(canvas.getByRole('button', { name: m.separate.agree })).toBeDisabled();
      await check({ canvas, locale });
      await userEvent.click(canvas.getByRole('button', { name: m.separate.decline }));
      await expect(await canvas.findByText(m.separate.declined.replace('{{hours}}', '48'))).toBeVisible();
    }),
  };
}

/** Sensitive personal information (PIPL 29–30): the purpose, the data, why it is necessary and its impact. */
export const SeparateSensitive = separateStory('sensitive', async ({ canvas, locale }) => {
  await expect(canvas.getByText(separateRequest(locale, 'sensitive').data)).toBeVisible();
});

/** Sharing with a third party (PIPL 23): the recipient and how to reach it. */
export const SeparateThirdParty = separateStory('third-party', async ({ canvas, locale }) => {
  await expect(canvas.getByText(separateRequest(locale, 'third-party').recipient?.name ?? '')).toBeVisible();
});

/** Publishing (PIPL 25). */
export const SeparatePublishing = separateStory('publishing', async ({ canvas, locale }) => {
  await expect(canvas.getByText(separateRequest(locale, 'publishing').necessity)).toBeVisible();
});

/** Cross-border transfer (PIPL 39): the foreign recipient, its country, and how to exercise rights with it. */
export const SeparateCrossBorder = separateStory('cross-border', async ({ canvas, locale }) => {
  const recipient = separateRequest(locale, 'cross-border').recipient;
  await expect(canvas.getByText(recipient?.country ?? '')).toBeVisible();
  await expect(canvas.getByText(recipient?.rights ?? '')).toBeVisible();
});

/** Editing a person's face or voice (DS 14): 同意 also needs the confirmation that the person edited was informed and consented. */
export const SeparateFaceOrVoice: Story = {
  render: (_, { globals }) => <SeparateConsent request={separateRequest(localeOf(globals), 'face-voice-editing')} subjectId={SUBJECT_ID} />,
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const agree = await canvas.findByRole('button', { name: m.separate.agree });
    await userEvent.click(canvas.getByRole('checkbox', { name: m.separate.check.replace('{{purpose}}', m.separate.purposes['face-voice-editing']) }));
    await expect(agree).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: m.separate.informedCheck }));
    await userEvent.click(agree);
    await expect(await canvas.findByText(m.separate.given)).toBeVisible();
  }),
};

const agreedEarlier = (locale: string) =>
  [...consentDocuments(localeOf({ locale })), separateRequest(localeOf({ locale }), 'third-party')].map((document) => storedReceipt(document, 'given', '2026-11-02T01:00:00.000Z'));

/** What the user agreed to, with versions, dates and receipts to read and save. */
export const Settings: Story = {
  parameters: { rights: { adapters: (locale: string) => memory(agreedEarlier(locale))() } },
  render: (_, { globals }) => (
    <ConsentSettings documents={[...consentDocuments(localeOf(globals)), separateRequest(localeOf(globals), 'third-party')]} subjectId={SUBJECT_ID} />
  ),
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const [agreement] = consentDocuments(localeOf(globals));
    const row = await canvas.findByRole('listitem', { name: agreement.title });
    await expect(within(row).getByText(m.settings.status.given)).toBeVisible();
    await userEvent.click(within(row).getByText(m.settings.receiptsTitle));
    await expect(within(row).getByText(storedReceipt(agreement, 'given', '').textSha256)).toBeVisible();
    await expect(within(row).getByRole('button', { name: m.settings.save })).toBeVisible();
  }),
};

/** Withdrawing while the backend cannot be reached: in effect at once, kept on this device and retried (protective). */
export const WithdrawalPending: Story = {
  parameters: { rights: { adapters: (locale: string) => failing(agreedEarlier(locale))() } },
  render: Settings.render,
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale).consent;
    const request = separateRequest(localeOf(globals), 'third-party');
    const row = await canvas.findByRole('listitem', { name: request.title });
    await userEvent.click(within(row).getByRole('button', { name: m.settings.withdraw }));
    await userEvent.click(within(row).getByRole('button', { name: m.settings.confirm }));
    await expect(await within(row).findByText(m.settings.status.withdrawn)).toBeVisible();
    await expect(await within(row).findByText(m.settings.withdrawSyncing)).toBeVisible();
    await expect(canvas.getByRole('button', { name: m.retryNow })).toBeVisible();
  }),
};

/** The three story languages, whose sample documents differ (zh-HK would repeat zh-TW's titles). */
const STORY_LOCALES = RIGHTS_LOCALES.filter((locale) => locale !== 'zh-HK');

/** The agreement in place in zh-CN, zh-TW and en: the same documents, checkbox and buttons, in each language's words. */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {STORY_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider locale={locale} adapters={{ consent: createMemoryConsentAdapter(), outbox: createMemoryOutboxAdapter() }}>
            <AgreementConsent documents={consentDocuments(demoLocale(locale))} subjectId={SUBJECT_ID} presentation="inline" />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of STORY_LOCALES) {
      const m = messagesFor(locale).consent;
      const section = within(localeSection(canvasElement, locale));
      await expect(await section.findByRole('heading', { name: m.agreement.title })).toBeVisible();
      await expect(section.getByRole('checkbox')).not.toBeChecked();
      await expect(section.getByRole('button', { name: m.agreement.decline })).toBeEnabled();
    }
  }),
};
