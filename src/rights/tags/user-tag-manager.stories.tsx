import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  RIGHTS_LOCALES,
  RightsProvider,
  UserTagManager,
  createMemoryOutboxAdapter,
  createMemoryTagsAdapter,
  withAdapterFaults,
} from '../../index.js';
import { BLOCKLIST, largeProfile, sampleCatalogue, sampleProfile } from '../../../stories/support/demo-content.js';
import { demoLocale, localeOf, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { inPage } from '../../../stories/support/queries.js';
import { RecommendedFeed } from '../../../stories/support/recommended-feed.js';

const sampleTags = (locale: string) => ({ tags: createMemoryTagsAdapter({ initial: sampleProfile(demoLocale(locale)) }) });

const meta = {
  title: 'Components/UserTagManager',
  component: UserTagManager,
  parameters: {
    docs: {
      description: {
        component:
          'The user-tag manager. **ALG 17 ¶2**: 提供选择或者删除用于算法推荐服务的针对其个人特征的用户标签的功能. ' +
          '**ALG 10**: tags the platform marks disallowed, or that match its blocklist, are never shown or offered. ' +
          '**清朗 2024**: choosing interests is never forced, and "not interested" works. Deletions apply at once and are kept even if the backend fails.',
      },
    },
    rights: { adapters: sampleTags },
  },
  args: { blocklist: BLOCKLIST },
} satisfies Meta<typeof UserTagManager>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ALG 17 ¶2, ALG 10: tags by category with how and when each was inferred; the disallowed and blocklisted sample tags are not shown. Deleting one applies at once and can be undone. */
export const Default: Story = {
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const first = sampleProfile(localeOf(globals)).tags[0];
    await expect(canvas.getByText(m.userTagManager.count_other.replace('{{count, number}}', '7'))).toBeVisible();
    await expect(canvas.queryByText('违规关键词')).toBeNull();
    await expect(canvas.queryByText(/betting/)).toBeNull();
    const checkbox = canvas.getByRole('checkbox', { name: first?.label });
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.tag.delete.replace('{{label}}', first?.label ?? '') }));
    await expect(checkbox).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.undo }));
    await expect(canvas.getByRole('checkbox', { name: first?.label })).toBeVisible();
  }),
};

/** ALG 17 ¶2: several tags at once, after confirming in an alert dialog; Escape cancels and focus returns. */
export const BulkDelete: Story = {
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const [first, second] = sampleProfile(localeOf(globals)).tags;
    await userEvent.click(canvas.getByRole('checkbox', { name: first?.label }));
    await userEvent.click(canvas.getByRole('checkbox', { name: second?.label }));
    const deleteSelected = canvas.getByRole('button', { name: m.userTagManager.selection.deleteSelected });
    await userEvent.click(deleteSelected);
    await expect(inPage(canvasElement).getByRole('alertdialog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(deleteSelected).toHaveFocus());
    await userEvent.click(deleteSelected);
    await userEvent.click(inPage(canvasElement).getByRole('button', { name: m.userTagManager.confirm.confirm }));
    await expect(canvas.queryByRole('checkbox', { name: first?.label })).toBeNull();
    await expect(canvas.queryByRole('checkbox', { name: second?.label })).toBeNull();
  }),
};

/** ALG 17 ¶2 (选择), 清朗 2024 (不得强制): a catalogue to choose from, optional; the blocklisted entry is not offered. */
export const ChooseInterests: Story = {
  render: (args, { globals }) => <UserTagManager {...args} catalogue={sampleCatalogue(localeOf(globals))} />,
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const interest = sampleCatalogue(localeOf(globals))[0];
    const section = canvas.getByRole('region', { name: m.userTagManager.interests.title });
    await expect(within(section).queryByRole('button', { name: /betting/ })).toBeNull();
    const toggle = within(section).getByRole('button', { name: interest?.label });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('checkbox', { name: interest?.label })).toBeVisible();
  }),
};

/** Intensity per category (减少 / 默认 / 增加), where the adapter supports it. */
export const Intensity: Story = {
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const [group] = canvas.getAllByRole('radiogroup');
    await userEvent.click(within(group as HTMLElement).getByRole('radio', { name: m.userTagManager.intensity.less }));
    await expect(within(group as HTMLElement).getByRole('radio', { name: m.userTagManager.intensity.less })).toBeChecked();
  }),
};

/** 清朗 2024 (负反馈): "not interested" on an item, with an optional reason, confirms that it took effect. */
export const NotInterested: Story = {
  render: (_, { globals }) => <RecommendedFeed locale={localeOf(globals)} />,
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const [first] = canvas.getAllByRole('button', { name: new RegExp(m.notInterested.trigger) });
    await userEvent.click(first as HTMLElement);
    await userEvent.click(inPage(canvasElement).getByRole('button', { name: m.notInterested.reasons.repetitive }));
    // Undo is offered in a toast while the feedback waits; then it goes out and is confirmed.
    const undo = await inPage(canvasElement).findByRole('button', { name: m.notInterested.undo });
    await waitFor(() => expect(undo).toBeVisible());
    await expect(await canvas.findByText(m.notInterested.sent, {}, { timeout: 8000 })).toBeVisible();
  }),
};

