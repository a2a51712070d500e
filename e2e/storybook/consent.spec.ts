import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { AgreementConsentPage, seedConsents } from '../../src/testing.js';
import { CONSENT_E2E_KEYS, POSTED_WORDS, SUBJECT_ID, consentDocuments, separateRequest, updatedPrivacyRules } from '../../src/rights/consent/story-content.js';
import { FLOW_LOCALES, expectNoAxeViolations, flowTurns, openStory } from '../support.js';

const APP = 'e2e-fixtures-consent--app-launch';
const SEPARATE = 'e2e-fixtures-consent--separate-in-app';

type Stored = { documentId: string; event: string; textSha256: string; documentVersion: string };

/** The receipts the fixture's backend (localStorage) holds: an independent reader, not the page's own state. */
const storedReceipts = (page: Page) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{"receipts":[]}') as { receipts: Stored[] }).receipts, CONSENT_E2E_KEYS.consent);

const reload = async (page: Page) => {
  await page.reload();
  await page.locator('#storybook-root [data-slot]').first().waitFor();
};

for (const locale of FLOW_LOCALES) {
  const turn = flowTurns(locale);
  test.describe(`Consent in ${locale}`, () => {
    if (turn()) test('agree, reload, no prompt, the receipt hashes the text shown; a new version prompts again with its change summary', async ({ page }) => {
      await openStory(page, APP, locale);
      const consent = new AgreementConsentPage(page, { locale });
      await expect(consent.prompt).toBeVisible();
      await expect(consent.checkbox).not.toBeChecked();
      await expect(consent.agreeButton).toBeDisabled();
      await expectNoAxeViolations(page);
      const shown = await consent.documentText('service-agreement').textContent();
      expect(shown).toBe(consentDocuments(locale)[0].text);
      await consent.agree();
      await expect(consent.prompt).toBeHidden();

      await reload(page);
      await expect(consent.settingsItem('service-agreement')).toBeVisible();
      await expect(consent.prompt).toBeHidden();
      const receipts = await storedReceipts(page);
      expect(receipts.map((receipt) => `${receipt.documentId}:${receipt.event}`).sort()).toEqual(['privacy-rules:given', 'service-agreement:given']);
      expect(receipts.find((receipt) => receipt.documentId === 'service-agreement')?.textSha256).toBe(createHash('sha256').update(shown ?? '', 'utf8').digest('hex'));

      await page.evaluate(([key]) => localStorage.setItem(key ?? '', '2026-12'), [CONSENT_E2E_KEYS.version]);
      await reload(page);
      await expect(consent.changeSummary).toHaveText(updatedPrivacyRules(locale, 'consent').change?.summary ?? '');
      await expect(consent.checkbox).not.toBeChecked();
      await expectNoAxeViolations(page);
    });

    if (turn()) test('decline, reload: no prompt within the quiet period', async ({ page }) => {
      await openStory(page, APP, locale);
      const consent = new AgreementConsentPage(page, { locale });
      await consent.decline();
      await expect(consent.reopenButton).toBeVisible();
      await reload(page);
      await expect(consent.reopenButton).toBeVisible();
      await expect(consent.prompt).toBeHidden();
      expect((await storedReceipts(page)).map((receipt) => receipt.event)).toEqual(['declined', 'declined']);
      await expectNoAxeViolations(page);
    });

    if (turn()) test('withdraw while offline, reload: the withdrawal is kept, then confirmed once back online', async ({ page }) => {
      // Starts past the agreement, as a host's own tests do.
      await seedConsents(page, { documents: consentDocuments(locale), subjectId: SUBJECT_ID, locale, key: CONSENT_E2E_KEYS.consent });
      await openStory(page, APP, locale);
      const consent = new AgreementConsentPage(page, { locale });
      await expect(consent.settingsItem('privacy-rules')).toHaveAttribute('data-status', 'given');
      await expect(consent.prompt).toBeHidden();
      await page.evaluate((key) => localStorage.setItem(key, '1'), CONSENT_E2E_KEYS.offline);
      await consent.withdraw('privacy-rules');
      await expect(consent.settingsItem('privacy-rules')).toHaveAttribute('data-status', 'withdrawn');
      await expect(consent.withdrawSyncing('privacy-rules')).toBeVisible();
      await expectNoAxeViolations(page);

      await reload(page);
      await expect(consent.settingsItem('privacy-rules')).toHaveAttribute('data-status', 'withdrawn');
      await expect(consent.withdrawSyncing('privacy-rules')).toBeVisible();
      expect((await storedReceipts(page)).some((receipt) => receipt.event === 'withdrawn')).toBe(false);

      await page.evaluate((key) => {
        localStorage.removeItem(key);
        window.dispatchEvent(new Event('online'));
      }, CONSENT_E2E_KEYS.offline);
      await expect(consent.withdrawSyncing('privacy-rules')).toBeHidden();
      expect((await storedReceipts(page)).filter((receipt) => receipt.event === 'withdrawn').map((receipt) => receipt.documentId)).toEqual(['privacy-rules']);
      await expect(consent.settingsItem('privacy-rules')).toHaveAttribute('data-status', 'withdrawn');
    });

    if (turn()) test('a separate consent declined still leaves the rest working, and is not asked again after a reload', async ({ page }) => {
      await openStory(page, SEPARATE, locale);
      const consent = new AgreementConsentPage(page, { locale });
      const request = separateRequest(locale, 'cross-border');
      await expect(page.getByText(request.recipient?.country ?? '', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: consent.text('consent.separate.decline'), exact: true }).click();
      await expect(page.getByText(consent.text('consent.separate.declined', { hours: 48 }), { exact: true })).toBeVisible();
      const [post, posted] = POSTED_WORDS[locale];
      await page.getByRole('button', { name: post, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: posted })).toBeVisible();
      await reload(page);
      await expect(page.getByRole('checkbox')).toHaveCount(0);
      await expect(page.getByText(consent.text('consent.separate.declined', { hours: 48 }), { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
