import type { Meta, StoryObj } from '@storybook/react-vite';
import { act } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { MinorModeEntryPrompt, MinorModeGate, MinorModeSettings, PersonalizationSwitch, type MinorAgeBand } from '../../index.js';
import { localeOf, messagesFor } from '../../../stories/support/messages.js';
import { MINUTE, MinorFeed, MinorModeWorld, STORY_PIN, beijing, firstItem, storyWorld } from './story-content.js';
import { playOnRequest } from '../../../stories/support/play.js';
import { inPage } from '../../../stories/support/queries.js';

const meta = {
  title: 'Components/MinorMode',
  component: MinorModeSettings,
  parameters: {
    rights: { provider: false },
    docs: {
      description: {
        component:
          '未成年人模式. **MIN 43**: 设置未成年人模式，在使用时段、时长、功能和内容等方面…提供相应的服务，并以醒目便捷的方式为监护人…提供时间管理、权限管理、消费管理等功能. ' +
          '**MIN 24 ¶3**: 不得通过自动化决策方式向未成年人进行商业营销 (ads are never personalized in minor mode). **MIN 44**: spending caps per payment and per day. ' +
          '**ALG 18, GENAI 10**: a mode suited to minors. **MMG (2024-11)**: age bands, 1 h a day under 16 and 2 h at 16–18, a rest reminder after 30 minutes, ' +
          'no service 22:00–06:00, leaving needs the guardian, the device clock cannot defeat limits, apps follow the device’s switch. ' +
          'These stories run on a manual clock: their play functions move time, they never wait.',
      },
    },
  },
} satisfies Meta<typeof MinorModeSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Runs a change made outside React (the story's clock, the device signal) inside `act` where React has it: in
 * development builds, as under test. The static Storybook runs React's production build, which has no `act`.
 */
const inAct = (change: () => Promise<unknown> | void): Promise<void> =>
  typeof act === 'function' ? Promise.resolve(act(async () => void (await change()))) : Promise.resolve(change()).then(() => undefined);

const advance = (minutes: number) => inAct(() => storyWorld.clock?.advance(minutes * MINUTE) ?? Promise.resolve());

async function typePin(dialog: HTMLElement, pin: string, user: { type(element: Element, text: string): Promise<void>; click(element: Element): Promise<void> }, label: string, submit: string) {
  await user.type(within(dialog).getByLabelText(label), pin);
  await user.click(within(dialog).getByRole('button', { name: submit }));
}

/** Once a day at launch: the prompt offers minor mode, and sets it up with the band and the PIN in the same sheet. */
export const EntryPrompt: Story = {
  render: (_, { globals }) => (
    <MinorModeWorld locale={String(globals.locale)} start={beijing(18)}>
      <MinorModeEntryPrompt />
      <MinorModeSettings />
    </MinorModeWorld>
  ),
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const page = inPage(canvasElement);
    const prompt = await page.findByRole('dialog', { name: m.minorMode.prompt.title });
    await userEvent.click(within(prompt).getByRole('button', { name: m.minorMode.prompt.enter }));
    const setup = page.getByRole('dialog', { name: m.minorMode.setup.title });
    await userEvent.click(within(setup).getByRole('radio', { name: m.minorMode.bands['8-12'] }));
    await userEvent.type(within(setup).getByLabelText(m.minorMode.setup.pinLabel), STORY_PIN);
    await userEvent.type(within(setup).getByLabelText(m.minorMode.setup.pinConfirmLabel), STORY_PIN);
    await userEvent.click(within(setup).getByRole('button', { name: m.minorMode.setup.submit }));
    await expect(await within(canvasElement).findByText(m.minorMode.settings.statusOn)).toBeVisible();
  }),
};

