import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import {
  PersonalizationSwitch,
  RIGHTS_LOCALES,
  RightsProvider,
  TagDeletionOffer,
  createMemoryTagsAdapter,
  type RightsLocale,
  createLocalStoragePreferencesAdapter,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  withAdapterFaults,
} from '../../index.js';
import { sampleProfile } from '../../../stories/support/demo-content.js';
import { demoLocale, localeSection, messagesFor } from '../../../stories/support/messages.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { renderWithFeed } from '../../../stories/support/with-feed.js';

const meta = {
  title: 'Components/PersonalizationSwitch',
  component: PersonalizationSwitch,
  parameters: {
    docs: {
      description: {
        component:
          'The personalization opt-out. **ALG 17 ¶1**: 向用户提供不针对其个人特征的选项，或者向用户提供便捷的关闭算法推荐服务的选项…应当立即停止提供相关服务. ' +
          '**PIPL 24 ¶2**: the same for push messages and marketing, hence the per-scope switches for feed, ads, push and search ' +
          '(**E-Commerce Law 18** for search). The choice applies at once, with no reload, and a failed write never loses an opt-out.',
      },
    },
  },
  render: renderWithFeed,
} satisfies Meta<typeof PersonalizationSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ALG 17 ¶1, PIPL 16: the master switch. Turning it off applies at once (立即停止): the feed request beneath carries `personalized: false`, and the feed still shows content. */
export const Default: Story = {
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await expect(control).toBeChecked();
    await expect(control).toHaveAccessibleDescription(m.personalizationSwitch.description);
    control.focus();
    await userEvent.keyboard(' ');
    await expect(control).not.toBeChecked();
    await expect(canvas.getByRole('list')).toHaveAttribute('data-feed', 'non-personalized');
    await expect(canvas.getAllByRole('listitem').length).toBeGreaterThan(0);
    await expect(canvas.getByText(/"personalized":false/)).toBeVisible();
  }),
};

/** Feed, ads, push and search each have their own switch under the master switch (PIPL 24 ¶2; E-Commerce Law 18). */
export const PerScope: Story = {
  args: { scopes: ['feed', 'ads', 'push', 'search'] },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    await userEvent.click(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.ads.label }));
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.ads.label })).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label })).toBeChecked();
    await expect(canvas.getByText(/"ads":false/)).toBeVisible();

    await userEvent.click(canvas.getByRole('switch', { name: m.personalizationSwitch.label }));
    for (const scope of ['feed', 'ads', 'push', 'search'] as const) {
      await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes[scope].label })).not.toBeChecked();
    }
    await userEvent.click(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.search.label }));
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.search.label })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label })).not.toBeChecked();
  }),
};

function ControlledExample() {
  const [checked, setChecked] = useState(false);
  return (
    <>
      <PersonalizationSwitch checked={checked} onCheckedChange={setChecked} />
      <p>
        <code data-testid="controlled-value">checked = {String(checked)}</code>
      </p>
    </>
  );
}

/** ALG 17 ¶1; 网络数据安全管理条例 44, PIPL 54–56 (the audit log): the host holds the state. `checked` wins for display, `onCheckedChange` reports changes, and the store and its audit events still follow. */
export const Controlled: Story = {
  render: () => <ControlledExample />,
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await expect(control).not.toBeChecked();
    await userEvent.click(control);
    await expect(control).toBeChecked();
    await expect(canvas.getByTestId('controlled-value')).toHaveTextContent('checked = true');
  }),
};

/** ALG 17 ¶1 (立即): with a slow backend the opt-out still applies at once, and the switch says it is saved on this device while the write is under way. */
export const PendingSync: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { latencyMs: 1200 }),
        outbox: createMemoryOutboxAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await waitFor(() => expect(control).toBeEnabled(), { timeout: 3000 });
    await userEvent.click(control);
    await expect(control).not.toBeChecked();
    await expect(canvas.getByRole('status')).toHaveTextContent(m.personalizationSwitch.syncPending);
    await waitFor(() => expect(canvas.getByRole('status')).toBeEmptyDOMElement(), { timeout: 4000 });
    await expect(control).not.toBeChecked();
  }),
};

