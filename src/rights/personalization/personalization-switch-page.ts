import type { Locator, Page } from '@playwright/test';
import type { PersonalizationScope } from '../../kernel/core/types.js';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/**
 * A Playwright page object for {@link PersonalizationSwitch}: finds its parts
 * by role and by the names the component renders, with the provider's locale
 * and `messages` overrides, as a person would.
 *
 * ```ts
 * const settings = new PersonalizationSwitchPage(page, { locale: 'zh-CN' });
 * await settings.turnOffByKeyboard();
 * await expect(settings.master).not.toBeChecked();
 * ```
 */
export class PersonalizationSwitchPage extends RightsPage {
  /** The master switch. */
  readonly master: Locator;
  /** The text that says a choice waits to be synced. */
  readonly syncPendingMessage: Locator;
  /** The button that sends a pending choice now. */
  readonly retryButton: Locator;
  /** The alert shown after a failed read, or another failure that stays until dismissed. */
  readonly errorAlert: Locator;
  /** The toast shown when a choice is undone because its write failed; portalled, so found on the whole page. */
  readonly toast: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.master = this.scope.getByRole('switch', { name: this.text('personalizationSwitch.label'), exact: true });
    this.syncPendingMessage = this.scope.getByText(this.text('personalizationSwitch.syncPending'));
    this.retryButton = this.scope.getByRole('button', { name: this.text('personalizationSwitch.retryNow') });
    this.errorAlert = this.scope.locator('[data-slot="personalization-switch-error"]');
    this.toast = this.page.locator('[data-slot="personalization-switch-toast"]');
  }

  /** The switch of one scope: feed, ads, push or search. */
  scopeSwitch(scope: PersonalizationScope): Locator {
    return this.scope.getByRole('switch', { name: this.text(`personalizationSwitch.scopes.${scope}.label`), exact: true });
  }

  /** Focuses the master switch with the keyboard alone and presses Space, as a keyboard user does. */
  async turnOffByKeyboard(): Promise<void> {
    await this.master.waitFor();
    for (let presses = 0; presses < 50; presses += 1) {
      if (await this.master.evaluate((element) => element === document.activeElement)) {
        break;
      }
      await this.page.keyboard.press('Tab');
    }
    if (!(await this.master.evaluate((element) => element === document.activeElement))) {
      throw new Error('PersonalizationSwitchPage: the master switch could not be reached with Tab.');
    }
    if ((await this.master.getAttribute('aria-checked')) === 'true') {
      await this.page.keyboard.press('Space');
    }
  }
}
