import { act, render, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, test } from 'vitest';
import { createMemoryOutboxAdapter } from './kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from './rights/personalization/core/adapters.js';
import { withAdapterFaults } from './kernel/core/adapters/fault-injection.js';
import { bundledMessages } from './kernel/core/i18n/all-messages.js';
import type { MessageOverrides } from './kernel/core/i18n/messages.js';
import { RightsProvider } from './provider.js';
import { createMemoryTagsAdapter } from './rights/tags/core/adapters.js';
import { AlgorithmDisclosure } from './rights/disclosure/algorithm-disclosure.js';
import { WhyRecommended } from './rights/disclosure/why-recommended.js';
import { NotInterestedButton } from './rights/feedback/not-interested-button.js';
import { PersonalizationSwitch } from './rights/personalization/personalization-switch.js';
import { RecommendationModePicker } from './rights/personalization/recommendation-mode-picker.js';
import { UserTagManager } from './rights/tags/user-tag-manager.js';

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

function renderMarked(ui: ReactElement, adapters: Record<string, unknown> = { preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }) {
  return render(
    <RightsProvider locale="zh-CN" messages={{ 'zh-CN': marked }} adapters={adapters as never}>
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
      outbox: createMemoryOutboxAdapter(),
    });
    expect(container.textContent).toContain('«personalizationSwitch.loading»');
    expect(literalStrings(container)).toEqual([]);
  });

  test('PersonalizationSwitch pending sync and rolled back', async () => {
    const { container } = renderMarked(<PersonalizationSwitch />, {
      preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
      outbox: createMemoryOutboxAdapter(),
    });
    const view = within(container);
    await waitFor(() => expect(view.getByRole('switch')).toBeEnabled());
    await act(async () => view.getByRole('switch').click());
    await act(async () => view.getByRole('switch').click());
    // The rollback is said in a toast, portalled out of the component.
    await within(document.body).findByRole('alert');
    // The value put back after the rollback is syncing: "sync now" is offered, and the toast says what happened.
    expect(container.textContent).toContain('«personalizationSwitch.retryNow»');
    expect(document.body.textContent).toContain('«personalizationSwitch.rolledBack»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  // Platform-supplied text (sections, reasons, strategy and tag labels) is marked too, so only the kit's own strings can remain.
  test('AlgorithmDisclosure, open, with every optional section', () => {
    renderMarked(
      <AlgorithmDisclosure
        principles="«p»"
        purpose="«u»"
        mechanism="«m»"
        audience="«a»"
        fairPricing
        filings={{ number: '网信算备110108823483902230019号', name: '«n»' }}
        defaultOpen
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('«algorithmDisclosure.title»');
    expect(literalStrings(document.body).filter((entry) => !entry.includes('网信算备'))).toEqual([]);
  });

  test('AlgorithmDisclosure in its filing period, with a generative-AI filing', () => {
    renderMarked(
      <AlgorithmDisclosure
        principles="«p»"
        purpose="«u»"
        mechanism="«m»"
        filingStatus="in-progress"
        generativeAi={[{ model: '«g»', number: '«n»' }, { model: '«g»', number: '«o»', kind: 'registered' }]}
        defaultOpen
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('«algorithmDisclosure.filingInProgressDetail»');
    expect(text).toContain('«algorithmDisclosure.generative.registered»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  test('WhyRecommended, open', () => {
    renderMarked(<WhyRecommended reasons={['«r»']} itemLabel="«i»" defaultOpen />);
    expect(document.body.textContent).toContain('«whyRecommended.title»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  test('WhyRecommended, open, non-personalized with a strategy', async () => {
    const preferences = createMemoryPreferencesAdapter();
    await preferences.save(
      {
        preferences: { master: 'non-personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: 'hot' },
        revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
      },
      { idempotencyKey: 'seed', signal: new AbortController().signal },
    );
    renderMarked(<WhyRecommended reasons={[]} strategies={[{ id: 'hot', label: '«s»' }]} defaultOpen />, { preferences, outbox: createMemoryOutboxAdapter() });
    await waitFor(() => expect(document.body.textContent).toContain('«whyRecommended.strategy»'));
    expect(document.body.textContent).toContain('«whyRecommended.nonPersonalized»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  test('RecommendationModePicker', () => {
    const { container } = renderMarked(<RecommendationModePicker strategies={[{ id: 'popular', label: '«s»', description: '«d»' }]} />);
    expect(container.textContent).toContain('«recommendationModePicker.label»');
    expect(literalStrings(container)).toEqual([]);
  });

  test('UserTagManager with tags, a selection, a catalogue and an open confirmation', async () => {
    const tags = createMemoryTagsAdapter({
      initial: {
        tags: [{ id: 't', label: '«t»', categoryId: 'c', source: 'inferred', sourceDetail: '«s»' }],
        categories: [{ id: 'c', label: '«c»' }],
      },
    });
    const { container } = renderMarked(<UserTagManager catalogue={[{ id: 'i', label: '«i»', categoryId: 'c' }]} />, {
      tags,
      outbox: createMemoryOutboxAdapter(),
    });
    const view = within(container);
    await act(async () => view.getByRole('checkbox').click());
    await act(async () => view.getByRole('button', { name: '«userTagManager.deleteAll»' }).click());
    expect(document.body.textContent).toContain('«userTagManager.confirm.allTitle_other»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  test('NotInterestedButton, sent', async () => {
    const { container } = renderMarked(<NotInterestedButton itemId="x" reasons={false} undoMs={0} />, {
      tags: createMemoryTagsAdapter(),
      outbox: createMemoryOutboxAdapter(),
    });
    await act(async () => within(container).getByRole('button').click());
    await within(container).findByText('«notInterested.sent»');
    expect(literalStrings(container)).toEqual([]);
  });
});
