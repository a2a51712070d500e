import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import {
  AgreementConsent,
  ConsentSettings,
  SeparateConsent,
  createLocalStorageConsentAdapter,
  createLocalStorageOutboxAdapter,
  type ConsentAdapter,
} from '../../index.js';
import { CONSENT_E2E_KEYS, POSTED_WORDS, SUBJECT_ID, consentDocuments, separateRequest, updatedPrivacyRules } from './story-content.js';
import { localeOf, type DemoLocale } from '../../../stories/support/messages.js';

/**
 * Stories that the end-to-end tests of the consent drive by hand: no play functions, and `!test` keeps
 * them out of the story tests. Receipts and the outbox live in localStorage, so a reload keeps them;
 * the backend is "offline" while the test sets a flag.
 */
const meta = {
  title: 'E2E fixtures/Consent',
  tags: ['fixture', '!test', '!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The localStorage adapter behind a connection that fails while the test says the backend is unreachable. */
function reachable(adapter: Required<ConsentAdapter>): ConsentAdapter {
  return {
    load: (options) => adapter.load(options),
    record: (receipt, options) => {
      if (localStorage.getItem(CONSENT_E2E_KEYS.offline) === '1') {
        throw new Error('The backend cannot be reached.');
      }
      return adapter.record(receipt, options);
    },
    subscribe: adapter.subscribe,
  };
}

const adapters = () => ({
  consent: reachable(createLocalStorageConsentAdapter({ key: CONSENT_E2E_KEYS.consent })),
  outbox: createLocalStorageOutboxAdapter({ key: CONSENT_E2E_KEYS.outbox }),
});

/** The documents of the version the test chose (a later one carries its change summary). */
function documentsFor(locale: DemoLocale) {
  const version = typeof localStorage === 'undefined' ? null : localStorage.getItem(CONSENT_E2E_KEYS.version);
  const [agreement, privacy] = consentDocuments(locale);
  return version === '2026-12' ? [agreement, updatedPrivacyRules(locale, 'consent')] : [agreement, privacy];
}

/** An app's first launch: its consent settings page, with the agreement asked for over it. */
export const AppLaunch: Story = {
  parameters: { rights: { adapters } },
  render: (_, { globals }) => {
    const locale = localeOf(globals);
    const documents = documentsFor(locale);
    return (
      <div style={{ display: 'grid', gap: 16 }}>
        <ConsentSettings documents={[...documents, separateRequest(locale, 'cross-border')]} subjectId={SUBJECT_ID} />
        <AgreementConsent documents={documents} subjectId={SUBJECT_ID} />
      </div>
    );
  },
};

function Composer(props: { locale: DemoLocale }) {
  const [done, setDone] = useState(false);
  const [button, result] = POSTED_WORDS[props.locale];
  return (
    <div data-slot="demo-composer" style={{ display: 'grid', gap: 8 }}>
      <button type="button" onClick={() => setDone(true)}>
        {button}
      </button>
      <p role="status">{done ? result : ''}</p>
    </div>
  );
}

/** A feature that needs a separate consent (translation abroad), next to one that does not (posting). */
export const SeparateInApp: Story = {
  parameters: { rights: { adapters } },
  render: (_, { globals }) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SeparateConsent request={separateRequest(localeOf(globals), 'cross-border')} subjectId={SUBJECT_ID} />
      <Composer locale={localeOf(globals)} />
    </div>
  ),
};
