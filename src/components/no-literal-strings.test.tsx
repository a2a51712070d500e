import { act, render, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, test } from 'vitest';
import { createMemoryPreferencesAdapter } from '../core/adapters/memory-preferences-adapter.js';
import { withAdapterFaults } from '../core/adapters/fault-injection.js';
import { bundledMessages, type MessageOverrides } from '../core/i18n/messages.js';
import { RightsProvider } from '../provider/rights-provider.js';
import { PersonalizationSwitch } from './personalization-switch/personalization-switch.js';

// Every string replaced by a marker naming its key: any text in the DOM that is
// not made of markers was written into a component as a literal.
function markers(value: unknown, prefix = ''): unknown {
  if (typeof value === 'string') {
    return `«${prefix}»`;
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, markers(child, prefix ? `${prefix}.${key}` : key)]),
  );
}
const marked = markers(bundledMessages['zh-CN']) as MessageOverrides;

const assistiveAttributes = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder'];

function literalStrings(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const rest = (node.textContent ?? '').replace(/«[^»]+»/g, '').trim();
    if (rest) {
      found.push(`text: ${rest}`);
    }
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of assistiveAttributes) {
      const value = element.getAttribute(name);
      if (value !== null && value.replace(/«[^»]+»/g, '').trim()) {
        found.push(`${name}: ${value}`);
      }
    }
  }
  return found;
}

function renderMarked(ui: ReactElement, adapters = { preferences: createMemoryPreferencesAdapter(), pendingSync: createMemoryPreferencesAdapter() }) {
  return render(
    <RightsProvider locale="zh-CN" messages={{ 'zh-CN': marked }} adapters={adapters}>
      {ui}
    </RightsProvider>,
  );
}

describe('no visible or assistive string is a literal', () => {
  test('PersonalizationSwitch with every scope', () => {
    const { container } = renderMarked(<PersonalizationSwitch scopes={['feed', 'ads', 'push', 'search']} />);
    expect(container.textContent).toContain('«personalizationSwitch.label»');
    expect(literalStrings(container)).toEqual([]);
  });

  test('PersonalizationSwitch while loading', () => {
    const { container } = renderMarked(<PersonalizationSwitch />, {
      preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { hang: ['load'] }),
      pendingSync: createMemoryPreferencesAdapter(),
    });
    expect(container.textContent).toContain('«personalizationSwitch.loading»');
    expect(literalStrings(container)).toEqual([]);
  });

  test('PersonalizationSwitch pending sync and rolled back', async () => {
    const { container } = renderMarked(<PersonalizationSwitch />, {
      preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
      pendingSync: createMemoryPreferencesAdapter(),
    });
    const view = within(container);
    await waitFor(() => expect(view.getByRole('switch')).toBeEnabled());
    await act(async () => view.getByRole('switch').click());
    await act(async () => view.getByRole('switch').click());
    await view.findByRole('alert');
    expect(container.textContent).toContain('«personalizationSwitch.syncPending»');
    expect(container.textContent).toContain('«errors.write-failed»');
    expect(literalStrings(container)).toEqual([]);
  });
});
