import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectCounts, expectInView } from './review-helpers';

// A phone, whichever project runs this file (the phone project sets the same).
test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

test.describe('flashcard review on a phone', () => {
  test('a whole session by touch: the answer controls stay in view, no keyboard hints, then the next steps', async ({ page }) => {
    await page.goto('/review?items=tl-008,tl-009,tl-010');
    await expectCounts(page, { new: 3, learning: 0, review: 0 });
    // No keyboard hints on a touch screen: not in the page header, not on the buttons.
    await expect(page.getByText(/Space or Enter shows the answer/)).toBeHidden();
    const show = page.getByRole('button', { name: /^Show answer/ });
    await expect(show.locator('kbd')).toBeHidden();
    await expect(page.getByRole('button', { name: /^Bury until tomorrow/ }).locator('kbd')).toBeHidden();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
    for (let card = 0; card < 3; card++) {
      await expectInView(page, /^Show answer/);
      await page.getByRole('button', { name: /^Show answer/ }).tap();
      await expect(page.getByRole('link', { name: /^Read th(is passage|ese passages) in the article$/ })).toBeAttached();
      // The back is long, yet all four ratings are on screen without scrolling.
      for (const name of [/^Again/, /^Hard/, /^Good/, /^Easy/]) await expectInView(page, name);
      await expect(page.getByRole('button', { name: /^Good/ }).locator('kbd')).toBeHidden();
      if (card === 0) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await expectNoAxeViolations(page);
        }
      }
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/reviews'));
      await page.getByRole('button', { name: /^Easy/ }).tap();
      expect((await saved).status()).toBe(200);
      await expect(page.getByRole('status')).toHaveText('All changes saved');
    }
    const summary = page.getByRole('region', { name: 'Done for now' });
    await expect(summary).toContainText('You studied 3 cards');
    await expect(summary.getByText(/^The next card is due in \d+ days, \w{3} \d{1,2} \w{3}( \d{4})?\.$/)).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Back to the sets' })).toBeVisible();
    await expect(summary.getByRole('button', { name: /^Undo the last card/ }).locator('kbd')).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
  });
});
