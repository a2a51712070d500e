import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  AlgorithmDisclosure,
  RIGHTS_LOCALES,
  RightsProvider,
  WhyRecommended,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
} from '../../index.js';
import { FILING, SECOND_FILING, disclosure } from '../../../stories/support/demo-content.js';
import { demoLocale, localeOf, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { inPage } from '../../../stories/support/queries.js';
import { RecommendedFeed } from '../../../stories/support/recommended-feed.js';

const meta = {
  title: 'Components/AlgorithmDisclosure',
  component: AlgorithmDisclosure,
  parameters: {
    docs: {
      description: {
        component:
          'The algorithm-recommendation disclosure. **ALG 16**: 以显著方式告知用户其提供算法推荐服务的情况，并以适当方式公示算法推荐服务的基本原理、目的意图和主要运行机制. ' +
          '**ALG 26**: 在显著位置标明其备案编号并提供公示信息链接. **GENAI 10** (audience and uses) and **ALG 21** (fair pricing) are optional sections. ' +
          '`WhyRecommended` gives the per-item reasons (**ALG 12**; **DSA 26–27**).',
      },
    },
  },
  args: { principles: '', purpose: '', mechanism: '', filings: FILING },
  render: (args, { globals }) => {
    const text = disclosure[localeOf(globals)];
    return (
      <>
        <AlgorithmDisclosure
          {...args}
          principles={text.principles}
          purpose={text.purpose}
          mechanism={text.mechanism}
          filings={{ ...FILING, name: text.filingName }}
        />
        <RecommendedFeed locale={localeOf(globals)} feedback={false} />
      </>
    );
  },
} satisfies Meta<typeof AlgorithmDisclosure>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ALG 16, 26: the notice sits above recommended content with the filing number linked; the dialog has the three statutory sections and a way to act. Focus returns to the trigger on close. */
export const Default: Story = {
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByText(m.algorithmDisclosure.notice)).toBeVisible();
    await expect(canvas.getByRole('link', { name: new RegExp(FILING.number) })).toHaveAttribute('href', FILING.url);
    const trigger = canvas.getByRole('button', { name: m.algorithmDisclosure.openDetails });
    await userEvent.click(trigger);
    const dialog = inPage(canvasElement).getByRole('dialog', { name: m.algorithmDisclosure.title });
    for (const section of ['principles', 'purpose', 'mechanism'] as const) {
      await expect(within(dialog).getByRole('heading', { name: m.algorithmDisclosure.sections[section] })).toBeVisible();
    }
    await expect(within(dialog).getByRole('switch', { name: m.personalizationSwitch.label })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('switch', { name: m.personalizationSwitch.label }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(trigger).toHaveFocus());
    // What the user did in the dialog applied to the feed at once.
    await expect(canvas.getByTestId('feed-request')).toHaveTextContent('"personalized":false');
  }),
};

/** GENAI 10, ALG 21, ALG 26: a generative service lists its audience and uses, a fair-pricing statement, two filed algorithms, and links to its settings page. */
export const GenerativeService: Story = {
  args: { fairPricing: true, settingsHref: '#personalization-settings', defaultOpen: true },
  render: (args, { globals, viewMode }) => {
    const text = disclosure[localeOf(globals)];
    return (
      <AlgorithmDisclosure
        {...args}
        // Open as the story opens, but not on the docs page, where a modal dialog would block the page.
        defaultOpen={args.defaultOpen && viewMode !== 'docs'}
        principles={text.principles}
        purpose={text.purpose}
        mechanism={text.mechanism}
        audience={text.audience}
        filings={[
          { ...FILING, name: text.filingName },
          { ...SECOND_FILING, name: text.secondFilingName },
        ]}
      />
    );
  },
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const dialog = inPage(canvasElement).getByRole('dialog', { name: m.algorithmDisclosure.title });
    await expect(within(dialog).getByRole('heading', { name: m.algorithmDisclosure.sections.audience })).toBeVisible();
    await expect(within(dialog).getByText(m.algorithmDisclosure.fairPricingDefault)).toBeVisible();
    await expect(within(dialog).getAllByRole('link', { name: new RegExp('网信算备') })).toHaveLength(2);
    await expect(within(dialog).getByRole('link', { name: m.algorithmDisclosure.settingsLink })).toHaveAttribute('href', '#personalization-settings');
  }),
};