function bandStory(band: MinorAgeBand): Story {
  return {
    render: (_, { globals }) => (
      <MinorModeWorld locale={String(globals.locale)} start={beijing(16)} band={band}>
        <MinorModeSettings />
      </MinorModeWorld>
    ),
    play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
      const m = messagesFor(globals.locale);
      const canvas = within(canvasElement);
      const limit = band === '16-18' ? 120 : 60;
      await expect(await canvas.findByText(m.minorMode.settings.band.replace('{{band}}', m.minorMode.bands[band]))).toBeVisible();
      await expect(canvas.getByText(m.minorMode.settings.usedToday.replace('{{used}}', '0').replace('{{limit}}', String(limit)))).toBeVisible();
      await userEvent.click(canvas.getByRole('button', { name: m.minorMode.settings.manage }));
      const dialog = inPage(canvasElement).getByRole('dialog', { name: m.minorMode.verify.title });
      await typePin(dialog, STORY_PIN, userEvent, m.minorMode.verify.pinLabel, m.minorMode.verify.submit);
      await expect(await canvas.findByRole('radio', { name: m.minorMode.bands[band] })).toBeChecked();
      await expect(canvas.getByLabelText(m.minorMode.settings.dailyLimitLabel)).toHaveValue(limit);
    }),
  };
}

/** The guardian console for a child under 3: 60 minutes a day, every payment approved by the guardian. */
export const SettingsUnder3 = bandStory('under-3');
/** 3–8: 60 minutes a day, every payment approved by the guardian. */
export const Settings3To8 = bandStory('3-8');
/** 8–12: 60 minutes a day, ¥50 per payment and per day. */
export const Settings8To12 = bandStory('8-12');
/** 12–16: 60 minutes a day, ¥50 per payment and per day. */
export const Settings12To16 = bandStory('12-16');
/** 16–18: 120 minutes a day, ¥100 per payment and per day. */
export const Settings16To18 = bandStory('16-18');

function gated(start: number, band: MinorAgeBand = '12-16') {
  return (_: unknown, { globals }: { globals: Record<string, unknown> }) => (
    <MinorModeWorld locale={String(globals.locale)} start={start} band={band}>
      <MinorModeGate>
        <MinorFeed locale={localeOf(globals)} />
      </MinorModeGate>
    </MinorModeWorld>
  );
}

/** After 30 minutes of continuous use, a reminder to rest; taking it starts a new 30 minutes. */
export const RestReminder: Story = {
  render: gated(beijing(9), '16-18'),
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const page = inPage(canvasElement);
    await within(canvasElement).findByText(firstItem(localeOf(globals)));
    await advance(30);
    const reminder = await page.findByRole('alert');
    await expect(reminder).toHaveTextContent(m.minorMode.rest.text);
    await userEvent.click(within(reminder).getByRole('button', { name: m.minorMode.rest.dismiss }));
    await waitFor(() => expect(page.queryByText(m.minorMode.rest.text)).toBeNull());
  }),
};

/** Today's 60 minutes are used up: the lock screen says so and when use resumes; a guardian grants 15 minutes with the PIN. */
export const LimitReached: Story = {
  render: gated(beijing(15)),
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const page = inPage(canvasElement);
    await within(canvasElement).findByText(firstItem(localeOf(globals)));
    await advance(60);
    const lock = await page.findByRole('dialog', { name: m.minorMode.gate.limitTitle });
    await expect(page.queryByRole('link', { name: firstItem(localeOf(globals)) })).toBeNull();
    await userEvent.click(within(lock).getByRole('button', { name: m.minorMode.gate.grant }));
    const dialog = page.getByRole('dialog', { name: m.minorMode.verify.title });
    await userEvent.click(within(dialog).getByRole('radio', { name: m.minorMode.gate.minutes_other.replace('{{count}}', '15') }));
    await typePin(dialog, STORY_PIN, userEvent, m.minorMode.verify.pinLabel, m.minorMode.verify.submit);
    await expect(await page.findByRole('link', { name: firstItem(localeOf(globals)) })).toBeVisible();
  }),
};

