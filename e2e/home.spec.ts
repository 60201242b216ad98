import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('home page', () => {
  test('lists every question set of the article with its counts', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn an article, and keep it.');
    await expect(page.getByRole('heading', { level: 2, name: /Russia’s Cancellation of Peace Treaty Talks/ })).toBeVisible();
    for (const title of ['Key facts and figures', 'Timeline', 'People and institutions', 'The argument']) {
      await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    const setCards = page.getByRole('article');
    await expect(setCards).toHaveCount(4);
    await expect(setCards.first().getByText(/^\d+ items$/)).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('James D J Brown');
  });

  test('has no accessibility violations in light and dark mode, on desktop and a 375 px phone', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 375, height: 740 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `horizontal overflow at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('can be used by keyboard: skip link first, then the main navigation', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test('an unknown address shows the not-found page with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the sets' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
