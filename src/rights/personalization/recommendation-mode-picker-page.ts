import type { Locator, Page } from '@playwright/test';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/** A Playwright page object for `RecommendationModePicker`. */
export class RecommendationModePickerPage extends RightsPage {
  /** The radio group. */
  readonly group: Locator;
  /** The personalized choice. */
  readonly personalized: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.group = this.scope.getByRole('radiogroup', { name: this.text('recommendationModePicker.label'), exact: true });
    this.personalized = this.group.getByRole('radio', { name: this.text('recommendationModePicker.personalized.label'), exact: true });
  }

  /** The radio of one non-personalized strategy, named by its label. */
  strategy(label: string): Locator {
    return this.group.getByRole('radio', { name: label, exact: true });
  }
}
