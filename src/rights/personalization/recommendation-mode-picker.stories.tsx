import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  PersonalizationSwitch,
  RIGHTS_LOCALES,
  RecommendationModePicker,
  RightsProvider,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  withAdapterFaults,
} from '../../index.js';
import { strategies } from '../../../stories/support/demo-content.js';
import { demoLocale, localeOf, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { RecommendedFeed } from '../../../stories/support/recommended-feed.js';

const meta = {
  title: 'Components/RecommendationModePicker',
  component: RecommendationModePicker,
  parameters: {
    docs: {
      description: {
        component:
          'The non-personalized mode. **ALG 17 ¶1**: 向用户提供不针对其个人特征的选项. **PIPL 24 ¶2**: the same for automated decisions. ' +
          '**DSA 27(3)**: the selector is directly accessible where items are ranked, hence the `inline` variant at the top of a feed. ' +
          'The choice applies at once, persists with the opt-out, and `useRecommendationMode()` reports `{ feed, strategy }` for the feed request. ' +
          '**PIPL 16**: the non-personalized feed still works.',
      },
    },
  },
  args: { strategies: [] },
  render: (args, { globals }) => (
    <>
      <RecommendationModePicker {...args} strategies={strategies[localeOf(globals)]} />
      <RecommendedFeed locale={localeOf(globals)} />
    </>
  ),
} satisfies Meta<typeof RecommendationModePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ALG 17 ¶1, PIPL 16: in settings, each choice with its description. Choosing "popular near you" applies at once, and the feed still shows content. */
export const Settings: Story = {
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const nearby = strategies[localeOf(globals)][0];
    await expect(canvas.getByRole('radio', { name: m.recommendationModePicker.personalized.label })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: nearby?.label }));
    await expect(canvas.getByRole('radio', { name: nearby?.label })).toBeChecked();
    await expect(canvas.getByTestId('feed-request')).toHaveTextContent('"strategy":"popular-nearby"');
    await expect(canvas.getByRole('list')).toHaveAttribute('data-feed', 'popular-nearby');
    await expect(canvas.getAllByRole('listitem').length).toBeGreaterThan(0);
    // Arrow keys move the choice, as in any radio group.
    canvas.getByRole('radio', { name: nearby?.label }).focus();
    // Held, as a person holds a key: the radio group moves focus on the next tick and checks what gains focus while an arrow is down.
    await userEvent.keyboard('{ArrowDown>}');
    await waitFor(() => expect(canvas.getByTestId('feed-request')).toHaveTextContent('"strategy":"following-latest"'));
    await userEvent.keyboard('{/ArrowDown}');
  }),
};

/** DSA 27(3): one compact row at the top of the feed, where items are ranked. */
export const InlineAtopFeed: Story = {
  args: { variant: 'inline' },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const following = strategies[localeOf(globals)][1];
    await userEvent.click(canvas.getByRole('radio', { name: following?.label }));
    await expect(canvas.getByRole('list')).toHaveAttribute('data-feed', 'following-latest');
  }),
};

/** ALG 17 ¶1: the picker and the opt-out switch share one state, so each reflects the other at once, with no reload. */
export const WithSwitch: Story = {
  render: (args, { globals }) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <PersonalizationSwitch scopes={['feed', 'ads']} />
      <RecommendationModePicker {...args} strategies={strategies[localeOf(globals)]} variant="inline" />
      <RecommendedFeed locale={localeOf(globals)} />
    </div>
  ),
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const nearby = strategies[localeOf(globals)][0];
    await userEvent.click(canvas.getByRole('radio', { name: nearby?.label }));
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label })).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.ads.label })).toBeChecked();
    // Turning the feed's own switch back on moves the picker back to personalized.
    await userEvent.click(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label }));
    await expect(canvas.getByRole('radio', { name: m.recommendationModePicker.personalized.label })).toBeChecked();
    // Turning everything off shows the strategy chosen before.
    await userEvent.click(canvas.getByRole('switch', { name: m.personalizationSwitch.label }));
    await expect(canvas.getByRole('radio', { name: nearby?.label })).toBeChecked();
  }),
};

/** ALG 17 ¶1 (立即): a slow backend does not delay the choice; the picker says it is saved on this device while the write is under way. */
export const PendingSync: Story = {
  parameters: {
    rights: {
      adapters: () => ({ preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { latencyMs: 1200 }) }),
    },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const nearby = strategies[localeOf(globals)][0];
    const radio = canvas.getByRole('radio', { name: nearby?.label });
    await waitFor(() => expect(radio).toBeEnabled(), { timeout: 3000 });
    await userEvent.click(radio);
    await expect(radio).toBeChecked();
    await expect(await canvas.findByText(m.recommendationModePicker.syncPending)).toBeVisible();
    await waitFor(() => expect(canvas.queryByText(m.recommendationModePicker.syncPending)).toBeNull(), { timeout: 4000 });
  }),
};

/** ALG 17 ¶1 with the fail-toward-privacy rule: the backend rejects every write. A strategy is kept and retried; going back to personalized is rolled back with a message. */
export const FailedWrite: Story = {
  parameters: {
    rights: { adapters: () => ({ preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }) }) },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const nearby = strategies[localeOf(globals)][0];
    const radio = canvas.getByRole('radio', { name: nearby?.label });
    await waitFor(() => expect(radio).toBeEnabled());
    await userEvent.click(radio);
    await expect(await canvas.findByText(m.recommendationModePicker.syncPending)).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: m.recommendationModePicker.personalized.label }));
    // Rolled back to the strategy chosen before, with a message that can be dismissed.
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(m.recommendationModePicker.rolledBack);
    await expect(radio).toBeChecked();
    await userEvent.click(within(alert).getByRole('button', { name: m.recommendationModePicker.dismiss }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
  }),
};

/** Until the stored choice is known, the picker holds its place, disabled and busy, so no choice is implied. */
export const Loading: Story = {
  parameters: {
    rights: { adapters: () => ({ preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { hang: ['load'] }) }) },
  },
  play: playOnRequest(async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByRole('radio', { name: m.recommendationModePicker.personalized.label })).toBeDisabled();
    await expect(canvasElement.querySelector('[data-slot="recommendation-mode-picker"]')).toHaveAttribute('data-state', 'loading');
  }),
};

/** ALG 17 ¶1 in each shipped locale: zh-CN with the statutory wording (不针对你个人特征). */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {RIGHTS_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider locale={locale} adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
            <RecommendationModePicker strategies={strategies[demoLocale(locale)]} />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of RIGHTS_LOCALES) {
      const section = within(localeSection(canvasElement, locale));
      await expect(section.getByText(messagesFor(locale).recommendationModePicker.description)).toBeVisible();
    }
  }),
};
