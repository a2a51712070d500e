import { describe, expect, test } from 'vitest';
import { isConsentReceipt, type ConsentReceipt, type StoredConsentReceipt } from './model.js';
import { effectiveReceipts } from './phases.js';
import { consentSettingsItems, createWithdrawalReceipt } from './settings.js';

function receipt(documentId: string, event: ConsentReceipt['event'], collectedAt: string): ConsentReceipt {
  return {
    recordId: `${documentId}-${event}-${collectedAt}`,
    documentId,
    documentVersion: '2026-11',
    textSha256: 'a'.repeat(64),
    locale: 'zh-CN',
    event,
    collectedAt,
    collectionMethod: 'checkbox-in-dialog',
    purposes: [documentId === 'face-swap' ? 'face-voice-editing' : 'service-agreement'],
    subjectId: 'user-1',
  };
}
const stored = (value: ConsentReceipt): StoredConsentReceipt => ({ ...value, receiptId: `s-${value.recordId}`, storedAt: value.collectedAt });

describe('the consent settings rows', () => {
  test('one row per document in effect, in the order first collected, named by the platform or by id, with every receipt oldest first', () => {
    const given = stored(receipt('service-agreement', 'given', '2026-11-01T08:00:00Z'));
    const face = stored(receipt('face-swap', 'given', '2026-11-02T08:00:00Z'));
    const withdrawal = receipt('service-agreement', 'withdrawn', '2026-11-30T08:00:00Z');
    const items = consentSettingsItems({
      stored: [given, face],
      pending: [withdrawal],
      effective: effectiveReceipts([given, face], [withdrawal]),
      documents: [{ id: 'service-agreement', version: '2026-11', kind: 'service-agreement', title: '用户服务协议', effectiveDate: '2026-11-01', text: '……' }],
    });
    expect(items.map((item) => [item.documentId, item.title, item.status, item.syncing])).toEqual([
      ['service-agreement', '用户服务协议', 'withdrawn', true],
      ['face-swap', 'face-swap', 'given', false],
    ]);
    expect(items[0]?.receipts).toEqual([given, withdrawal]);
    expect(items[0]?.latest).toBe(withdrawal);
  });

  test('a grant that only waits to be stored is not listed as agreed', () => {
    const give = receipt('face-swap', 'given', '2026-11-30T08:00:00Z');
    expect(consentSettingsItems({ stored: [], pending: [give], effective: effectiveReceipts([], [give]), documents: [] })).toEqual([]);
  });

  test('a stored decline shows as declined', () => {
    const declined = stored(receipt('face-swap', 'declined', '2026-11-30T08:00:00Z'));
    expect(consentSettingsItems({ stored: [declined], pending: [], effective: [declined], documents: [] })[0]?.status).toBe('declined');
  });
});

describe('the withdrawal receipt', () => {
  test('names what it withdraws (document, version, text hash, purposes), is collected by the settings button on the store clock, and is a valid receipt', () => {
    const given = stored(receipt('face-swap', 'given', '2026-11-01T08:00:00Z'));
    const withdrawal = createWithdrawalReceipt(given, { locale: 'en', subjectId: 'user-1', now: Date.parse('2026-11-30T08:00:00Z'), recordId: 'w-1' });
    expect(withdrawal).toEqual({
      recordId: 'w-1',
      documentId: 'face-swap',
      documentVersion: '2026-11',
      textSha256: 'a'.repeat(64),
      locale: 'en',
      event: 'withdrawn',
      collectedAt: '2026-11-30T08:00:00.000Z',
      collectionMethod: 'button-in-settings',
      purposes: ['face-voice-editing'],
      subjectId: 'user-1',
    });
    expect(withdrawal.purposes).not.toBe(given.purposes);
    expect(isConsentReceipt(withdrawal)).toBe(true);
    expect(createWithdrawalReceipt(given, { locale: 'en', subjectId: 'user-1', now: 0 }).recordId).not.toBe(createWithdrawalReceipt(given, { locale: 'en', subjectId: 'user-1', now: 0 }).recordId);
  });
});
