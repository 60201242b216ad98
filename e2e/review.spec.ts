import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectCounts } from './review-helpers';

const ITEMS = ['tl-001', 'tl-002', 'tl-003'];

async function openReview(page: Page, items = ITEMS) {
  await page.goto(`/review?items=${items.join(',')}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

/** Shows the answer, reads the interval on a rating button, presses its key, and returns both. */
async function rateByKey(page: Page, key: '1' | '2' | '3' | '4') {
  const names = { '1': 'Again', '2': 'Hard', '3': 'Good', '4': 'Easy' } as const;
  await page.keyboard.press('Space');
  const button = page.getByRole('button', { name: new RegExp(`^${names[key]}\\s*, next in \\S+$`) });
  await expect(button).toBeVisible();
  const label = (await button.textContent())!.replace(/^.*next in\s*/, '').trim();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/reviews') && r.request().method() === 'POST');
  await page.keyboard.press(key);
  const body = await (await saved).json();
  return { label, scheduled: body.card.interval as string, itemId: body.card.itemId as string };
}

test.describe('flashcard review', () => {
  test('a keyboard-only session: the intervals shown are the intervals scheduled, and u undoes', async ({ page }) => {
    await openReview(page);
    await expectCounts(page, { new: 3, learning: 0, review: 0 });
    const good = await rateByKey(page, '3');
    expect(good).toMatchObject({ label: '10m', scheduled: '10m' });
    const again = await rateByKey(page, '1');
    expect(again).toMatchObject({ label: '1m', scheduled: '1m' });
    const easy = await rateByKey(page, '4');
    expect(easy.label).toBe(easy.scheduled);
    await expect(page.getByRole('status')).toHaveText('All changes saved');

    // u brings the last card back, and the server forgets that rating.
    const undone = page.waitForResponse((r) => r.url().includes('/undo'));
    await page.keyboard.press('u');
    expect((await undone).status()).toBe(200);
    await expectCounts(page, { new: 1, learning: 2, review: 0 });
    // Nothing else is ready, so the learning cards come back early (Anki's learn-ahead), then the undone one.
    const redo = await rateByKey(page, '3');
    expect(redo.scheduled).toBe(redo.label);
    const learningAgain = await rateByKey(page, '3');
    expect(learningAgain.scheduled).toBe(learningAgain.label);
  });

  test('Space shows the answer with its source and reader link; Enter after the flip rates Good', async ({ page }) => {
    await openReview(page, ['tl-001']);
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Space');
    await expect(page.getByRole('link', { name: 'Read this passage in the article' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
    await expectNoAxeViolations(page);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/reviews'));
    await page.keyboard.press('Enter');
    expect((await (await saved).json()).card.interval).toBe('10m');
  });

  test('a rating made while the server is unreachable is saved once it is back, even across a reload', async ({ page }) => {
    await openReview(page, ['tl-004', 'tl-005']);
    await page.route('**/api/v1/reviews', (route) => route.abort('internetdisconnected'));
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(page.getByRole('status')).toHaveText('Offline – will retry');
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('Offline – will retry');
    await page.unroute('**/api/v1/reviews');
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('All changes saved');
    const queue = await (await page.request.get('/api/v1/reviews/queue?items=tl-004,tl-005')).json();
    const learning = queue.cards.filter((c: { kind: string }) => c.kind === 'learning');
    expect(learning).toHaveLength(1);
    expect(queue.counts.new).toBe(1);
  });

  test('bury and suspend take a card out, each with undo', async ({ page }) => {
    await openReview(page, ['tl-006', 'tl-007']);
    const first = await page.getByRole('heading', { level: 2 }).first().textContent();
    await page.keyboard.press('-');
    await expectCounts(page, { new: 1, learning: 0, review: 0 });
    await page.keyboard.press('u');
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(first!);
    await page.keyboard.press('@');
    await expectCounts(page, { new: 1, learning: 0, review: 0 });
    await expect(page.getByRole('status')).toHaveText('All changes saved');
  });

  test('the set page leads to its flashcards; the page passes axe in dark mode at 375 px', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/sets/people');
    await page.getByRole('link', { name: 'Review flashcards' }).click();
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
