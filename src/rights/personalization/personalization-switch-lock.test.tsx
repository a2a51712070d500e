import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { withAdapterFaults, type AdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import type { MinorModeAdapter } from '../minor-mode/core/adapter.js';
import { createManualClock } from '../../kernel/core/clock.js';
import { bundledMessages } from '../../kernel/core/i18n/all-messages.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { RightsProvider } from '../../provider.js';
import { createMemoryMinorModeAdapter } from '../minor-mode/core/adapters.js';
import { MinorModeGate } from '../minor-mode/minor-mode-gate.js';
import { createMemoryPreferencesAdapter } from './core/adapters.js';
import { PersonalizationSwitch } from './personalization-switch.js';
import { useRecommendationMode } from './use-recommendation-mode.js';

const m = bundledMessages['zh-CN'];

function AdsMode() {
  return <p>ads:{useRecommendationMode().ads}</p>;
}

describe('the ads switch follows what the feed gets while minor mode is read', () => {
  test('while minor mode is still being read, the ads switch shows off and locked, as the feed gets ads non-personalized; once read and off, it unlocks', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 30, 2));
    const faults = { clock, hang: ['load'] } as AdapterFaults<keyof MinorModeAdapter & string>;
    const minorMode = withAdapterFaults(createMemoryMinorModeAdapter({ pinIterations: 1000 }), faults) as MinorModeAdapter;
    const view = (
      <RightsProvider locale="zh-CN" clock={clock} adapters={{ minorMode, preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
        <MinorModeGate>
          <AdsMode />
          <PersonalizationSwitch scopes={['feed', 'ads']} />
        </MinorModeGate>
      </RightsProvider>
    );
    const { unmount } = render(view);
    await act(() => clock.settle());
    const ads = () => screen.getByRole('switch', { name: m.personalizationSwitch.scopes.ads.label });
    const feed = () => screen.getByRole('switch', { name: m.personalizationSwitch.scopes.feed.label });
    expect(screen.getByText('ads:non-personalized')).toBeTruthy();
    expect(ads().getAttribute('aria-checked')).toBe('false');
    expect(ads().hasAttribute('disabled')).toBe(true);
    expect(ads().closest('[data-slot="personalization-switch-scope"]')?.getAttribute('data-locked')).toBe('minor-mode-loading');
    // Not known to be a minor: the switch does not say so.
    expect(screen.queryByText(m.minorModeNotice.adsLocked)).toBeNull();
    expect(feed().hasAttribute('disabled')).toBe(false);

    unmount();
    faults.hang = [];
    render(view);
    await waitFor(() => expect(screen.getByText('ads:personalized')).toBeTruthy());
    expect(ads().getAttribute('aria-checked')).toBe('true');
    expect(ads().hasAttribute('disabled')).toBe(false);
    expect(ads().closest('[data-slot="personalization-switch-scope"]')?.hasAttribute('data-locked')).toBe(false);
  });
});
