import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const DAY = 86_400_000;

/** Three reviews on three consecutive days (this browser's learner, created by the first one). */
async function seedHistory(page: Page) {
  const now = Date.now();
  const reviews: [string, number][] = [
    ['tl-001', now - 2 * DAY],
    ['tl-002', now - DAY],
    ['tl-003', now - 60_000],
  ];
  for (const [i, [itemId, when]] of reviews.entries()) {
    const res = await page.request.post('/api/v1/reviews', {
      headers: { 'x-passage-time-zone': 'UTC' },
      data: { reviewId: `seed-review-${i}-0000`, itemId, rating: 'good', durationMs: 3000, reviewedAt: new Date(when).toISOString() },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

test.describe('progress and settings', () => {
  test('a learner with a history sees the right numbers, accessibly', async ({ page }) => {
    await seedHistory(page);
    await page.goto('/progress');
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
    await expect(page.getByText('Current3 days')).toBeVisible();
    await expect(page.getByText('Longest3 days')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Reviews per day over the last year' })).toBeVisible();
    await expect(page.getByText('3 reviews on 3 days in the last year.')).toBeVisible();
    await page.getByText('Reviews per day as a table').click();
    await expect(page.getByRole('table', { name: 'Days with reviews' }).getByRole('row')).toHaveCount(4);
    await expect(page.getByRole('row', { name: /^Timeline/ })).toContainText('3');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/progress');
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
    }
  });

  test('settings are validated, saved, and pass axe', async ({ page }) => {
    await page.goto('/settings');
    await expectNoAxeViolations(page);
    await page.getByLabel('Desired retention (0.70–0.97)').fill('0.5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // (Next's route announcer is an alert too, so the alert is picked by its text.)
    await expect(page.getByRole('alert').filter({ hasText: 'Some settings need fixing; nothing was saved.' })).toBeVisible();
    await expect(page.getByText('Choose a desired retention of at least 0.7.')).toBeVisible();
    await expect(page.getByLabel('Desired retention (0.70–0.97)')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Desired retention (0.70–0.97)').fill('0.85');
    await page.getByLabel('New cards per day').fill('7');
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('New cards per day')).toHaveValue('7');
    await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('a resume link moves the learner to a second browser, once', async ({ page, browser }) => {
    await seedHistory(page);
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Make a resume link' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the resume link' })).toBeVisible();
    const link = await page.getByRole('link', { name: /\/resume\// }).textContent();
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link!);
    await expectNoAxeViolations(second);
    await second.getByRole('button', { name: 'Continue my progress on this device' }).click();
    await expect(second).toHaveURL(/\/progress\?resumed=1$/);
    await expect(second.getByText('This device now continues your progress.')).toBeVisible();
    await expect(second.getByText('3 reviews on 3 days in the last year.')).toBeVisible();
    // A second use is refused.
    const third = await (await browser.newContext()).newPage();
    await third.goto(link!);
    await third.getByRole('button', { name: 'Continue my progress on this device' }).click();
    await expect(third.getByRole('alert').filter({ hasText: 'expired or was already used' })).toBeVisible();
    await other.close();
  });

  test('the learner downloads their reviews, then deletes everything', async ({ page }) => {
    await seedHistory(page);
    await page.goto('/settings');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Reviews \(CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('reviews.csv');
    const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      '"card_id","review_time","review_rating","review_state","review_duration","item_id","source"',
    );
    expect(text.trim().split('\r\n')).toHaveLength(4);

    await page.getByRole('link', { name: 'Delete my data…' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Delete everything' }).click();
    // The browser refuses to submit without the box ticked (required); tick it.
    await page.getByLabel('I understand that my progress will be gone for good.').check();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page.getByText('Your data has been deleted from this server.')).toBeVisible();
    await page.goto('/progress');
    await expect(page.getByText('0 reviews on 0 days in the last year.')).toBeVisible();
  });
});
