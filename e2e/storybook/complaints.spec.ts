import { expect, test } from '@playwright/test';
import { ComplaintEntryPage } from '../../src/testing.js';
import { BACKEND_OFFLINE_KEY, itemLabel, sampleTickets } from '../../src/rights/complaints/story-content.js';
import { FLOW_LOCALES, expectNoAxeViolations, flowTurns, openStory } from '../support.js';

const REPORT = 'e2e-fixtures-complaints--report-on-feed';
const CENTER = 'e2e-fixtures-complaints--center-with-tickets';

/** How many tickets the fixture's backend (localStorage) holds: an independent reader, not the page's own list. */
const storedTickets = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('algorights-e2e:complaints') ?? '{"tickets":[]}') as { tickets: unknown[] }).tickets.length);

for (const locale of FLOW_LOCALES) {
  const item = `${itemLabel(locale)} 1`;

  const turn = flowTurns(locale);
  test.describe(`Complaint entry in ${locale}`, () => {
    if (turn()) test('reporting an item from its button takes two activations, and gives a ticket due in working days', async ({ page }) => {
      await openStory(page, REPORT, locale);
      const report = new ComplaintEntryPage(page, { locale, itemLabel: item });
      await expectNoAxeViolations(page);

      await report.reportButton.click();
      await expect(report.sheet).toBeVisible();
      await expect(report.deadline).toHaveText(report.deadlineText(15));
      await expectNoAxeViolations(page);
      await report.submit();

      await expect(report.ticket).toBeVisible();
      await expect(report.ticket).toContainText(report.text('complaints.submitted.title', { id: '' }).trim());
      // Filed 2025-09-30: 15 working days later is 2025-10-28, past the National Day holiday and its make-up Saturday.
      await expect(report.ticket).toContainText(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2025-10-28T00:00:00Z')));
      await expect(report.ticket).toBeFocused();
      await expectNoAxeViolations(page);
      expect(await storedTickets(page)).toBe(1);
    });

    if (turn()) test('submitting while the backend cannot be reached, reloading, coming back online: exactly one ticket', async ({ page }) => {
      await openStory(page, REPORT, locale);
      await page.evaluate((key) => localStorage.setItem(key, '1'), BACKEND_OFFLINE_KEY);
      const report = new ComplaintEntryPage(page, { locale, itemLabel: item });
      await report.open();
      await report.fill('Fraud');
      await report.submit();
      await expect(report.pending).toBeVisible();
      await expectNoAxeViolations(page);

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();
      // The report's button says it waits on this device, with the sheet closed.
      await expect(report.reportButton.locator('xpath=..')).toHaveAttribute('data-sync-pending', '');
      await report.open();
      await expect(report.pending).toBeVisible();
      expect(await storedTickets(page)).toBe(0);

      // Back online: the browser fires `online`, and the kit sends what waited, with its one key.
      await page.evaluate((key) => {
        localStorage.removeItem(key);
        window.dispatchEvent(new Event('online'));
      }, BACKEND_OFFLINE_KEY);
      await expect(report.ticket).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(report.tickets.locator('[data-slot="complaint-ticket"]')).toHaveCount(1);
      expect(await storedTickets(page)).toBe(1);
      await expectNoAxeViolations(page);
    });

    if (turn()) test('a refusal shows its reasons, and to a guardian a written notice to print or save', async ({ page }) => {
      await openStory(page, CENTER, locale);
      const center = new ComplaintEntryPage(page, { locale, entry: 'center' });
      const refused = sampleTickets(locale).find((ticket) => ticket.status === 'refused');
      await expect(center.ticketsWithStatus('refused')).toHaveCount(1);
      const notice = center.refusalNotice();
      for (const reason of refused?.refusal?.reasons ?? []) {
        await expect(notice).toContainText(reason);
      }
      await expect(notice.getByRole('button', { name: center.text('complaints.refusal.print') })).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: center.text('complaints.refusal.save') }).click()]);
      expect(download.suggestedFilename()).toContain(refused?.id ?? '');
      await expect(center.ticketById(refused?.id ?? '').getByRole('link', { name: new RegExp(center.text('complaints.external.link')) })).toHaveAttribute(
        'href',
        'https://www.12377.cn/',
      );
      await expectNoAxeViolations(page);
    });
  });
}