/** 22:00–06:00: the lock screen covers the app at 22:00 and lifts at 06:00. */
export const Curfew: Story = {
  render: gated(beijing(21, 59)),
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const page = inPage(canvasElement);
    await expect(await page.findByRole('link', { name: firstItem(localeOf(globals)) })).toBeVisible();
    await advance(1);
    const lock = await page.findByRole('dialog', { name: m.minorMode.gate.curfewTitle });
    await expect(lock).toHaveTextContent('06:00');
    await expect(page.queryByRole('link', { name: firstItem(localeOf(globals)) })).toBeNull();
    await advance(8 * 60);
    await expect(await page.findByRole('link', { name: firstItem(localeOf(globals)) })).toBeVisible();
  }),
};

/** Leaving needs the PIN: a wrong one says how many tries are left, and the fifth locks it for a minute. */
export const WrongPinAndLockout: Story = {
  render: (_, { globals }) => (
    <MinorModeWorld locale={String(globals.locale)} start={beijing(17)} band="12-16">
      <MinorModeSettings />
    </MinorModeWorld>
  ),
  play: playOnRequest(async ({ canvasElement, userEvent, globals }) => {
    const m = messagesFor(globals.locale);
    const page = inPage(canvasElement);
    await userEvent.click(await within(canvasElement).findByRole('button', { name: m.minorMode.settings.exit }));
    const dialog = page.getByRole('dialog', { name: m.minorMode.verify.title });
    await typePin(dialog, '1111', userEvent, m.minorMode.verify.pinLabel, m.minorMode.verify.submit);
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(/4/);
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await typePin(dialog, '1111', userEvent, m.minorMode.verify.pinLabel, m.minorMode.verify.submit);
    }
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(m.minorMode.verify.locked.split('{{time}}')[0] ?? ''));
    await expect(within(dialog).getByLabelText(m.minorMode.verify.pinLabel)).toBeDisabled();
  }),
};

/** The device's own minor mode turns the app's on before the next render; the app offers no way out while the device's is on. */
export const ForcedByDevice: Story = {
  render: (_, { globals }) => (
    <MinorModeWorld locale={String(globals.locale)} start={beijing(11)}>
      <MinorModeSettings />
    </MinorModeWorld>
  ),
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(m.minorMode.settings.statusOff)).toBeVisible();
    await inAct(() => storyWorld.adapter?.setDeviceMinorMode({ on: true, ageBand: '8-12' }));
    await expect(await canvas.findByText(m.minorMode.settings.statusOn)).toBeVisible();
    await expect(canvas.getByText(m.minorMode.settings.device)).toBeVisible();
    // While the device's minor mode is on, the app's follows it: there is no leaving it here.
    await expect(canvas.queryByRole('button', { name: m.minorMode.settings.exit })).toBeNull();
  }),
};

/** MIN 24 ¶3: in minor mode ads are never personalized; the ads switch shows it, locked, and the feed asks for the band's pool. */
export const AdsLocked: Story = {
  render: (_, { globals }) => (
    <MinorModeWorld locale={String(globals.locale)} start={beijing(10)} band="8-12">
      <MinorModeGate>
        <MinorFeed locale={localeOf(globals)} />
        <PersonalizationSwitch scopes={['feed', 'ads', 'push', 'search']} />
      </MinorModeGate>
    </MinorModeWorld>
  ),
  play: playOnRequest(async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale);
    const canvas = within(canvasElement);
    const ads = await canvas.findByRole('switch', { name: m.personalizationSwitch.scopes.ads.label });
    await waitFor(() => expect(ads).toBeDisabled());
    await expect(ads).not.toBeChecked();
    await expect(canvas.getByText(m.minorModeNotice.adsLocked)).toBeVisible();
    await expect(canvas.getByTestId('feed-request')).toHaveTextContent('ads=non-personalized pool=8-12');
  }),
};
