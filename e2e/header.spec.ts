import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { teacherWithAssignment } from './classroom-helpers';

test.describe('site header', () => {
  test('marks the current page, and leads to /join from the header and the home page', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Sets' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main').getByRole('link', { name: 'Join a class' })).toHaveAttribute('href', '/join');
    await nav.getByRole('link', { name: 'Progress' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    await nav.getByRole('link', { name: 'Join a class' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Join a class' })).toHaveAttribute('aria-current', 'page');
    await page.goto('/sets/timeline');
    await expect(nav.getByRole('link', { name: 'Sets' })).toHaveAttribute('aria-current', 'page');
  });

  test('keeps to one line on a phone, with a menu that opens, closes with Escape and follows links', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/review');
    const header = page.getByRole('banner');
    const logo = header.getByRole('link', { name: 'Passage' });
    const menu = header.getByRole('button', { name: 'Menu' });
    const [logoBox, menuBox] = [await logo.boundingBox(), await menu.boundingBox()];
    expect(Math.abs(logoBox!.y + logoBox!.height / 2 - (menuBox!.y + menuBox!.height / 2))).toBeLessThan(4); // side by side
    expect((await header.boundingBox())!.height).toBeLessThan(70);
    await expect(header.getByRole('link', { name: 'Progress' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(header.getByRole('link', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await menu.click();
    await header.getByRole('link', { name: 'Join a class' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test('every page has an icon, and none is missing (no 404 in the console)', async ({ page }) => {
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(m.text());
    });
    await page.goto('/');
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
    for (const href of ['/icon.svg', '/apple-icon.png', '/favicon.ico', '/manifest.webmanifest']) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
    await page.goto('/progress');
    expect(failures).toEqual([]);
  });

  test('inside an assignment a student sees a minimal header: the assignment and their nickname', async ({ browser, page }) => {
    test.slow();
    const { link } = await teacherWithAssignment(browser, { title: 'Header check' });
    await page.goto(link);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Header check' })).toBeVisible();
    await page.getByLabel('Your nickname').fill('Riko');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByText('Signed in as Riko')).toBeVisible();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page).toHaveURL(/\/quiz\//);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByText('Signed in as Riko')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Header check' })).toHaveAttribute('href', new URL(link).pathname);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
    // Outside the assignment the learner navigation is back.
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
});
