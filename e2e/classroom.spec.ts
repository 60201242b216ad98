import { expect, test, type Page } from '@playwright/test';
import { answerSingle, newPage } from './classroom-helpers';
import { expectNoAxeViolations } from './axe';
import { loadBank } from './content';

const timeline = loadBank().find((s) => s.id === 'timeline')!;
const CHOSEN = timeline.items.filter((i) => i.type === 'single').slice(0, 3);

async function doQuiz(page: Page, pattern: boolean[]) {
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  for (const [i, right] of pattern.entries()) {
    await expect(page.getByText(`Question ${i + 1} of ${pattern.length}`, { exact: true })).toBeVisible();
    await answerSingle(page, CHOSEN, right);
    await page.getByRole('button', { name: i === pattern.length - 1 ? 'See my results' : 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: /You scored/ })).toBeVisible();
}

test('a teacher runs a class: sign-up, assignment, QR, three students, live report, CSV, late work', async ({ browser }) => {
  test.slow();
  // The teacher signs up and creates a quiz over three chosen questions.
  const teacher = await newPage(browser);
  await teacher.goto('/teach');
  await expect(teacher).toHaveURL(/\/teach\/sign-in$/);
  await teacher.getByRole('link', { name: 'Create a teacher account' }).click();
  await expectNoAxeViolations(teacher);
  await teacher.getByLabel('Your name').fill('Ms Tanaka');
  await teacher.getByLabel('Email').fill(`tanaka-${Date.now()}@school.test`);
  await teacher.getByLabel('Password').fill('correct horse battery');
  await teacher.getByRole('button', { name: 'Create teacher account' }).click();
  await expect(teacher.getByRole('heading', { name: 'Your assignments' })).toBeVisible();
  await expectNoAxeViolations(teacher);

  await teacher.getByRole('link', { name: 'New assignment' }).click();
  await teacher.getByLabel('Title').fill('Timeline starter');
  await teacher.getByLabel('Question set').selectOption('timeline');
  await teacher.getByText(/^Items: all/).click();
  for (const box of await teacher.getByRole('group', { name: 'Items to include' }).getByRole('checkbox').all()) await box.uncheck();
  for (const item of CHOSEN) await teacher.getByRole('checkbox', { name: item.prompt }).check();
  await teacher.getByLabel('Show answers').selectOption('immediately');
  await teacher.getByLabel('Shuffle the questions for each student').uncheck();
  await expectNoAxeViolations(teacher);
  const firstPoll = teacher.waitForResponse((r) => r.url().endsWith('/report'), { timeout: 15_000 });
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Timeline starter' })).toBeVisible();
  // The live report's first poll of an unchanged class is a 304: the page handed it the report's ETag.
  expect((await firstPoll).status()).toBe(304);
  const code = (await teacher.locator('strong.font-mono').first().textContent())!.trim();
  const link = (await teacher.getByRole('link', { name: /\/a\// }).textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expectNoAxeViolations(teacher);

  const qr = await teacher.context().newPage();
  await qr.goto(`${new URL(teacher.url()).pathname}/qr`);
  await expect(qr.getByRole('img', { name: /QR code for/ })).toBeVisible();
  await expect(qr.getByText(code)).toBeVisible();
  await expectNoAxeViolations(qr);

  // Student A joins by the link and gets everything right.
  const ana = await newPage(browser);
  await ana.goto(link);
  await expectNoAxeViolations(ana);
  await ana.getByLabel('Your nickname').fill('Ana');
  await ana.getByRole('button', { name: 'Start' }).click();
  await expect(ana.getByText('Hello, Ana.')).toBeVisible();
  // The teacher sees Ana arrive without reloading.
  await expect(teacher.getByRole('status').filter({ hasText: '1 joined' })).toBeVisible({ timeout: 10_000 });
  await doQuiz(ana, [true, true, true]);

  // Student B joins by the code, typed in lower case; the nickname "ana" is taken.
  const bo = await newPage(browser);
  await bo.goto('/join');
  await expectNoAxeViolations(bo);
  await bo.getByLabel('Code from your teacher').fill(code.toLowerCase());
  await bo.getByRole('button', { name: 'Join' }).click();
  await bo.getByLabel('Your nickname').fill('ana');
  await bo.getByRole('button', { name: 'Start' }).click();
  await expect(bo.getByText('Someone in this class already uses that name. How about “ana 2”?')).toHaveCount(1);
  await bo.getByLabel('Your nickname').fill('Bo');
  await bo.getByRole('button', { name: 'Start' }).click();
  // Bo answers the first question, then moves to a second device with the personal code.
  await bo.getByRole('button', { name: 'Start the quiz' }).click();
  await answerSingle(bo, CHOSEN, false);
  await bo.goto(link);
  const personal = (await bo.locator('strong.font-mono').textContent())!.trim();
  const boTablet = await newPage(browser);
  await boTablet.goto(link);
  await boTablet.getByText('Already started on another device?').click();
  await boTablet.getByLabel('Your personal code').fill(personal);
  await boTablet.getByRole('button', { name: 'Continue here' }).click();
  await expect(boTablet.getByText('Hello, Bo.')).toBeVisible();
  await boTablet.getByRole('link', { name: 'Continue the quiz' }).click();
  await expect(boTablet.getByText('Question 2 of 3', { exact: true })).toBeVisible();
  for (const [i, right] of [true, false].entries()) {
    await answerSingle(boTablet, CHOSEN, right);
    await boTablet.getByRole('button', { name: i === 1 ? 'See my results' : 'Next question' }).click();
  }
  await expect(boTablet.getByRole('heading', { level: 1, name: 'You scored 1 out of 3 (33%)' })).toBeVisible();

  // The report updates live: two finished, the matrix and the item analysis are right.
  await expect(teacher.getByRole('status').filter({ hasText: '2 joined · 0 working · 2 finished' })).toBeVisible({ timeout: 10_000 });
  await expect(teacher.getByRole('row', { name: /^Ana/ })).toContainText('3 / 3');
  await expect(teacher.getByRole('row', { name: /^Bo/ })).toContainText('1 / 3');
  await expect(teacher.getByRole('row', { name: /^Bo/ }).getByText('Q1 wrong')).toBeAttached();
  // Two students: Bo missed this item and scored less on the rest, so it separates them fully.
  await expect(teacher.getByText(/Facility 50% · Discrimination D = 1\.00/).first()).toBeVisible();
  await expect(teacher.getByText(/Discrimination D = -?\d+%/)).toHaveCount(0);
  await expectNoAxeViolations(teacher);

  // The CSV downloads and parses: one row per student, one column per item.
  const download = teacher.waitForEvent('download');
  await teacher.getByRole('link', { name: 'Download results (CSV)' }).click();
  const csv = await (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8');
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split('","').map((cell) => cell.replace(/^"|"$/g, '')));
  expect(rows[0]).toEqual(['nickname', 'started', 'submitted', 'late', 'score', ...CHOSEN.map((i) => i.id)]);
  expect(rows[1]).toEqual(['question', '', '', '', '', ...CHOSEN.map((i) => i.prompt)]);
  expect(rows.slice(2).map((r) => [r[0], r[3], r[4]])).toEqual([
    ['Ana', 'false', '3'],
    ['Bo', 'false', '1'],
  ]);

  // The due date passes; late work is accepted and marked late.
  await teacher.getByText('Change the title, due date, late work or when answers show').click();
  await teacher.getByLabel('Due date', { exact: true }).fill('2020-01-01T09:00');
  await expect(teacher.getByText('This date has already passed.')).toBeVisible();
  await teacher.getByRole('button', { name: 'Save changes' }).click();
  await expect(teacher.getByText('Changes saved. The due date has passed: answers given from now on are marked late.')).toBeVisible();
  const cy = await newPage(browser);
  await cy.goto(link);
  await cy.getByLabel('Your nickname').fill('Cy');
  await cy.getByRole('button', { name: 'Start' }).click();
  await doQuiz(cy, [true, false, false]);
  await expect(teacher.getByRole('row', { name: /^Cy/ })).toContainText('late', { timeout: 10_000 });
});

test('teacher pages are refused to everyone else', async ({ browser, page }) => {
  const outsider = await newPage(browser);
  expect((await outsider.request.get('/api/v1/teach/assignments/some-id/report')).status()).toBe(404);
  expect((await outsider.request.get('/api/v1/teach/assignments/some-id/export')).status()).toBe(404);
  await page.goto('/teach/assignments/some-id');
  await expect(page).toHaveURL(/\/teach\/sign-in$/);
  expect((await page.goto('/a/no-such-assignment'))?.status()).toBe(404);
});
