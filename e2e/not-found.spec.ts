import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('not-found pages of the segments that own data', () => {
  test('a quiz attempt that is not this device’s says so and leads back to the sets', async ({ page }) => {
    const response = await page.goto(`/quiz/missing-${Date.now()}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Quiz not found' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
    await page.getByRole('link', { name: 'Choose a set to quiz on' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('an assignment that does not exist leads to the join-code form, its review page too', async ({ page }) => {
    const id = `missing-${Date.now()}`;
    for (const path of [`/a/${id}`, `/a/${id}/review`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Assignment not found' })).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Enter a join code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
  });
});
