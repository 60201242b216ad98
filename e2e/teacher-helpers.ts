import { expect, type Browser, type Page } from '@playwright/test';

/** A teacher signed up in a fresh context, with one assignment over a whole set; returns its link and code. */
export async function teacherWithAssignment(
  browser: Browser,
  options: { title: string; mode?: 'quiz' | 'flashcards' },
): Promise<{ teacher: Page; link: string; code: string }> {
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto('/teach/sign-up');
  await teacher.getByLabel('Your name').fill('Mr Sato');
  await teacher.getByLabel('Email').fill(`sato-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@school.test`);
  await teacher.getByLabel('Password').fill('correct horse battery');
  await teacher.getByRole('button', { name: 'Create teacher account' }).click();
  await expect(teacher.getByRole('heading', { name: 'Your assignments' })).toBeVisible();
  await teacher.goto('/teach/new');
  await teacher.getByLabel('Title').fill(options.title);
  await teacher.getByLabel('Question set').selectOption('timeline');
  if (options.mode === 'flashcards') await teacher.getByRole('radio', { name: /Flashcard/ }).check();
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
  const code = (await teacher.locator('strong.font-mono').first().textContent())!.trim();
  const link = (await teacher.getByRole('link', { name: /\/a\// }).textContent())!.trim();
  return { teacher, link, code };
}
