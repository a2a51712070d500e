import type { Locator, Page } from '@playwright/test';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/**
 * A Playwright page object for `UserTagManager`, by role and rendered name.
 *
 * ```ts
 * const tags = new UserTagManagerPage(page, { locale: 'zh-CN' });
 * await tags.deleteTag('露营');
 * await tags.deleteCategory('旅行');
 * ```
 */
export class UserTagManagerPage extends RightsPage {
  /** The manager's region. */
  readonly root: Locator;
  /** The live region that reports deletions, undo and pending syncs. */
  readonly status: Locator;
  /** The button that undoes the last deletion. */
  readonly undoButton: Locator;
  /** The confirmation of a bulk deletion. */
  readonly confirmDialog: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.root = this.scope.getByRole('region', { name: this.text('userTagManager.title'), exact: true });
    this.status = this.root.getByRole('status').first();
    this.undoButton = this.root.getByRole('button', { name: this.text('userTagManager.undo'), exact: true });
    this.confirmDialog = page.getByRole('alertdialog');
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
    return this.root.getByRole('region', { name: this.text('userTagManager.interests.title') }).getByRole('button', { name: label, exact: true });
  }

  /** Deletes one tag with its own button. */
  async deleteTag(label: string): Promise<void> {
    await this.root.getByRole('button', { name: this.text('userTagManager.tag.delete', { label }), exact: true }).click();
  }

  /** Deletes every tag of a category, confirming in the alert dialog. */
  async deleteCategory(label: string): Promise<void> {
    await this.root.getByRole('button', { name: this.text('userTagManager.deleteCategory', { category: label }), exact: true }).click();
    await this.confirm();
  }

  /** Deletes every tag, confirming in the alert dialog. */
  async deleteAll(): Promise<void> {
    await this.root.getByRole('button', { name: this.text('userTagManager.deleteAll'), exact: true }).click();
    await this.confirm();
  }

  /** Presses the confirm button of the open alert dialog. */
  async confirm(): Promise<void> {
    await this.confirmDialog.getByRole('button', { name: this.text('userTagManager.confirm.confirm'), exact: true }).click();
  }
}