/** ALG 17 ¶1, PIPL 24 ¶2: the backend rejects every write. The opt-out is kept and retried; an opt-in is rolled back with a message. */
export const FailedWrite: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
        outbox: createMemoryOutboxAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await waitFor(() => expect(control).toBeEnabled());
    await userEvent.click(control);
    await expect(await canvas.findByText(m.personalizationSwitch.syncPending)).toBeVisible();
    await expect(control).not.toBeChecked();
    await expect(canvas.getByRole('button', { name: m.personalizationSwitch.retryNow })).toBeVisible();

    await userEvent.click(control);
    // Rolled back: the switch snaps back off, says so, and the message can be dismissed.
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(m.personalizationSwitch.rolledBack);
    await expect(control).not.toBeChecked();
    await userEvent.click(within(alert).getByRole('button', { name: m.personalizationSwitch.dismiss }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
  }),
};

const corruptStorage = new Map<string, string>([['algorights:preferences', '{"version":1,"personalization":']]);

/** PIPL 24 ¶2: stored preferences are not valid JSON, so the user gets non-personalized everywhere and a plain message, never a crash. */
export const CorruptStorage: Story = {
  args: { scopes: ['feed', 'ads', 'push', 'search'] },
  parameters: {
    rights: {
      adapters: () => ({
        preferences: createLocalStoragePreferencesAdapter({
          storage: {
            getItem: (key) => corruptStorage.get(key) ?? null,
            setItem: () => {},
            removeItem: () => {},
          },
        }),
        outbox: createMemoryOutboxAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(canvas.getByRole('alert')).toHaveTextContent(m.errors['storage-corrupt']);
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.label })).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label })).not.toBeChecked();
  }),
};

/** GB/T 35273 §7.5, 网络数据安全管理条例 42: after turning personalization off, the user is offered to delete the user tags it used, without losing focus on the switch. */
export const OptOutOffersTagDeletion: Story = {
  parameters: { rights: { adapters: (locale: RightsLocale) => ({ tags: createMemoryTagsAdapter({ initial: sampleProfile(demoLocale(locale)) }) }) } },
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      <PersonalizationSwitch {...args} />
      <TagDeletionOffer />
    </div>
  ),
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const master = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await waitFor(() => expect(master).toBeChecked());
    await userEvent.click(master);
    await expect(await canvas.findByText(m.userTagManager.optOutOffer.title)).toBeVisible();
    await expect(master).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: m.userTagManager.optOutOffer.confirm }));
    await expect(canvas.queryByText(m.userTagManager.optOutOffer.title)).toBeNull();
  }),
};

/** ALG 17 ¶1: until stored preferences are known the switch holds its place, busy, its thumb in the middle, so nothing shifts when they arrive and no choice is implied; turning it off works even now, and is kept when they arrive. */
export const Loading: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { hang: ['load'] }),
        outbox: createMemoryOutboxAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, canvasElement, globals, userEvent }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    const root = canvasElement.querySelector('[data-slot="personalization-switch"]');
    await expect(root).toHaveAttribute('data-state', 'loading');
    await expect(root).toHaveAttribute('aria-busy', 'true');
    // The switch says it is reading, and can still be turned off: the opt-out never waits for the backend (ALG 17).
    await expect(control).toHaveAccessibleDescription(expect.stringContaining(m.personalizationSwitch.loading));
    await expect(control).toBeEnabled();
    await userEvent.click(control);
    await expect(control).not.toBeChecked();
    await expect(control).toHaveAttribute('data-chosen');
  }),
};

/** A backend that never answers the read: after `loadTimeoutMs` every scope shows non-personalized, the user is told, and the switch can be used; the read is tried again. */
export const LoadTimesOut: Story = {
  args: { scopes: ['feed', 'ads'] },
  parameters: {
    rights: {
      loadTimeoutMs: 500,
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { hang: ['load'] }),
        outbox: createMemoryOutboxAdapter(),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    const root = canvasElement.querySelector('[data-slot="personalization-switch"]');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'), { timeout: 3000 });
    await expect(control).toBeEnabled();
    await expect(control).not.toBeChecked();
    await expect(canvas.getByRole('alert')).toHaveTextContent(m.errors['read-failed']);
  }),
};