/** 清朗 2024 with the fail-toward-privacy rule: the backend rejects the feedback, so it is kept on this device and the user is told it will be sent. */
export const NotInterestedOffline: Story = {
  parameters: {
    rights: { adapters: () => ({ tags: withAdapterFaults(createMemoryTagsAdapter(), { reject: ['notInterested'] }) }) },
  },
  render: (_, { globals }) => <RecommendedFeed locale={localeOf(globals)} />,
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const [first] = canvas.getAllByRole('button', { name: new RegExp(m.notInterested.trigger) });
    await userEvent.click(first as HTMLElement);
    await userEvent.click(inPage(canvasElement).getByRole('button', { name: m.notInterested.submitWithoutReason }));
    await expect(await canvas.findByText(m.notInterested.pending, {}, { timeout: 8000 })).toBeVisible();
  }),
};

/** ALG 17 ¶2 with the fail-toward-privacy rule: the backend rejects deletions, the tag stays deleted, and the manager says it is kept on this device. */
export const FailedDelete: Story = {
  parameters: {
    rights: {
      adapters: (locale: string) => ({
        tags: withAdapterFaults(createMemoryTagsAdapter({ initial: sampleProfile(demoLocale(locale)) }), { reject: ['remove', 'restore'] }),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const first = sampleProfile(localeOf(globals)).tags[0];
    const checkbox = await canvas.findByRole('checkbox', { name: first?.label });
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.tag.delete.replace('{{label}}', first?.label ?? '') }));
    await expect(checkbox).not.toBeInTheDocument();
    await expect(await canvas.findByText(m.userTagManager.syncPending)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.undo }));
    // The undo is rolled back: the tag stays deleted, and the message says so until dismissed.
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(m.userTagManager.rolledBack.restore);
    await expect(canvas.queryByRole('checkbox', { name: first?.label })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: m.userTagManager.dismiss }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
  }),
};

/** A user with no tags: the manager says so, and interests can still be chosen. */
export const Empty: Story = {
  parameters: { rights: { adapters: () => ({ tags: createMemoryTagsAdapter() }) } },
  render: (args, { globals }) => <UserTagManager {...args} catalogue={sampleCatalogue(localeOf(globals))} />,
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByText(m.userTagManager.empty)).toBeVisible();
    await expect(canvas.getByRole('region', { name: m.userTagManager.interests.title })).toBeVisible();
  }),
};

/** While tags load, a placeholder holds their place, busy. */
export const Loading: Story = {
  parameters: { rights: { adapters: () => ({ tags: withAdapterFaults(createMemoryTagsAdapter(), { hang: ['load'] }) }) } },
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const root = canvasElement.querySelector('[data-slot="user-tag-manager"]');
    await expect(root).toHaveAttribute('data-state', 'loading');
    await expect(root).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getByText(m.userTagManager.loading)).toBeInTheDocument();
  }),
};

/** A failed read: a localized message and a retry, never a crash. */
export const LoadError: Story = {
  parameters: { rights: { adapters: () => ({ tags: withAdapterFaults(createMemoryTagsAdapter(), { reject: ['load'] }) }) } },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(m.userTagManager.loadFailed);
    await expect(canvas.getByRole('button', { name: m.userTagManager.retryLoad })).toBeVisible();
  }),
};

/** Data from the adapter that is not a valid tag profile: a plain message, and no tags it cannot trust. */
export const InvalidData: Story = {
  parameters: { rights: { adapters: () => ({ tags: { load: () => ({ tags: 'not a list' }) as never, remove: () => {} } }) } },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByRole('alert')).toHaveTextContent(m.errors['tags-invalid']);
  }),
};

/**
 * One bad entry (a label over 200 characters, an id that is not a string) is set aside and counted;
 * every other tag is shown and can be deleted, and "delete all" still reaches the bad ones.
 */
export const InvalidEntries: Story = {
  parameters: {
    rights: {
      adapters: (locale: string) => {
        const profile = sampleProfile(demoLocale(locale));
        return {
          tags: createMemoryTagsAdapter({
            initial: { ...profile, tags: [...profile.tags, { id: 'too-long', label: '长'.repeat(201), categoryId: 'travel' }, { id: 7 as never, label: '?', categoryId: 'travel' }] },
          }),
        };
      },
    },
  },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    const first = sampleProfile(localeOf(globals)).tags[0]?.label ?? '';
    await expect(canvas.getByRole('checkbox', { name: first })).toBeVisible();
    await expect(canvas.getByText(m.userTagManager.invalid_other.replace('{{count, number}}', '2'))).toBeVisible();
  }),
};

/** Users accumulate thousands of tags: 10,000 here, in 20 categories. Only the rows in view render (`npm run bench` measures it). */
export const TenThousandTags: Story = {
  parameters: { rights: { adapters: () => ({ tags: createMemoryTagsAdapter({ initial: largeProfile(10_000) }) }) } },
  play: playOnRequest(async ({ canvas, canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByText(m.userTagManager.count_other.replace('{{count, number}}', new Intl.NumberFormat(localeOf(globals)).format(10_000)))).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-slot="user-tag-manager-tag"]').length).toBeLessThan(100);
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.tag.delete.replace('{{label}}', '标签 1') }));
    await expect(canvas.queryByRole('checkbox', { name: '标签 1' })).toBeNull();
  }),
};

/** ALG 17 ¶2 in each shipped locale: zh-CN with the statutory term 用户标签. */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {RIGHTS_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider
            locale={locale}
            adapters={{ tags: createMemoryTagsAdapter({ initial: sampleProfile(demoLocale(locale)) }), outbox: createMemoryOutboxAdapter() }}
          >
            <UserTagManager blocklist={BLOCKLIST} headingLevel={3} />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of RIGHTS_LOCALES) {
      const section = within(localeSection(canvasElement, locale));
      await expect(section.getByRole('heading', { name: messagesFor(locale).userTagManager.title })).toBeVisible();
    }
  }),
};
