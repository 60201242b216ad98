import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { articleParagraphs, fold, loadBank, sourcesOf } from './content';

const bank = loadBank();

/** The browser's learner reviews the items' cards: a source is highlighted only for a learner who has met the item. */
async function meet(page: Page, itemIds: string[]) {
  for (const [i, itemId] of itemIds.entries()) {
    const rated = await page.request.post('/api/v1/reviews', {
      data: { reviewId: `reader-${Date.now()}-${i}`, itemId, rating: 'good', durationMs: 1000 },
    });
    expect(rated.status(), await rated.text()).toBeLessThan(300);
  }
}

test.describe('article reader', () => {
  test('renders every paragraph of the article with a stable anchor', async ({ page }) => {
    await page.goto('/articles/kuril-talks');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Blessing in Disguise for Japan');
    await expect(page.getByText('By James D J Brown · RUSI')).toBeVisible();
    const paragraphs = articleParagraphs();
    expect(paragraphs.length).toBe(30);
    for (const [index, block] of paragraphs.entries()) {
      const anchor = page.locator(`#p-${index + 1}`);
      await expect(anchor).toContainText(block.replace(/^##\s+|^>\s?/, '').slice(0, 40));
    }
    await expect(page.getByText(/^\d+ (questions?|flashcards?)( and \d+ flashcards?)? draws? on this paragraph$/).first()).toBeVisible();
  });

  test('arriving from an item highlights its quoted words, focused, for one item of every type', async ({ page }) => {
    const items = bank.flatMap((set) => set.items);
    const types = [...new Set(items.map((i) => i.type))];
    expect(types.length).toBe(8);
    await meet(
      page,
      types.map((type) => items.find((i) => i.type === type)!.id),
    );
    for (const type of types) {
      const item = items.find((i) => i.type === type)!;
      await page.goto(`/articles/kuril-talks?item=${item.id}`);
      const mark = page.locator('mark#highlight');
      await expect(mark).toBeFocused();
      const [first, ...others] = sourcesOf(item);
      expect(fold((await mark.textContent()) ?? '')).toBe(fold(first!));
      await expect(mark).toBeInViewport();
      const marked = (await page.locator('mark').allTextContents()).map(fold);
      for (const quote of others) expect(marked.some((text) => text.includes(fold(quote)))).toBe(true);
    }
  });

  test('highlights nothing for an item the learner has not met: its source often holds the answer', async ({ page }) => {
    const item = bank.flatMap((set) => set.items).find((i) => i.type === 'typed')!;
    await page.goto(`/articles/kuril-talks?item=${item.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('mark')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveCount(0);
  });

  test('an item with several quotes marks every quoted paragraph, the first one focused', async ({ page }) => {
    const item = bank.flatMap((set) => set.items).find((i) => i.id === 'tl-028')!;
    const quotes = sourcesOf(item);
    expect(quotes.length).toBe(5);
    await meet(page, [item.id]);
    await page.goto(`/articles/kuril-talks?item=${item.id}`);
    await expect(page.locator('mark#highlight')).toBeFocused();
    const marked = (await page.locator('mark').allTextContents()).map(fold);
    expect(marked.sort()).toEqual(quotes.map(fold).sort());
    await expect(page.locator('mark')).toHaveCount(5);
    await expectNoAxeViolations(page);
  });

  test('an unknown item shows a clear message instead of a highlight', async ({ page }) => {
    await meet(page, [bank[0]!.items[0]!.id]);
    await page.goto('/articles/kuril-talks?item=no-such-item');
    await expect(page.getByRole('status')).toContainText('could not be found');
    await expect(page.locator('mark')).toHaveCount(0);
  });

  test('an unknown article is a 404', async ({ page }) => {
    expect((await page.goto('/articles/no-such-article'))?.status()).toBe(404);
    expect((await page.goto('/articles/Not_A_Slug!'))?.status()).toBe(404);
  });

  test('has no accessibility violations, highlighted or not, light and dark, at 375 px', async ({ page }) => {
    const item = bank[0]!.items[0]!;
    await meet(page, [item.id]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`/articles/kuril-talks?item=${item.id}`);
        await expect(page.locator('mark#highlight')).toBeVisible();
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
    }
  });
});

test.describe('set page', () => {
  test('shows the set, its counts by type and the ways in', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(/\/sets\/timeline$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
    const timeline = bank.find((s) => s.id === 'timeline')!;
    await expect(page.getByText(`${timeline.items.length} items:`)).toBeVisible();
    const orderingCount = timeline.items.filter((i) => i.type === 'ordering').length;
    await expect(page.getByRole('row', { name: `ordering ${orderingCount}` })).toBeVisible();
    await page.getByRole('link', { name: 'Read the article' }).click();
    await expect(page).toHaveURL(/\/articles\/kuril-talks$/);
  });

  test('an unknown set is a 404', async ({ page }) => {
    expect((await page.goto('/sets/no-such-set'))?.status()).toBe(404);
  });

  test('has no accessibility violations in light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/sets/argument');
      await expectNoAxeViolations(page);
    }
  });
});
