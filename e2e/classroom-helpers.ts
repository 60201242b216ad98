import { expect, type Browser, type Page } from '@playwright/test';
import type { BankItem } from './content';

export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Signs a new teacher up through the form and lands on "Your assignments". */
export async function signUpTeacher(page: Page, name: string): Promise<void> {
  await page.goto('/teach/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page
    .getByLabel('Email')
    .fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@school.test`);
  await submitSignUp(page);
}

/** Sends the filled sign-up form and waits for the new teacher's assignments page. */
export async function submitSignUp(page: Page): Promise<void> {
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create teacher account' }).click();
  await expect(page.getByRole('heading', { name: 'Your assignments' })).toBeVisible();
}

/** The link and the join code shown on the teacher's assignment page. */
export async function linkAndCode(page: Page): Promise<{ link: string; code: string }> {
  const code = (await page.locator('strong.font-mono').first().textContent())!.trim();
  const link = (await page.getByRole('link', { name: /\/a\// }).textContent())!.trim();
  return { link, code };
}

/** A teacher signed up in a fresh context, with one assignment over a whole set; returns its link and code. */
export async function teacherWithAssignment(
  browser: Browser,
  options: { title: string; mode?: 'quiz' | 'flashcards' },
): Promise<{ teacher: Page; link: string; code: string }> {
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Mr Sato');
  await teacher.goto('/teach/new');
  await teacher.getByLabel('Title').fill(options.title);
  await teacher.getByLabel('Question set').selectOption('timeline');
  if (options.mode === 'flashcards') await teacher.getByRole('radio', { name: /Flashcard/ }).check();
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
  return { teacher, ...(await linkAndCode(teacher)) };
}

/** Creates a timeline quiz over `items` (no shuffle) and returns the student link. */
export async function createQuiz(
  page: Page,
  options: { title: string; items: BankItem[]; reveal: string; mastery?: boolean; attempts?: string; lateWork?: 'accept' | 'refuse' },
): Promise<string> {
  await page.getByRole('link', { name: 'New assignment' }).click();
  await page.getByLabel('Title').fill(options.title);
  await page.getByLabel('Question set').selectOption('timeline');
  await page.getByText(/^Items: all/).click();
  for (const box of await page.getByRole('group', { name: 'Items to include' }).getByRole('checkbox').all()) await box.uncheck();
  for (const item of options.items) await page.getByRole('checkbox', { name: item.prompt }).check();
  await page.getByLabel('Show answers').selectOption(options.reveal);
  if (options.attempts) await page.getByLabel('Attempts allowed').selectOption(options.attempts);
  if (options.lateWork) await page.getByLabel('Late work').selectOption(options.lateWork);
  await page.getByLabel('Shuffle the questions for each student').uncheck();
  if (options.mastery) await page.getByLabel(/^Mastery mode/).check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
  return (await linkAndCode(page)).link;
}

/** Joins by the link under `nickname`. */
export async function joinAs(page: Page, link: string, nickname: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your nickname').fill(nickname);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText(`Hello, ${nickname}.`)).toBeVisible();
}

/** Answers the single-choice question on screen, right or wrong, by its option text. */
export async function answerSingle(page: Page, items: BankItem[], right: boolean): Promise<void> {
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  const prompt = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const item = items.find((i) => i.prompt === prompt)!;
  const options = item.options as { id: string; text: string }[];
  const choice = right ? options.find((o) => o.id === item.answer)! : options.find((o) => o.id !== item.answer)!;
  await page.getByRole('radio', { name: choice.text, exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}
