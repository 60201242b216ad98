import { expect, test, type Browser, type Page } from '@playwright/test';
import { submitSignUp } from './classroom-helpers';
import { expectNoAxeViolations } from './axe';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Opens "Already started on another device?" and continues with `code`. */
async function continueWith(page: Page, code: string) {
  const details = page.locator('details', { hasText: 'Already started on another device?' });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('Already started on another device?').click();
  await page.getByLabel('Your personal code').fill(code);
  await page.getByRole('button', { name: 'Continue here' }).click();
}

const personalCode = async (page: Page) =>
  (await page
    .getByText(/^Your personal code is/)
    .locator('strong')
    .textContent())!.trim();

test('a personal code works once, and the teacher can reset a student’s code', async ({ browser }) => {
  test.slow();
  const teacher = await newPage(browser);
  await teacher.goto('/teach/sign-up');
  await teacher.getByLabel('Your name').fill('Mr Okafor');
  await teacher.getByLabel('Email').fill(`okafor-${Date.now()}@school.test`);
  await submitSignUp(teacher);
  await teacher.getByRole('link', { name: 'New assignment' }).click();
  await teacher.getByLabel('Title').fill('Codes check');
  await teacher.getByLabel('Question set').selectOption('timeline');
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Codes check' })).toBeVisible();
  const link = (await teacher.getByRole('link', { name: /\/a\// }).textContent())!.trim();

  const ana = await newPage(browser);
  await ana.goto(link);
  await ana.getByLabel('Your nickname').fill('Ana');
  await ana.getByRole('button', { name: 'Start' }).click();
  const first = await personalCode(ana);

  // Ana's code carries her to a second device once; then it has changed on both.
  const tablet = await newPage(browser);
  await tablet.goto(link);
  await continueWith(tablet, first);
  const second = await personalCode(tablet);
  expect(second).not.toBe(first);
  await ana.reload();
  expect(await personalCode(ana)).toBe(second);
  const classmate = await newPage(browser);
  await classmate.goto(link);
  await continueWith(classmate, first);
  await expect(classmate.getByText(/does not belong to this assignment/)).toBeVisible();

  // The teacher resets it: the code Ana had stops working.
  await teacher.reload();
  await teacher.getByText('Reset a student’s personal code').click();
  await teacher.getByLabel('Student whose code to reset').selectOption({ label: 'Ana' });
  await expectNoAxeViolations(teacher);
  await teacher.getByRole('button', { name: 'Reset code' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'new personal code' })).toHaveText(
    'Ana has a new personal code; the old one no longer works.',
  );
  await ana.reload();
  const third = await personalCode(ana);
  expect(third).not.toBe(second);
  await continueWith(classmate, second);
  await expect(classmate.getByText(/does not belong to this assignment/)).toBeVisible();
});
