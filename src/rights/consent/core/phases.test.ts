import { describe, expect, test } from 'vitest';
import { DEFAULT_CONSENT_QUIET_PERIOD_MS, type ConsentReceipt } from './model.js';
import {
  AGREE_STANDINGS,
  DECLINE_STANDINGS,
  agreeingEvent,
  agreementPhase,
  changedDocuments,
  consentStandings,
  documentsIn,
  effectiveReceipts,
  isGranting,
  quietHours,
  separateConsentPhase,
} from './phases.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function receipt(documentId: string, event: ConsentReceipt['event'], collectedAt: string, version = '2026-11'): ConsentReceipt {
  return {
    recordId: `${documentId}-${event}-${collectedAt}`,
    documentId,
    documentVersion: version,
    textSha256: '0'.repeat(64),
    locale: 'zh-CN',
    event,
    collectedAt,
    collectionMethod: 'checkbox-in-dialog',
    purposes: [documentId],
    subjectId: 'user-1',
  };
}

const agreement = { id: 'service-agreement', version: '2026-11' };
const privacy = { id: 'privacy-rules', version: '2026-11' };

describe('the agreement phase', () => {
  test('first launch asks; once every document is given in its version, agreed', () => {
    const now = at('2026-11-30T08:00:00Z');
    const none = consentStandings([agreement, privacy], [], now);
    expect(none).toEqual({ 'service-agreement': 'ask', 'privacy-rules': 'ask' });
    expect(agreementPhase({ hydrated: true, granting: false, standings: none, reopened: false })).toBe('ask');
    const given = consentStandings([agreement, privacy], [receipt('service-agreement', 'given', '2026-11-29T08:00:00Z'), receipt('privacy-rules', 'given', '2026-11-29T08:00:00Z')], now);
    expect(agreementPhase({ hydrated: true, granting: false, standings: given, reopened: false })).toBe('agreed');
  });

  test('until the receipts are known it is loading, and while a grant waits to be stored it is pending', () => {
    const standings = consentStandings([agreement], [], at('2026-11-30T08:00:00Z'));
    expect(agreementPhase({ hydrated: false, granting: true, standings, reopened: false })).toBe('loading');
    expect(agreementPhase({ hydrated: true, granting: true, standings, reopened: false })).toBe('pending');
  });

  test('a refusal is respected for the quiet period of 48 hours: declined, unless the user reopens it; asked again after', () => {
    const declined = [receipt('service-agreement', 'declined', '2026-11-30T08:00:00Z')];
    const within = consentStandings([agreement], declined, at('2026-12-02T07:59:00Z'));
    expect(within).toEqual({ 'service-agreement': 'quiet' });
    expect(agreementPhase({ hydrated: true, granting: false, standings: within, reopened: false })).toBe('declined');
    expect(agreementPhase({ hydrated: true, granting: false, standings: within, reopened: true })).toBe('ask');
    const after = consentStandings([agreement], declined, at('2026-12-02T08:00:00Z'));
    expect(agreementPhase({ hydrated: true, granting: false, standings: after, reopened: false })).toBe('ask');
    expect(quietHours(DEFAULT_CONSENT_QUIET_PERIOD_MS)).toBe(48);
  });

  test('a new version needing consent is renewal; one whose change is a notice is notify; renewal comes before a notice', () => {
    const old = [receipt('service-agreement', 'given', '2026-10-01T08:00:00Z', '2026-10'), receipt('privacy-rules', 'given', '2026-10-01T08:00:00Z', '2026-10')];
    const now = at('2026-11-30T08:00:00Z');
    const renewal = consentStandings([agreement], old, now);
    expect(agreementPhase({ hydrated: true, granting: false, standings: renewal, reopened: false })).toBe('renew');
    const noticeOnly = { ...privacy, change: { kind: 'notice' as const, summary: '联系方式更新' } };
    const notice = consentStandings([noticeOnly], old, now);
    expect(agreementPhase({ hydrated: true, granting: false, standings: notice, reopened: false })).toBe('notify');
    const both = consentStandings([agreement, noticeOnly], old, now);
    expect(agreementPhase({ hydrated: true, granting: false, standings: both, reopened: false })).toBe('renew');
    expect(changedDocuments([agreement, noticeOnly], both)).toEqual([agreement, noticeOnly]);
  });

  test('agreeing records given, or renewed for a new version; declining leaves a notified change alone', () => {
    const standings = { a: 'ask', q: 'quiet', r: 'renew', n: 'notify', g: 'given' } as const;
    const documents = ['a', 'q', 'r', 'n', 'g'].map((id) => ({ id }));
    expect(documentsIn(documents, standings, AGREE_STANDINGS).map((document) => document.id)).toEqual(['a', 'q', 'r', 'n']);
    expect(documentsIn(documents, standings, DECLINE_STANDINGS).map((document) => document.id)).toEqual(['a', 'q', 'r']);
    expect(documentsIn([{ id: 'unknown' }], standings, ['ask'])).toEqual([{ id: 'unknown' }]);
    expect(['ask', 'quiet', 'renew', 'notify'].map((standing) => agreeingEvent(standing as 'ask'))).toEqual(['given', 'given', 'renewed', 'renewed']);
  });
});

