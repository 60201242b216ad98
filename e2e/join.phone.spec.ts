import { expect, test, type Browser } from '@playwright/test';
import { submitSignUp } from './classroom-helpers';
import { expectNoAxeViolations } from './axe';
import { loadBank } from './content';

const timeline = loadBank().find((s) => s.id === 'timeline')!;
const CHOSEN = timeline.items.filter((i) => i.type === 'truefalse').slice(0, 3);

/** A teacher at a desktop creates a quiz over three true/false questions; returns its code. */
async function createAssignment(browser: Browser): Promise<string> {
  const teacher = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })).newPage();
  await teacher.goto('/teach/sign-up');
  await teacher.getByLabel('Your name').fill('Mr Sato');
  await teacher.getByLabel('Email').fill(`sato-${Date.now()}-${Math.random().toString(36).slice(2)}@school.test`);
  await submitSignUp(teacher);
  await teacher.getByRole('link', { name: 'New assignment' }).click();
  await teacher.getByLabel('Title').fill('Phone quiz');
  await teacher.getByLabel('Question set').selectOption('timeline');
  await teacher.getByText(/^Items: all/).click();
  for (const box of await teacher.getByRole('group', { name: 'Items to include' }).getByRole('checkbox').all()) await box.uncheck();
  for (const item of CHOSEN) await teacher.getByRole('checkbox', { name: item.prompt }).check();
  await teacher.getByLabel('Show answers').selectOption('immediately');
  await teacher.getByLabel('Shuffle the questions for each student').uncheck();
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Phone quiz' })).toBeVisible();
  const code = (await teacher.locator('strong.font-mono').first().textContent())!.trim();
  await teacher.context().close();
  return code;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a student joins by code on a phone and answers by touch (${colorScheme})`, async ({ browser, page }) => {
    test.slow();
    const code = await createAssignment(browser);
    await page.emulateMedia({ colorScheme });
    await page.goto('/join');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code from your teacher').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Join' }).tap();
    await page.getByLabel('Your nickname').fill('Kenji');
    await page.getByRole('button', { name: 'Start' }).tap();
    await expect(page.getByText('Hello, Kenji.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start the quiz' }).tap();
    for (const [index, item] of CHOSEN.entries()) {
      await expect(page.getByText(`Question ${index + 1} of ${CHOSEN.length}`, { exact: true })).toBeVisible();
      await expect(page).toHaveTitle(`Question ${index + 1} of ${CHOSEN.length} · ${timeline.title} · Passage`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.prompt);
      await expectNoAxeViolations(page);
      // Right on the first two, wrong on the last.
      const right = index < 2;
      await page.getByRole('radio', { name: item.answer === right ? 'True' : 'False' }).tap();
      await page.getByRole('button', { name: 'Check answer' }).tap();
      await expect(page.getByRole('heading', { level: 2, name: right ? /Right/ : /Not quite/ })).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.getByRole('button', { name: index === CHOSEN.length - 1 ? 'See my results' : 'Next question' }).tap();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You scored 2 out of 3 (67%)');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expectNoAxeViolations(page);
  });
}