/** The outbox on this device holds something the kit cannot read, which may have been an opt-out: every scope shows non-personalized, and the user is asked to check. */
export const UnreadableOutbox: Story = {
  args: { scopes: ['feed', 'ads'] },
  parameters: {
    rights: {
      adapters: () => ({
        preferences: createMemoryPreferencesAdapter(),
        outbox: createMemoryOutboxAdapter({ cell: { value: { version: 1, entries: [{ key: 'unreadable', slice: 'personalization' }] } } }),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, globals }) => {
    const m = messagesFor(globals.locale);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(m.errors['outbox-unreadable']);
    await expect(canvas.getByRole('switch', { name: m.personalizationSwitch.label })).not.toBeChecked();
  }),
};

/** The device's storage is full and the backend fails: the opt-out still applies, the user is told it is not kept on this device, and the kit keeps trying. */
export const DeviceStorageFull: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
        outbox: withAdapterFaults(createMemoryOutboxAdapter(), { reject: ['put', 'delete'] }),
      }),
    },
  },
  play: playOnRequest(async ({ canvas, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const control = canvas.getByRole('switch', { name: m.personalizationSwitch.label });
    await waitFor(() => expect(control).toBeEnabled());
    await userEvent.click(control);
    await expect(control).not.toBeChecked();
    await expect(await canvas.findByRole('alert')).toHaveTextContent(m.errors['device-write-failed']);
    // Nothing claims the choice is saved on this device; "sync now" is still there.
    await expect(canvas.queryByText(m.personalizationSwitch.syncPending)).toBeNull();
    await expect(canvas.getByRole('button', { name: m.personalizationSwitch.retryNow })).toBeVisible();
  }),
};

/** ALG 17 ¶1 in each shipped locale: zh-CN with the statutory wording (不针对其个人特征), and zh-TW and en saying the same. */
export const AllLocales: Story = {
  parameters: { rights: { provider: false } },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {RIGHTS_LOCALES.map((locale) => (
        <div key={locale} lang={locale} data-locale-sample={locale}>
          <RightsProvider
            locale={locale}
            adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}
          >
            <PersonalizationSwitch scopes={['feed', 'ads']} />
          </RightsProvider>
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    for (const locale of RIGHTS_LOCALES) {
      const m = messagesFor(locale);
      const section = within(localeSection(canvasElement, locale));
      await expect(section.getByRole('switch', { name: m.personalizationSwitch.label })).toBeChecked();
      await expect(section.getByText(m.personalizationSwitch.description)).toBeVisible();
    }
  }),
};

/** Light, dark and elderly themes side by side. Elderly mode (ALG 19) uses body text of at least 18px and 60px targets. */
export const Themes: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {(['light', 'dark', 'elderly'] as const).map((theme) => (
        <div
          key={theme}
          data-theme-sample={theme}
          data-ar-theme={theme === 'dark' ? 'dark' : 'light'}
          data-ar-mode={theme === 'elderly' ? 'elderly' : undefined}
          style={{ background: 'var(--ar-color-surface)', padding: 8 }}
        >
          <PersonalizationSwitch />
        </div>
      ))}
    </div>
  ),
  play: playOnRequest(async ({ canvasElement }) => {
    const elderly = canvasElement.querySelector('[data-theme-sample="elderly"]');
    const description = elderly?.querySelector('[data-slot="personalization-switch-description"]');
    const row = elderly?.querySelector('[data-slot="personalization-switch-cell"]');
    await expect(description).not.toBeNull();
    await expect(Number.parseFloat(getComputedStyle(description as Element).fontSize)).toBeGreaterThanOrEqual(18);
    await expect((row as HTMLElement).getBoundingClientRect().height).toBeGreaterThanOrEqual(60);
  }),
};
