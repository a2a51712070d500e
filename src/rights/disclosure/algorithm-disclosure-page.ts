import type { Locator, Page } from '@playwright/test';
import { RightsPage, type RightsPageOptions } from '../../kernel/testing/rights-page.js';

/** A Playwright page object for `AlgorithmDisclosure`. */
export class AlgorithmDisclosurePage extends RightsPage {
  /** The button that opens the details. */
  readonly openButton: Locator;
  /** The details dialog. */
  readonly dialog: Locator;

  constructor(page: Page, options: RightsPageOptions | string = {}) {
    super(page, options);
    this.openButton = this.scope.getByRole('button', { name: this.text('algorithmDisclosure.openDetails'), exact: true });
    this.dialog = page.getByRole('dialog', { name: this.text('algorithmDisclosure.title'), exact: true });
  }

  /** The link to the public record of one filing number, or to the national search for it, inside the dialog. */
  filingRecordLink(number: string): Locator {
    const own = this.text('algorithmDisclosure.filingLink', { number });
    const search = this.text('algorithmDisclosure.filingSearchLink', { number });
    return this.dialog.getByRole('link', { name: own }).or(this.dialog.getByRole('link', { name: search }));
  }

  /** The heading of one statutory section inside the dialog. */
  section(section: 'principles' | 'purpose' | 'mechanism' | 'audience' | 'fairPricing'): Locator {
    return this.dialog.getByRole('heading', { name: this.text(`algorithmDisclosure.sections.${section}`), exact: true });
  }
}
