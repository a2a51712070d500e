import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import type { OutboxAdapter } from '../../kernel/core/adapters/types.js';
import type { ConsentAdapter } from './core/adapter.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { RightsProvider } from '../../provider.js';
import { createMemoryConsentAdapter, type StoredConsent } from './core/adapters.js';
import { createConsentReceipt, type ConsentDocument } from './core/model.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import { useAgreementConsent } from './use-agreement-consent.js';
import { useConsentSettings } from './use-consent-settings.js';

const agreement: ConsentDocument = {
  id: 'service-agreement',
  version: '2026-11',
  kind: 'service-agreement',
  title: '用户服务协议',
  effectiveDate: '2026-11-01',
  text: '一、服务内容\n本服务向注册用户提供短视频浏览与发布。',
};
const documents = [agreement];

function wrapperWith(adapters: { consent: ConsentAdapter; outbox: OutboxAdapter }) {
  return ({ children }: { children: ReactNode }) => (
    <RightsProvider locale="zh-CN" adapters={adapters}>
      {children}
    </RightsProvider>
  );
}

describe("consent's syncNotice means what every hook's does: a choice of the user's kept on this device and syncing", () => {
  test('a decline kept on this device and waiting for the adapter: syncNotice, and the refusal is in effect', async () => {
    const consent = withAdapterFaults(createMemoryConsentAdapter(), { hang: ['record'] }) as ConsentAdapter;
    const { result } = renderHook(() => useAgreementConsent({ documents, subjectId: 'user-1' }), { wrapper: wrapperWith({ consent, outbox: createMemoryOutboxAdapter() }) });
    await waitFor(() => expect(result.current.phase).toBe('ask'));
    expect(result.current.syncNotice).toBe(false);
    // The decline's promise settles once the adapter answers, which it does not here.
    await act(async () => {
      void result.current.decline();
    });
    await waitFor(() => expect(result.current.syncNotice).toBe(true));
    expect(result.current.syncPending).toBe(true);
    expect(result.current.phase).toBe('declined');
  });

  test('an agreement kept on this device and waiting for the adapter: syncNotice too, while the phase says it is pending', async () => {
    const consent = withAdapterFaults(createMemoryConsentAdapter(), { hang: ['record'] }) as ConsentAdapter;
    const { result } = renderHook(() => useAgreementConsent({ documents, subjectId: 'user-1' }), { wrapper: wrapperWith({ consent, outbox: createMemoryOutboxAdapter() }) });
    await waitFor(() => expect(result.current.phase).toBe('ask'));
    act(() => result.current.setChecked(true));
    await act(async () => {
      void result.current.agree();
    });
    await waitFor(() => expect(result.current.phase).toBe('pending'));
    expect(result.current.syncNotice).toBe(true);
  });

  test('a decline this device could not keep: no syncNotice, since nothing is saved on this device', async () => {
    const consent = withAdapterFaults(createMemoryConsentAdapter(), { hang: ['record'] }) as ConsentAdapter;
    const outbox = withAdapterFaults(createMemoryOutboxAdapter(), { reject: ['put'] }) as OutboxAdapter;
    const { result } = renderHook(() => useAgreementConsent({ documents, subjectId: 'user-1' }), { wrapper: wrapperWith({ consent, outbox }) });
    await waitFor(() => expect(result.current.phase).toBe('ask'));
    // The decline's promise settles once the adapter answers, which it does not here.
    await act(async () => {
      void result.current.decline();
    });
    await waitFor(() => expect(result.current.syncPending).toBe(true));
    expect(result.current.syncNotice).toBe(false);
  });
});

describe('a withdrawal stays in effect in the tab that made it', () => {
  test('another tab stores it while this one cannot read the receipts: the settings still read withdrawn here, with its receipt', async () => {
    const cell: MemoryCell = { value: null };
    const outboxCell: MemoryCell = { value: null };
    const given = await createConsentReceipt(agreement, { event: 'given', locale: 'zh-CN', subjectId: 'user-1', now: Date.now() - 60_000 });
    const backend = createMemoryConsentAdapter({ cell, initial: [{ ...given, receiptId: 'R-1', storedAt: given.collectedAt }] });
    let reachable = true;
    const unreliable: ConsentAdapter = {
      ...backend,
      load(options) {
        if (!reachable) {
          throw new Error('offline');
        }
        return backend.load(options);
      },
      record(receipt, options) {
        if (!reachable) {
          throw new Error('offline');
        }
        return backend.record(receipt, options);
      },
    };
    const first = renderHook(() => useConsentSettings({ documents, subjectId: 'user-1' }), {
      wrapper: wrapperWith({ consent: unreliable, outbox: createMemoryOutboxAdapter({ cell: outboxCell }) }),
    });
    await waitFor(() => expect(first.result.current.items[0]?.status).toBe('given'));
    reachable = false;
    await act(async () => {
      await first.result.current.withdraw(agreement.id);
    });
    await waitFor(() => expect(first.result.current.items[0]?.status).toBe('withdrawn'));
    expect(first.result.current.syncPending).toBe(true);

    const second = renderHook(() => useConsentSettings({ documents, subjectId: 'user-1' }), {
      wrapper: wrapperWith({ consent: createMemoryConsentAdapter({ cell }), outbox: createMemoryOutboxAdapter({ cell: outboxCell }) }),
    });
    await waitFor(() => expect((cell.value as StoredConsent).receipts.map((receipt) => receipt.event)).toEqual(['given', 'withdrawn']));
    await waitFor(() => expect(first.result.current.syncPending).toBe(false));
    expect(second.result.current.items[0]?.status).toBe('withdrawn');
    expect(first.result.current.items[0]?.status).toBe('withdrawn');
    expect(first.result.current.items[0]?.receipts.map((receipt) => receipt.event)).toEqual(['given', 'withdrawn']);
  });
});
