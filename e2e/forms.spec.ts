import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { teacherWithAssignment } from './classroom-helpers';

/** The form's error texts (beside fields and above the button), each as shown. */
async function errorsOn(page: Page): Promise<string[]> {
  return page.locator('form [id$="-error"], form [role="alert"]').allTextContents();
}

test.describe('forms keep what was typed and say each problem once, beside its field', () => {
  test('settings: a refused retention and limit stay as typed, with the error under the right field', async ({ page }) => {
    await page.goto('/settings');
    await page.getByLabel('Desired retention (0.70–0.97)').fill('1.5');
    await page.getByLabel('New cards per day').fill('-3');
    await page.getByLabel('Display name').fill('Kenji');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Some settings need fixing; nothing was saved.' })).toBeVisible();
    await expect(page.getByLabel('Desired retention (0.70–0.97)')).toHaveValue('1.5');
    await expect(page.getByLabel('New cards per day')).toHaveValue('-3');
    await expect(page.getByLabel('Display name')).toHaveValue('Kenji');
    await expect(page.getByLabel('Desired retention (0.70–0.97)')).toHaveAccessibleDescription(
      /Choose a desired retention of at most 0.97\.$/,
    );
    await expect(page.getByLabel('New cards per day')).toHaveAccessibleDescription('The new cards per day cannot be below 0.');
    expect(await errorsOn(page)).toEqual([
      'Choose a desired retention of at most 0.97.',
      'The new cards per day cannot be below 0.',
      'Some settings need fixing; nothing was saved.',
    ]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page);
    }
    // Nothing was saved.
    await page.reload();
    await expect(page.getByLabel('Desired retention (0.70–0.97)')).toHaveValue('0.9');
  });

  test('sign-up and sign-in keep the name and email (never the password), with sentences beside the fields', async ({ page }) => {
    await page.goto('/teach/sign-up');
    await page.getByLabel('Your name').fill('Ms Ito');
    await page.getByLabel('Email').fill('ito-at-school');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create teacher account' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address, like name@school.org.');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
      'At least 10 characters. Choose a password of at least 10 characters.',
    );
    await expect(page.getByLabel('Your name')).toHaveValue('Ms Ito');
    await expect(page.getByLabel('Email')).toHaveValue('ito-at-school');
    await expect(page.getByLabel('Password')).toHaveValue('');
    expect(await errorsOn(page)).toEqual(['Enter an email address, like name@school.org.', 'Choose a password of at least 10 characters.']);
    await expectNoAxeViolations(page);

    await page.goto('/teach/sign-in');
    await page.getByLabel('Email').fill('nobody-here@school.test');
    await page.getByLabel('Password').fill('wrong password 123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue('nobody-here@school.test');
    expect(await errorsOn(page)).toEqual(['That email and password do not match an account.']);
  });

  test('join code and nickname: the typed text stays, and each refusal is said once, as a sentence', async ({ page, browser }) => {
    await page.goto('/join');
    await page.getByLabel('Code from your teacher').fill('zzzzzz');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByLabel('Code from your teacher')).toHaveAccessibleDescription(
      /No assignment has that code\. Check it with your teacher\.$/,
    );
    await expect(page.getByLabel('Code from your teacher')).toHaveValue('zzzzzz');
    expect(await errorsOn(page)).toEqual(['No assignment has that code. Check it with your teacher.']);
    await expectNoAxeViolations(page);

    const { link } = await teacherWithAssignment(browser, { title: 'Forms check' });
    const first = await (await browser.newContext()).newPage();
    await first.goto(link);
    await first.getByLabel('Your nickname').fill('Mei');
    await first.getByRole('button', { name: 'Start' }).click();
    await expect(first.getByText('Hello, Mei.')).toBeVisible();

    await page.goto(link);
    await page.getByLabel('Your nickname').fill('mei');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByLabel('Your nickname')).toHaveAccessibleDescription(
      /Someone in this class already uses that name\. How about “mei 2”\?$/,
    );
    await expect(page.getByLabel('Your nickname')).toHaveValue('mei');
    expect(await errorsOn(page)).toEqual(['Someone in this class already uses that name. How about “mei 2”?']);
    await expectNoAxeViolations(page);
  });
});