describe('receipts in effect', () => {
  test('a waiting decline or withdrawal is in effect at once; a waiting give is not, and a stored one is counted once', () => {
    const stored = [receipt('service-agreement', 'given', '2026-11-29T08:00:00Z')];
    const withdrawal = receipt('service-agreement', 'withdrawn', '2026-11-30T08:00:00Z');
    const give = receipt('privacy-rules', 'given', '2026-11-30T08:00:00Z');
    expect(effectiveReceipts(stored, [withdrawal, give, stored[0]!])).toEqual([stored[0], withdrawal]);
    expect(isGranting([withdrawal, give], ['privacy-rules'])).toBe(true);
    expect(isGranting([withdrawal, give], ['service-agreement'])).toBe(false);
  });
});

describe('the separate consent phase', () => {
  const now = at('2026-11-30T08:00:00Z');
  const base = { hydrated: true, granting: false, latest: null, loadFailed: false } as const;

  test('asks, is pending while the give waits, and given once stored, also for a version whose change is a notice', () => {
    expect(separateConsentPhase({ ...base, standing: 'ask' })).toBe('ask');
    expect(separateConsentPhase({ ...base, granting: true, standing: 'ask' })).toBe('pending');
    expect(separateConsentPhase({ ...base, standing: 'given' })).toBe('given');
    expect(separateConsentPhase({ ...base, standing: 'notify' })).toBe('given');
    expect(separateConsentPhase({ ...base, standing: 'renew' })).toBe('ask');
    expect(separateConsentPhase({ ...base, hydrated: false, standing: 'given' })).toBe('loading');
  });

  test('within the quiet period it says whether the user declined or withdrew', () => {
    const withdrawn = receipt('face-swap', 'withdrawn', '2026-11-30T07:00:00Z');
    expect(separateConsentPhase({ ...base, standing: 'quiet', latest: withdrawn })).toBe('withdrawn');
    expect(separateConsentPhase({ ...base, standing: 'quiet', latest: receipt('face-swap', 'declined', '2026-11-30T07:00:00Z') })).toBe('declined');
    expect(consentStandings([{ id: 'face-swap', version: '2026-11' }], [withdrawn], now + 46 * HOUR)).toEqual({ 'face-swap': 'quiet' });
  });

  test('when the receipts could not be read it neither asks nor grants: error', () => {
    expect(separateConsentPhase({ ...base, loadFailed: true, standing: 'ask' })).toBe('error');
    // A decline kept on this device is still respected.
    expect(separateConsentPhase({ ...base, loadFailed: true, standing: 'quiet', latest: receipt('face-swap', 'declined', '2026-11-30T07:00:00Z') })).toBe('declined');
  });
});