/** ALG 24–25: a provider in its filing period still discloses, and says the filing is being made; no number is shown or linked yet. */
export const InFilingPeriod: Story = {
  args: { filings: undefined, filingStatus: 'in-progress' },
  render: (args, { globals }) => {
    const text = disclosure[localeOf(globals)];
    return <AlgorithmDisclosure {...args} principles={text.principles} purpose={text.purpose} mechanism={text.mechanism} />;
  },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByText(m.algorithmDisclosure.notice)).toBeVisible();
    await expect(canvas.getByText(m.algorithmDisclosure.filingInProgress)).toBeVisible();
    await expect(canvas.queryByRole('link', { name: /网信算备/ })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: m.algorithmDisclosure.openDetails }));
    const dialog = inPage(canvasElement).getByRole('dialog', { name: m.algorithmDisclosure.title });
    await expect(within(dialog).getByText(m.algorithmDisclosure.filingInProgressDetail)).toBeVisible();
  }),
};

/** GENAI, ALG 26: a generative-AI service names its model and its filing number, which is not in the 网信算备 format, next to its algorithm filing. */
export const GenerativeAiFiling: Story = {
  args: { generativeAi: { model: '示例写作助手大模型', number: 'Beijing-ShiLiXieZuo-20240101', kind: 'filed' } },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('button', { name: m.algorithmDisclosure.openDetails }));
    const dialog = inPage(canvasElement).getByRole('dialog', { name: m.algorithmDisclosure.title });
    await expect(within(dialog).getByText('示例写作助手大模型')).toBeVisible();
    await expect(within(dialog).getByText('Beijing-ShiLiXieZuo-20240101')).toBeVisible();
    await expect(within(dialog).getByText(m.algorithmDisclosure.generative.title)).toBeVisible();
  }),
};

/** ALG 12; DSA 26–27: "why recommended" on an item shows the platform's reasons; after opting out it says plainly that the feed is not personalized. */
export const WhyRecommendedOnItems: Story = {
  render: (_, { globals }) => <RecommendedFeed locale={localeOf(globals)} feedback={false} />,
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const [first] = canvas.getAllByRole('button', { name: new RegExp(m.whyRecommended.trigger) });
    await userEvent.click(first as HTMLElement);
    const popover = inPage(canvasElement).getByRole('dialog', { name: m.whyRecommended.title });
    await expect(within(popover).getAllByRole('listitem').length).toBeGreaterThan(0);
    await expect(within(popover).queryByText(m.whyRecommended.nonPersonalized)).toBeNull();
  }),
};

/** ALG 17 ¶1 with ALG 12: with personalization off, the reasons say so first. */
export const WhyRecommendedNonPersonalized: Story = {
  parameters: {
    rights: {
      initialState: {
        personalization: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
        },
      },
    },
  },
  // Open as the story opens, but not on the docs page, which it would cover.
  render: (_, { globals, viewMode }) => (
    <WhyRecommended reasons={[]} defaultOpen={viewMode !== 'docs'} itemLabel={disclosure[localeOf(globals)].filingName} />
  ),
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(inPage(canvasElement).getByText(m.whyRecommended.nonPersonalized)).toBeVisible();
    await expect(inPage(canvasElement).getByText(m.whyRecommended.noReasons)).toBeVisible();
  }),
};

/** ALG 16 in each shipped locale: zh-CN uses the statutory section names (基本原理、目的意图、主要运行机制). */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {RIGHTS_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider locale={locale} adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
            <AlgorithmDisclosure
              principles={disclosure[demoLocale(locale)].principles}
              purpose={disclosure[demoLocale(locale)].purpose}
              mechanism={disclosure[demoLocale(locale)].mechanism}
              filings={FILING}
            />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of RIGHTS_LOCALES) {
      const section = within(localeSection(canvasElement, locale));
      await expect(section.getByText(messagesFor(locale).algorithmDisclosure.notice)).toBeVisible();
      await expect(section.getByRole('link', { name: new RegExp(FILING.number) })).toHaveAttribute('href', FILING.url);
    }
  }),
};
