import type { BrowserContext, Locator, Page } from '@playwright/test';
import { CONSENT_STORAGE_KEY, toStoredConsentReceipt } from './core/adapters.js';
import { createConsentReceipt, type ConsentDocument, type SeparateConsentRequest, type StoredConsentReceipt } from './core/model.js';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * A Playwright page object for the agreement consent (`AgreementConsent`, `SeparateConsent` and
 * `ConsentSettings`), by role and rendered name.
 *
 * ```ts
 * const consent = new AgreementConsentPage(page, { locale: 'zh-CN' });
 * await expect(consent.agreeButton).toBeDisabled();
 * await consent.agree();
 * await consent.withdraw('privacy-rules');
 * ```
 */
export class AgreementConsentPage extends RightsPage {
  /** The prompt: a dialog, a bottom sheet, or the panel in place. */
  readonly prompt: Locator;
  /** The prompt's checkbox (我已阅读并同意…, or the guardian's). */
  readonly checkbox: Locator;
  /** 同意 (or 我知道了 for a notified change). */
  readonly agreeButton: Locator;
  /** 不同意. */
  readonly declineButton: Locator;
  /** 查看并同意, shown instead of the prompt within the quiet period after a refusal. */
  readonly reopenButton: Locator;
  /** The note that the consent record waits to be stored. */
  readonly pending: Locator;
  /** The change summary of a new version. */
  readonly changeSummary: Locator;
  /** `ConsentSettings`. */
  readonly settings: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.prompt = this.page.locator('[data-slot="agreement-consent-panel"]');
    this.checkbox = this.prompt.getByRole('checkbox').first();
    this.agreeButton = this.prompt.getByRole('button', { name: this.text('consent.agreement.agree'), exact: true }).or(
      this.prompt.getByRole('button', { name: this.text('consent.agreement.acknowledge'), exact: true }),
    );
    this.declineButton = this.prompt.getByRole('button', { name: this.text('consent.agreement.decline'), exact: true });
    this.reopenButton = this.scope.getByRole('button', { name: this.text('consent.agreement.reopen'), exact: true });
    this.pending = this.prompt.getByText(this.text('consent.agreement.pending'), { exact: true });
    this.changeSummary = this.prompt.locator('[data-slot="consent-document-change-summary"]');
    this.settings = this.scope.getByRole('region', { name: this.text('consent.settings.title'), exact: true });
  }

  /** Ticks the checkbox and presses 同意. */
  async agree(): Promise<void> {
    await this.checkbox.check();
    await this.agreeButton.click();
  }

  /** Presses 不同意. */
  async decline(): Promise<void> {
    await this.declineButton.click();
  }

  /** The text of one document exactly as shown (plain text), for comparing with a receipt's hash. */
  documentText(documentId: string): Locator {
    return this.prompt.locator(`[data-slot="consent-document"][data-document-id=${quoted(documentId)}] [data-slot="consent-document-body"] > *`).first();
  }

  /** One row of `ConsentSettings`, by document or purpose id. */
  settingsItem(documentId: string): Locator {
    return this.settings.locator(`[data-slot="consent-settings-item"][data-document-id=${quoted(documentId)}]`);
  }

  /** Withdraws a consent in `ConsentSettings`: 撤回同意, then 确定撤回. */
  async withdraw(documentId: string): Promise<void> {
    const item = this.settingsItem(documentId);
    await item.getByRole('button', { name: this.text('consent.settings.withdraw'), exact: true }).click();
    await item.getByRole('button', { name: this.text('consent.settings.confirm'), exact: true }).click();
  }

  /** The note that a withdrawal is in effect here and syncing. */
  withdrawSyncing(documentId: string): Locator {
    return this.settingsItem(documentId).getByText(this.text('consent.settings.withdrawSyncing'), { exact: true });
  }
}

/** What {@link seedConsents} stores. */
export interface SeedConsentsOptions {
  /** The documents and separate consents the user has agreed to, as the app passes them. */
  documents: readonly (ConsentDocument | SeparateConsentRequest)[];
  /** The user's pseudonymous id, as the app passes it. */
  subjectId: string;
  /** The language they were shown in. Default: `zh-CN`. */
  locale?: string;
  /** When. Default: now. */
  collectedAt?: Date;
  /** The storage key of the app's localStorage consent adapter. Default: `algorights:consent`. */
  key?: string;
}

/**
 * Seeds a browser's localStorage with consents already given, so that a host's own end-to-end tests
 * start past the agreement. Call it before the page loads; it stores only where nothing is stored
 * yet, so a reload keeps what the test did. Works with the kit's localStorage consent adapter (the
 * default); for your own adapter, seed your backend instead. Returns the receipts stored.
 *
 * ```ts
 * await seedConsents(page, { documents: [agreement, privacyRules], subjectId: 'user-1' });
 * await page.goto('/');
 * ```
 */
export async function seedConsents(target: Page | BrowserContext, options: SeedConsentsOptions): Promise<StoredConsentReceipt[]> {
  const now = (options.collectedAt ?? new Date()).getTime();
  const receipts = await Promise.all(
    options.documents.map(async (document) =>
      toStoredConsentReceipt(await createConsentReceipt(document, { event: 'given', locale: options.locale ?? 'zh-CN', subjectId: options.subjectId, now, collectionMethod: 'seeded-by-test' })),
    ),
  );
  const value = JSON.stringify({ version: 1, receipts, keys: [] });
  await target.addInitScript(
    ({ key, value }) => {
      if (window.localStorage.getItem(key) === null) {
        window.localStorage.setItem(key, value);
      }
    },
    { key: options.key ?? CONSENT_STORAGE_KEY, value },
  );
  return receipts;
}
