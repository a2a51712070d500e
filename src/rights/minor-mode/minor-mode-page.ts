import type { Locator, Page } from '@playwright/test';
import type { MinorAgeBand } from './core/model.js';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/**
 * A Playwright page object for minor mode (未成年人模式), by role and rendered name: the guardian console
 * (`MinorModeSettings`), the lock screen and the rest reminder of `MinorModeGate`, and the guardian check.
 *
 * ```ts
 * const minor = new MinorModePage(page, { locale: 'zh-CN' });
 * await minor.enter({ ageBand: '12-16', pin: '2580' });
 * await page.clock.fastForward('60:00');
 * await expect(minor.lockScreen).toBeVisible();
 * await minor.grantTime(15, '2580');
 * ```
 */
export class MinorModePage extends RightsPage {
  /** The guardian console's region. */
  readonly settings: Locator;
  /** The lock screen (a modal dialog) while the app is locked, for either reason. */
  readonly lockScreen: Locator;
  /** The lock screen at the 22:00–06:00 curfew. */
  readonly curfewLock: Locator;
  /** The lock screen once today's time is used up. */
  readonly limitLock: Locator;
  /** The rest reminder after 30 minutes of continuous use. */
  readonly restReminder: Locator;
  /** The guardian check dialog. */
  readonly verification: Locator;
  /** What the guardian check says: a wrong PIN with the tries left, or the lockout. */
  readonly verificationError: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.settings = this.scope.getByRole('region', { name: this.text('minorMode.settings.title'), exact: true });
    this.curfewLock = page.getByRole('dialog', { name: this.text('minorMode.gate.curfewTitle'), exact: true });
    this.limitLock = page.getByRole('dialog', { name: this.text('minorMode.gate.limitTitle'), exact: true });
    this.lockScreen = this.curfewLock.or(this.limitLock);
    this.restReminder = page.getByRole('alert').filter({ hasText: this.text('minorMode.rest.text') });
    this.verification = page.getByRole('dialog', { name: this.text('minorMode.verify.title'), exact: true });
    this.verificationError = this.verification.getByRole('alert');
  }

  /** The lock screen's "use resumes at …" line, for the time as the gate formats it. */
  resumesAt(time: string): Locator {
    return this.lockScreen.getByText(this.text('minorMode.gate.resumes', { time }), { exact: true });
  }

  /** Turns minor mode on from the guardian console: the band, then the PIN twice. */
  async enter(options: { ageBand: MinorAgeBand; pin: string }): Promise<void> {
    await this.settings.getByRole('radio', { name: this.text(`minorMode.bands.${options.ageBand}`), exact: true }).check();
    await this.settings.getByLabel(this.text('minorMode.setup.pinLabel'), { exact: true }).fill(options.pin);
    await this.settings.getByLabel(this.text('minorMode.setup.pinConfirmLabel'), { exact: true }).fill(options.pin);
    await this.settings.getByRole('button', { name: this.text('minorMode.setup.submit'), exact: true }).click();
    await this.settings.getByText(this.text('minorMode.settings.statusOn'), { exact: true }).waitFor();
  }

  /** Types the PIN into the open guardian check and confirms. */
  async verify(pin: string): Promise<void> {
    await this.verification.getByLabel(this.text('minorMode.verify.pinLabel'), { exact: true }).fill(pin);
    await this.verification.getByRole('button', { name: this.text('minorMode.verify.submit'), exact: true }).click();
  }

  /** Leaves minor mode from the guardian console with the PIN. A wrong PIN leaves the check open, saying so. */
  async exit(pin: string): Promise<void> {
    await this.settings.getByRole('button', { name: this.text('minorMode.settings.exit'), exact: true }).click();
    await this.verify(pin);
  }

  /** From the lock screen at the daily limit: a guardian grants `minutes` (15, 30 or 60) with the PIN. */
  async grantTime(minutes: 15 | 30 | 60, pin: string): Promise<void> {
    await this.limitLock.getByRole('button', { name: this.text('minorMode.gate.grant'), exact: true }).click();
    await this.verification.getByRole('radio', { name: this.text('minorMode.gate.minutes', { count: minutes }), exact: true }).check();
    await this.verify(pin);
  }

  /** Takes the rest reminder. */
  async dismissRestReminder(): Promise<void> {
    await this.restReminder.getByRole('button', { name: this.text('minorMode.rest.dismiss'), exact: true }).click();
  }
}
