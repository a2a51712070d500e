import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONSENT_QUIET_PERIOD_MS,
  assertConsentDocument,
  assertSeparateConsentRequest,
  consentShownText,
  consentStanding,
  createConsentReceipt,
  needsGuardianConsent,
  sha256Hex,
  type ConsentDocument,
  type ConsentReceipt,
  type SeparateConsentRequest,
} from './model.js';
import { RightsDeveloperError } from '../../../kernel/core/errors.js';

const agreement: ConsentDocument = {
  id: 'service-agreement',
  version: '2026-11',
  kind: 'service-agreement',
  title: '用户服务协议',
  effectiveDate: '2026-11-01',
  text: '一、服务内容\n本服务向注册用户提供……\n\n二、用户的权利和义务',
};

const faces: SeparateConsentRequest = {
  id: 'face-swap',
  version: '1',
  purpose: 'face-voice-editing',
  title: '人脸编辑',
  purposeText: '将你上传照片中的人脸替换为模板人物',
  data: '人脸图像',
  necessity: '不提供则无法使用换脸功能，其他功能不受影响',
};

const at = (iso: string) => Date.parse(iso);

function receipt(event: ConsentReceipt['event'], collectedAt: string, version = '2026-11'): ConsentReceipt {
  return {
    recordId: `r-${collectedAt}`,
    documentId: 'service-agreement',
    documentVersion: version,
    textSha256: '0'.repeat(64),
    locale: 'zh-CN',
    event,
    collectedAt,
    collectionMethod: 'checkbox-in-dialog',
    purposes: ['service-agreement'],
    subjectId: 'user-1',
  };
}

describe('the receipt hash', () => {
  test('is the lowercase hex SHA-256 of the UTF-8 text exactly as shown, the same as any other SHA-256', async () => {
    const text = consentShownText(agreement);
    expect(text).toBe(agreement.text);
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('changes with one character of the text, and covers the generative sections shown after it', async () => {
    const changed = { ...agreement, text: agreement.text.replace('提供', '提 供') };
    expect(await sha256Hex(consentShownText(changed))).not.toBe(await sha256Hex(consentShownText(agreement)));
    const generative = { ...agreement, generative: { audience: '面向成年用户，用于写作辅助', labelling: '生成内容标注“AI生成”' } };
    expect(consentShownText(generative)).toBe(`${agreement.text}\n\n面向成年用户，用于写作辅助\n\n生成内容标注“AI生成”`);
  });

  test('a separate consent hashes its purpose, data, recipient and necessity in the order shown', () => {
    const shared: SeparateConsentRequest = { ...faces, purpose: 'cross-border', recipient: { name: 'Example Pay Ltd.', contact: 'privacy@example.com', country: '新加坡' } };
    expect(consentShownText(shared)).toBe([faces.purposeText, faces.data, 'Example Pay Ltd.\nprivacy@example.com\n新加坡', faces.necessity].join('\n\n'));
  });

  test('a receipt has every field of the issue, the purposes and who gave it', async () => {
    const made = await createConsentReceipt(agreement, { event: 'given', locale: 'zh-CN', subjectId: 'user-1', now: at('2026-11-30T08:00:00Z'), givenBy: 'guardian' });
    expect(made).toMatchObject({
      documentId: 'service-agreement',
      documentVersion: '2026-11',
      textSha256: createHash('sha256').update(agreement.text).digest('hex'),
      locale: 'zh-CN',
      event: 'given',
      collectedAt: '2026-11-30T08:00:00.000Z',
      collectionMethod: 'checkbox-in-dialog',
      purposes: ['service-agreement'],
      subjectId: 'user-1',
      givenBy: 'guardian',
    });
    expect(made.recordId).toMatch(/.+/);
  });
});

describe('where a consent stands', () => {
  const now = at('2026-11-30T08:00:00Z');

  test('never asked: ask', () => {
    expect(consentStanding([], agreement, now).standing).toBe('ask');
  });

  test('given to this version: given; to an earlier one: renew, or notify when the platform marks the change a notice (PIPL 14, 17)', () => {
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z')], agreement, now).standing).toBe('given');
    const next = { ...agreement, version: '2026-12' };
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z')], next, now).standing).toBe('renew');
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z')], { ...next, change: { kind: 'consent', summary: '新增用途' } }, now).standing).toBe('renew');
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z')], { ...next, change: { kind: 'notice', summary: '更正错别字' } }, now).standing).toBe('notify');
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z'), receipt('renewed', '2026-11-29T00:00:00Z', '2026-12')], next, now).standing).toBe('given');
  });

  test('declined or withdrawn: quiet for 48 hours by default, then ask again (网络数据安全管理条例 22(5))', () => {
    const declined = [receipt('declined', '2026-11-29T08:00:01Z')];
    const quiet = consentStanding(declined, agreement, now);
    expect(quiet.standing).toBe('quiet');
    expect(quiet.askAfter).toBe(at('2026-11-29T08:00:01Z') + DEFAULT_CONSENT_QUIET_PERIOD_MS);
    expect(consentStanding(declined, agreement, at('2026-12-01T08:00:01Z')).standing).toBe('ask');
    expect(consentStanding([receipt('given', '2026-11-01T00:00:00Z'), receipt('withdrawn', '2026-11-30T07:00:00Z')], agreement, now).standing).toBe('quiet');
    expect(consentStanding(declined, agreement, now, 60_000).standing).toBe('ask');
  });
});

describe('inputs from the platform', () => {
  test('a document without a version or with a malformed date is a developer error naming the fix', () => {
    expect(() => assertConsentDocument({ ...agreement, version: '' })).toThrow(RightsDeveloperError);
    expect(() => assertConsentDocument({ ...agreement, effectiveDate: '1.11.2026' })).toThrow(/effectiveDate/);
  });

  test('sharing and cross-border transfer must name the recipient; cross-border its country (PIPL 23, 39)', () => {
    expect(() => assertSeparateConsentRequest({ ...faces, purpose: 'third-party' })).toThrow(/recipient/);
    expect(() => assertSeparateConsentRequest({ ...faces, purpose: 'cross-border', recipient: { name: 'X', contact: 'x@example.com' } })).toThrow(/country/);
    expect(assertSeparateConsentRequest(faces)).toBe(faces);
  });

  test('a guardian consents under 14, or when the platform (minor mode) says so (PIPL 31)', () => {
    expect([needsGuardianConsent({ age: 13 }), needsGuardianConsent({ age: 14 }), needsGuardianConsent({}), needsGuardianConsent({ age: 20, guardianRequired: true })]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});
