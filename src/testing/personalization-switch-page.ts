import type { Locator, Page } from '@playwright/test';
import type { PersonalizationScope } from '../core/types.js';
import { bundledMessages } from '../core/i18n/all-messages.js';
import { resolveRightsLocale, type RightsLocale } from '../core/i18n/messages.js';

/**
 * A Playwright page object for {@link PersonalizationSwitch}: finds its parts
 * by role and by the shipped accessible names of `locale`, as a person would.
 *
 * ```ts
 * const settings = new PersonalizationSwitchPage(page, 'zh-CN');
 * await settings.turnOffByKeyboard();
 * await expect(settings.master).not.toBeChecked();
 * ```
 */
export class PersonalizationSwitchPage {
  readonly locale: RightsLocale;
  /** The master switch. */
  readonly master: Locator;
  /** The live region that reports a pending sync. */
  readonly syncPendingMessage: Locator;
  /** The button that retries a pending sync. */
  readonly retryButton: Locator;
  /** The alert shown after a failed read or a rolled-back write. */
  readonly errorAlert: Locator;

  constructor(
    readonly page: Page,
    locale: string = 'zh-CN',
    /** Narrows every query to one part of the page, for pages with more than one switch. */
    readonly scope: Page | Locator = page,
  ) {
    this.locale = resolveRightsLocale(locale);
    const strings = bundledMessages[this.locale].personalizationSwitch;
    this.master = scope.getByRole('switch', { name: strings.label, exact: true });
    this.syncPendingMessage = scope.getByText(strings.syncPending);
    this.retryButton = scope.getByRole('button', { name: strings.retryNow });
    this.errorAlert = scope.getByRole('alert');
  }

  /** The switch of one scope: feed, ads, push or search. */
  scopeSwitch(scope: PersonalizationScope): Locator {
    return this.scope.getByRole('switch', { name: bundledMessages[this.locale].personalizationSwitch.scopes[scope].label, exact: true });
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

  /** The localized message of an error code, to compare with {@link errorAlert}. */
  errorMessage(code: keyof (typeof bundledMessages)['zh-CN']['errors']): string {
    return bundledMessages[this.locale].errors[code];
  }
}
