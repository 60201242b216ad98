import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerWrongInAQuiz, expectCounts, expectInView, setNewPerDay } from './review-helpers';

async function showAnswer(page: Page) {
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
}

async function rate(page: Page, name: 'Again' | 'Hard' | 'Good' | 'Easy') {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/reviews') && r.request().method() === 'POST');
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  expect((await saved).status()).toBe(200);
}

test.describe('flashcard journey', () => {
  test('the rating buttons are in view after Show answer, without scrolling, on a desktop', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // tl-009 has four options, an explanation and a quote: its back runs past the fold.
    await page.goto('/review?items=tl-009');
    await showAnswer(page);
    for (const name of [/^Again/, /^Hard/, /^Good/, /^Easy/]) await expectInView(page, name);
    await expect(page.getByRole('button', { name: /^Good/ }).locator('kbd')).toBeVisible(); // the key hint shows with a mouse
  });

  test('the end of a session says when the next card is due, offers Study more and the way back', async ({ page }) => {
    await setNewPerDay(page, 2);
    await page.goto('/sets/timeline/review');
    await expectCounts(page, { new: 2, learning: 0, review: 0 });
    for (let i = 0; i < 2; i++) {
      await showAnswer(page);
      await rate(page, 'Easy');
    }
    const summary = page.getByRole('region', { name: 'Done for now' });
    await expect(summary).toContainText('You studied 2 cards');
    // Easy on a new card schedules it days ahead: a date with a relative phrase, not "No cards are scheduled yet".
    await expect(
      summary.getByText(/^The next card is due in \d+ days, (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}( \d{4})?\.$/),
    ).toBeVisible();
    const waiting = Number((await summary.textContent())!.match(/today’s limits; (\d+) new cards are waiting beyond them/)![1]);
    await expect(summary.getByRole('link', { name: 'Back to Timeline' })).toHaveAttribute('href', '/sets/timeline');
    await expect(summary.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Study more' }).click();
    await expect(page).toHaveURL(/\/sets\/timeline\/review\?more=10$/);
    await expectCounts(page, { new: Math.min(10, waiting), learning: 0, review: 0 });
  });

  test('statistics and undo of the last rating survive a reload', async ({ page }) => {
    await page.goto('/review?items=tl-010,tl-011,tl-012');
    await showAnswer(page);
    await rate(page, 'Again');
    const undone = await page.getByRole('heading', { level: 2 }).first().textContent();
    await showAnswer(page);
    await rate(page, 'Easy');
    await page.reload();
    await expectCounts(page, { new: 1, learning: 1, review: 0 });
    // u after the reload takes back the Easy rating made before it.
    const undo = page.waitForResponse((r) => r.url().includes('/undo'));
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect((await undo).status()).toBe(200);
    await expectCounts(page, { new: 2, learning: 1, review: 0 });
    await expect(page.getByRole('status')).toHaveText('All changes saved');
    const queue = await (await page.request.get('/api/v1/reviews/queue?items=tl-010,tl-011,tl-012')).json();
    expect(queue.counts).toEqual({ new: 2, learning: 1, review: 0 });
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(undone!);
    // Finish the session: the statistics include the Again rated before the reload.
    for (let i = 0; i < 3; i++) {
      await showAnswer(page);
      await rate(page, 'Easy');
    }
    const summary = page.getByRole('region', { name: 'Done for now' });
    await expect(summary).toContainText('You studied 4 cards');
    await expect(summary).toContainText('pressed Again 1 time');
  });

  test('burying or suspending a new card keeps the new count, as a reload shows it', async ({ page }) => {
    await setNewPerDay(page, 3);
    await page.goto('/sets/people/review');
    await expectCounts(page, { new: 3, learning: 0, review: 0 });
    await page.getByRole('button', { name: /^Bury until tomorrow/ }).click();
    await expectCounts(page, { new: 3, learning: 0, review: 0 });
    await page.getByRole('button', { name: /^Suspend/ }).click();
    await expectCounts(page, { new: 3, learning: 0, review: 0 });
    await showAnswer(page);
    await rate(page, 'Good');
    await expectCounts(page, { new: 2, learning: 1, review: 0 });
    await expect(page.getByRole('status')).toHaveText('All changes saved');
    await page.reload();
    await expectCounts(page, { new: 2, learning: 1, review: 0 });
  });

  test('/progress shows the counts /review offers, after quiz answers too, and quiz misses are weakest items', async ({ page }) => {
    await setNewPerDay(page, 5);
    await answerWrongInAQuiz(page, ['tl-003', 'tl-004', 'tl-005']);
    await page.goto('/review');
    const review = await page.getByTestId('review-counts').textContent();
    await page.goto('/progress');
    const today = page.getByRole('region', { name: 'Today' });
    await expect(today.getByRole('definition').first()).toHaveText('5');
    const [newCount, learning, toReview] = review!.match(/\d+/g)!;
    await expect(today).toContainText(`New${newCount}`);
    await expect(today).toContainText(`Learning${learning}`);
    await expect(today).toContainText(`To review${toReview}`);
    const weakest = page.getByRole('listitem').filter({ hasText: /missed 1 time/ });
    await expect(weakest).toHaveCount(3);
    await expect(weakest.first()).toContainText(/In what year/);
  });

  test('the progress charts are labelled, with tables for screen readers, and pass axe in both schemes', async ({ page }) => {
    await page.goto('/review?items=tl-013,tl-014');
    for (let i = 0; i < 2; i++) {
      await showAnswer(page);
      await rate(page, 'Easy');
    }
    await page.goto('/progress');
    const heatmap = page.getByRole('img', { name: 'Reviews per day over the last year' });
    for (const day of ['Mon', 'Wed', 'Fri']) await expect(heatmap.locator('text', { hasText: day })).toHaveCount(1);
    expect(
      await heatmap
        .locator('text')
        .filter({ hasText: /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/ })
        .count(),
    ).toBeGreaterThanOrEqual(11);
    const forecast = page.getByRole('img', { name: /^Cards due over the next 30 days: 2 in all/ });
    await expect(forecast.locator('text[data-bar-value]')).toHaveText(['2']); // the bar's value
    await page.getByText('Forecast as a table').click();
    await expect(page.getByRole('table', { name: 'Cards due per day' }).getByRole('row')).toHaveCount(31);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
  });
});
