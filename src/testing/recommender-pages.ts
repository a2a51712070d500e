import type { Locator, Page } from '@playwright/test';
import { bundledMessages } from '../core/i18n/all-messages.js';
import { resolveRightsLocale, type RightsLocale } from '../core/i18n/messages.js';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * A Playwright page object for `UserTagManager`, by role and shipped name.
 *
 * ```ts
 * const tags = new UserTagManagerPage(page, 'zh-CN');
 * await tags.deleteTag('露营');
 * await tags.deleteCategory('旅行');
 * ```
 */
export class UserTagManagerPage {
  readonly locale: RightsLocale;
  /** The manager's region. */
  readonly root: Locator;
  /** The live region that reports deletions, undo and pending syncs. */
  readonly status: Locator;
  /** The button that undoes the last deletion. */
  readonly undoButton: Locator;
  /** The confirmation of a bulk deletion. */
  readonly confirmDialog: Locator;

  constructor(
    readonly page: Page,
    locale: string = 'zh-CN',
    readonly scope: Page | Locator = page,
  ) {
    this.locale = resolveRightsLocale(locale);
    const strings = this.strings;
    this.root = scope.getByRole('region', { name: strings.title, exact: true });
    this.status = this.root.getByRole('status').first();
    this.undoButton = this.root.getByRole('button', { name: strings.undo, exact: true });
    this.confirmDialog = page.getByRole('alertdialog');
  }

  private get strings() {
    return bundledMessages[this.locale].userTagManager;
  }

  /** The checkbox of one tag, named by its label. */
  tag(label: string): Locator {
    return this.root.getByRole('checkbox', { name: label, exact: true });
  }

  /** The heading of one category. */
  category(label: string): Locator {
    return this.root.getByRole('heading', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  /** The toggle of one interest in the catalogue. */
  interest(label: string): Locator {
    return this.root.getByRole('region', { name: this.strings.interests.title }).getByRole('button', { name: label, exact: true });
  }

  /** Deletes one tag with its own button. */
  async deleteTag(label: string): Promise<void> {
    await this.root.getByRole('button', { name: fill(this.strings.tag.delete, { label }), exact: true }).click();
  }

  /** Deletes every tag of a category, confirming in the alert dialog. */
  async deleteCategory(label: string): Promise<void> {
    await this.root.getByRole('button', { name: fill(this.strings.deleteCategory, { category: label }), exact: true }).click();
    await this.confirm();
  }

  /** Deletes every tag, confirming in the alert dialog. */
  async deleteAll(): Promise<void> {
    await this.root.getByRole('button', { name: this.strings.deleteAll, exact: true }).click();
    await this.confirm();
  }

  /** Presses the confirm button of the open alert dialog. */
  async confirm(): Promise<void> {
    await this.confirmDialog.getByRole('button', { name: this.strings.confirm.confirm, exact: true }).click();
  }
}

/** A Playwright page object for `RecommendationModePicker`. */
export class RecommendationModePickerPage {
  readonly locale: RightsLocale;
  /** The radio group. */
  readonly group: Locator;
  /** The personalized choice. */
  readonly personalized: Locator;

  constructor(
    readonly page: Page,
    locale: string = 'zh-CN',
    readonly scope: Page | Locator = page,
  ) {
    this.locale = resolveRightsLocale(locale);
    const strings = bundledMessages[this.locale].recommendationModePicker;
    this.group = scope.getByRole('radiogroup', { name: strings.label, exact: true });
    this.personalized = this.group.getByRole('radio', { name: strings.personalized.label, exact: true });
  }

  /** The radio of one non-personalized strategy, named by its label. */
  strategy(label: string): Locator {
    return this.group.getByRole('radio', { name: label, exact: true });
  }
}

/** A Playwright page object for `AlgorithmDisclosure`. */
export class AlgorithmDisclosurePage {
  readonly locale: RightsLocale;
  /** The button that opens the details. */
  readonly openButton: Locator;
  /** The details dialog. */
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    locale: string = 'zh-CN',
    readonly scope: Page | Locator = page,
  ) {
    this.locale = resolveRightsLocale(locale);
    const strings = bundledMessages[this.locale].algorithmDisclosure;
    this.openButton = scope.getByRole('button', { name: strings.openDetails, exact: true });
    this.dialog = page.getByRole('dialog', { name: strings.title, exact: true });
  }

  /** The link to the public record of one filing number, inside the dialog. */
  filingRecordLink(number: string): Locator {
    return this.dialog.getByRole('link', { name: fill(bundledMessages[this.locale].algorithmDisclosure.filingLink, { number }) });
  }

  /** The heading of one statutory section inside the dialog. */
  section(section: 'principles' | 'purpose' | 'mechanism' | 'audience' | 'fairPricing'): Locator {
    return this.dialog.getByRole('heading', { name: bundledMessages[this.locale].algorithmDisclosure.sections[section], exact: true });
  }
}
