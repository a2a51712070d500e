import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { createMemoryMinorModeAdapter } from './core/adapters.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../personalization/core/adapters.js';
import { createManualClock } from '../../kernel/core/clock.js';
import { bundledMessages } from '../../kernel/core/i18n/all-messages.js';
import { defaultMinorModeSettings } from './core/model.js';
import { RightsProvider } from '../../provider.js';
import { useRecommendationMode } from '../personalization/use-recommendation-mode.js';
import { PersonalizationSwitch } from '../personalization/personalization-switch.js';
import { MinorModeEntryPrompt } from './minor-mode-entry-prompt.js';
import { MinorModeGate } from './minor-mode-gate.js';
import { MinorModeSettings } from './minor-mode-settings.js';
import { useMinorMode } from './use-minor-mode.js';
import type { VisibilitySource } from '../../kernel/core/visibility.js';

const m = bundledMessages['zh-CN'];
/** 2026-11-30 at hh:mm in Shanghai. */
const shanghai = (hours: number, minutes = 0) => Date.UTC(2026, 10, 30, hours - 8, minutes);

function setup(start: number, on = true, options: { timeZone?: string; visibility?: VisibilitySource } = {}) {
  const clock = createManualClock(start);
  const adapter = createMemoryMinorModeAdapter({ pinIterations: 1000, ...(on ? { initial: { on: true, source: 'guardian', settings: defaultMinorModeSettings('12-16'), revision: 1 } } : {}) });
  const ui = (children: React.ReactNode) => (
    <RightsProvider locale="zh-CN" clock={clock} {...options} adapters={{ minorMode: adapter, preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
      {children}
    </RightsProvider>
  );
  return { clock, adapter, ui };
}

function Feed() {
  const mode = useRecommendationMode();
  return (
    <p>
      <button type="button">播放</button> ads:{mode.ads} pool:{mode.minor?.contentBand ?? 'none'}
    </p>
  );
}

/** A consumer's own view of minor mode, with no gate: what the lock is and how much time is used. */
function Status() {
  const minor = useMinorMode();
  return (
    <p>
      lock:{minor.status.lock ?? 'none'} used:{minor.usedMinutes}
    </p>
  );
}

/** A visibility source the test turns, as a native shell would. */
function createVisibility(visible: boolean) {
  const listeners = new Set<() => void>();
  return {
    visible: () => visible,
    subscribe(onChange: () => void) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    set(next: boolean) {
      visible = next;
      listeners.forEach((listener) => listener());
    },
  };
}

describe('the time zone and the visibility come from the provider, with no gate mounted', () => {
  /** 2026-11-30 at hh:mm in London (UTC+0 in winter): 22:00 there is 06:00 the next morning in Shanghai. */
  const london = (hours: number, minutes = 0) => Date.UTC(2026, 10, 30, hours, minutes);

  test('the curfew starts at 22:00 in the provider’s zone', async () => {
    const { clock, ui } = setup(london(21, 59), true, { timeZone: 'Europe/London' });
    render(ui(<Status />));
    await waitFor(() => expect(screen.getByText(/lock:none/)).toBeTruthy());
    await act(() => clock.advance(60_000));
    expect(screen.getByText(/lock:curfew/)).toBeTruthy();
  });

  test('without a zone it is Asia/Shanghai’s: 22:00 in London is morning there, and free', async () => {
    const { clock, ui } = setup(london(21, 59));
    render(ui(<Status />));
    await act(() => clock.advance(60_000));
    expect(screen.getByText(/lock:none/)).toBeTruthy();
  });

  test('time counts only while the provider’s visibility says the app is in front', async () => {
    const visibility = createVisibility(true);
    const { clock, ui } = setup(shanghai(10), true, { visibility });
    render(ui(<Status />));
    await act(() => clock.advance(20 * 60_000));
    expect(screen.getByText(/used:20/)).toBeTruthy();
    act(() => visibility.set(false));
    await act(() => clock.advance(30 * 60_000));
    expect(screen.getByText(/used:20/)).toBeTruthy();
    act(() => visibility.set(true));
    await act(() => clock.advance(5 * 60_000));
    expect(screen.getByText(/used:25/)).toBeTruthy();
  });

  test('by default it is the page’s own visibility: time counts while the page is visible', async () => {
    const { clock, ui } = setup(shanghai(10));
    render(ui(<Status />));
    await act(() => clock.advance(10 * 60_000));
    expect(screen.getByText(/used:10/)).toBeTruthy();
  });
});

describe('minor mode components', () => {
  test('at 22:00 the lock screen covers the app, whose content is inert and hidden from screen readers', async () => {
    const { clock, ui } = setup(shanghai(21, 59));
    render(ui(<MinorModeGate><Feed /></MinorModeGate>));
    expect(screen.getByRole('button', { name: '播放' })).toBeTruthy();
    await act(() => clock.advance(60_000));
    const lock = screen.getByRole('dialog', { name: m.minorMode.gate.curfewTitle });
    expect(within(lock).getByText(/12月1日 06:00 后/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '播放' })).toBeNull();
    expect(document.querySelector('[data-slot="minor-mode-gate-content"]')?.hasAttribute('inert')).toBe(true);
  });

  test('when today’s time is up, a guardian grants 15 minutes with the PIN', async () => {
    const user = userEvent.setup({ advanceTimers: () => undefined });
    const { clock, adapter, ui } = setup(shanghai(14));
    await adapter.setPin('2580', { idempotencyKey: 'k', signal: new AbortController().signal });
    render(ui(<MinorModeGate><Feed /></MinorModeGate>));
    await act(() => clock.advance(60 * 60_000));
    await user.click(screen.getByRole('button', { name: m.minorMode.gate.grant }));
    const dialog = screen.getByRole('dialog', { name: m.minorMode.verify.title });
    await user.type(within(dialog).getByLabelText(m.minorMode.verify.pinLabel), '2580');
    await user.click(within(dialog).getByRole('button', { name: m.minorMode.verify.submit }));
    await waitFor(() => expect(screen.getByRole('button', { name: '播放' })).toBeTruthy());
  });

  test('ads are non-personalized and the ads switch is locked with the reason; the feed gets the band’s pool', async () => {
    const { ui } = setup(shanghai(10));
    render(ui(<MinorModeGate><Feed /><PersonalizationSwitch scopes={['feed', 'ads']} /></MinorModeGate>));
    await waitFor(() => expect(screen.getByText(/ads:non-personalized pool:12-16/)).toBeTruthy());
    const ads = screen.getByRole('switch', { name: m.personalizationSwitch.scopes.ads.label });
    expect(ads.getAttribute('aria-checked')).toBe('false');
    expect(ads.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(m.minorModeNotice.adsLocked)).toBeTruthy();
  });

  test('settings: turning it on asks the band and a PIN twice; leaving needs the PIN', async () => {
    const user = userEvent.setup();
    const { ui } = setup(shanghai(10), false);
    render(ui(<MinorModeSettings />));
    await user.click(await screen.findByRole('radio', { name: m.minorMode.bands['8-12'] }));
    await user.type(screen.getByLabelText(m.minorMode.setup.pinLabel), '2580');
    await user.type(screen.getByLabelText(m.minorMode.setup.pinConfirmLabel), '2580');
    await user.click(screen.getByRole('button', { name: m.minorMode.setup.submit }));
    expect(await screen.findByText(m.minorMode.settings.statusOn)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: m.minorMode.settings.exit }));
    const dialog = screen.getByRole('dialog', { name: m.minorMode.verify.title });
    await user.type(within(dialog).getByLabelText(m.minorMode.verify.pinLabel), '1111');
    await user.click(within(dialog).getByRole('button', { name: m.minorMode.verify.submit }));
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', m.minorMode.verify.wrong_other.replace('{{count}}', '4'));
    await user.type(within(dialog).getByLabelText(m.minorMode.verify.pinLabel), '2580');
    await user.click(within(dialog).getByRole('button', { name: m.minorMode.verify.submit }));
    expect(await screen.findByText(m.minorMode.settings.statusOff)).toBeTruthy();
  });

  test('the entry prompt shown today is not shown again on this device until the next day', async () => {
    const { clock, ui } = setup(shanghai(23), false);
    const first = render(ui(<MinorModeEntryPrompt />));
    expect(await screen.findByRole('dialog', { name: m.minorMode.prompt.title })).toBeTruthy();
    first.unmount();
    const again = render(ui(<MinorModeEntryPrompt />));
    await act(() => clock.settle());
    expect(screen.queryByRole('dialog')).toBeNull();
    again.unmount();
    await act(() => clock.advance(60 * 60_000));
    render(ui(<MinorModeEntryPrompt />));
    expect(await screen.findByRole('dialog', { name: m.minorMode.prompt.title })).toBeTruthy();
  });

  test('the entry prompt shows once a day, and not when the platform turns it off', async () => {
    const { ui } = setup(shanghai(10), false);
    const first = render(ui(<MinorModeEntryPrompt />));
    expect(await screen.findByRole('dialog', { name: m.minorMode.prompt.title })).toBeTruthy();
    first.unmount();
    const off = setup(shanghai(10), false);
    render(off.ui(<MinorModeEntryPrompt enabled={false} />));
    await act(() => off.clock.settle());
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('reading minor mode again after its load failed', () => {
  /** What a consumer's view of minor mode shows: the band the feed gets, whether it is the strictest fallback, and a retry. */
  function Band() {
    const minor = useMinorMode();
    return (
      <>
        <p>{`band:${minor.ageBand ?? 'unknown'} pool:${minor.contentBand} failure:${minor.failure?.action ?? 'none'} hydrated:${String(minor.hydrated)}`}</p>
        <button type="button" onClick={minor.retry}>
          retry
        </button>
      </>
    );
  }

  test('the hook’s retry reads the stored state again: the strictest fallback gives way to the guardian’s band', async () => {
    const user = userEvent.setup({ advanceTimers: () => undefined });
    const { adapter, ui } = setup(shanghai(10));
    const network = { online: false };
    const load = adapter.load.bind(adapter);
    adapter.load = (options) => (network.online ? load(options) : Promise.reject(new Error('offline')));
    render(ui(<Band />));
    expect(await screen.findByText('band:unknown pool:under-3 failure:load hydrated:true')).toBeTruthy();
    network.online = true;
    await user.click(screen.getByRole('button', { name: 'retry' }));
    expect(await screen.findByText('band:12-16 pool:12-16 failure:none hydrated:true')).toBeTruthy();
  });

  test('coming back online reads it again: the strictest fallback gives way to the guardian’s band', async () => {
    const { adapter, ui } = setup(shanghai(10));
    const network = { online: false };
    const load = adapter.load.bind(adapter);
    adapter.load = (options) => (network.online ? load(options) : Promise.reject(new Error('offline')));
    render(ui(<Band />));
    expect(await screen.findByText('band:unknown pool:under-3 failure:load hydrated:true')).toBeTruthy();
    network.online = true;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('band:12-16 pool:12-16 failure:none hydrated:true')).toBeTruthy();
  });
});
