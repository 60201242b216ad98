import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { fold, loadBank, sourcesOf, type BankItem } from './content';
import { answerCorrectlyByKeyboard } from './quiz-helpers';

const bank = loadBank();
const allItems: (BankItem & { setId: string })[] = bank.flatMap((s) => s.items.map((item) => ({ ...item, setId: s.id })));
const QUIZ_TYPES = ['single', 'multiple', 'truefalse', 'typed', 'numeric', 'ordering', 'matching'];
const oneOfEach = QUIZ_TYPES.map((type) => allItems.find((i) => i.type === type)!);

async function startPractice(page: Page, items: BankItem[]) {
  await page.goto(`/quiz?items=${items.map((i) => i.id).join(',')}`);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/[A-Za-z0-9_-]{22}$/);
}

test.describe('quiz', () => {
  test('a full quiz of every type by keyboard alone, with axe on every step', async ({ page }) => {
    test.slow(); // fourteen axe runs
    await startPractice(page, oneOfEach);
    for (const [index, item] of oneOfEach.entries()) {
      await expect(page.getByText(`Question ${index + 1} of ${oneOfEach.length}`, { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await expectNoAxeViolations(page);
      await answerCorrectlyByKeyboard(page, item);
      await expect(page.getByRole('heading', { level: 2, name: /^Right/ })).toBeVisible();
      await expectNoAxeViolations(page);
      const next = page.getByRole('button', { name: index === oneOfEach.length - 1 ? 'See my results' : 'Next question' });
      await expect(next).toBeFocused();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`You scored ${oneOfEach.length} out of ${oneOfEach.length} (100%)`);
    await expect(page.getByText('Every answer right. Well done.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a wrong answer shows the learner’s answer beside the key, the explanation, the source and the reader link', async ({ page }) => {
    const item = allItems.find((i) => i.type === 'typed')!;
    await startPractice(page, [item]);
    await page.getByRole('textbox').fill('a completely different answer');
    await page.getByRole('button', { name: 'Check answer' }).click();
    const feedback = page.getByRole('region', { name: /^Not quite/ });
    await expect(feedback).toBeVisible();
    await expect(feedback).toContainText('a completely different answer');
    await expect(feedback).toContainText(String(item.answer));
    await expect(feedback).toContainText(item.explanation.slice(0, 40));
    expect((await feedback.locator('blockquote').allTextContents()).map(fold)).toEqual(sourcesOf(item).map((quote) => fold(`“${quote}”`)));
    await feedback.getByRole('link', { name: 'Read this passage in the article' }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/kuril-talks\\?item=${item.id}$`));
    await expect(page.locator('mark#highlight')).toBeFocused();
  });

  test('feedback on an item that needs several facts quotes every passage and links to all of them', async ({ page }) => {
    const item = allItems.find((i) => i.id === 'tl-021')!;
    const quotes = sourcesOf(item);
    expect(quotes.length).toBe(2);
    await startPractice(page, [item]);
    await page.getByRole('radio', { name: item.answer ? 'False' : 'True' }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    const feedback = page.getByRole('region', { name: /^Not quite/ });
    await expect(feedback.locator('blockquote')).toHaveCount(2);
    expect((await feedback.locator('blockquote').allTextContents()).map(fold)).toEqual(quotes.map((quote) => fold(`“${quote}”`)));
    await expectNoAxeViolations(page);
    await feedback.getByRole('link', { name: 'Read these passages in the article' }).click();
    await expect(page.locator('mark#highlight')).toBeFocused();
    await expect(page.locator('mark')).toHaveCount(2);
  });

  test('retry the ones I missed starts a quiz over exactly those', async ({ page }) => {
    const items = allItems.filter((i) => i.setId === 'timeline' && i.type === 'truefalse').slice(0, 3);
    await startPractice(page, items);
    for (const [index, item] of items.entries()) {
      // Right on the first, wrong on the rest.
      const right = index === 0;
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.prompt);
      await page.getByRole('radio', { name: item.answer === right ? 'True' : 'False' }).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByRole('button', { name: index === items.length - 1 ? 'See my results' : 'Next question' }).click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You scored 1 out of 3 (33%)');
    await page.getByRole('button', { name: 'Retry the 2 I missed' }).click();
    await expect(page.getByText('Question 1 of 2', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(items[1]!.prompt);
  });

  test('a reload mid-quiz resumes at the same question with the same option order', async ({ page }) => {
    const singles = allItems.filter((i) => i.type === 'single').slice(0, 3);
    await startPractice(page, singles);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect(page.getByText('Question 2 of 3', { exact: true })).toBeVisible();
    const before = await page.getByRole('radio').evaluateAll((els) => els.map((e) => e.parentElement?.textContent));
    await page.reload();
    await expect(page.getByText('Question 2 of 3', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(singles[1]!.prompt);
    expect(await page.getByRole('radio').evaluateAll((els) => els.map((e) => e.parentElement?.textContent))).toEqual(before);
  });

  test('the set page offers the quiz, and the start page offers to resume an unfinished one', async ({ page }) => {
    await page.goto('/sets/people');
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
    const attemptUrl = page.url();
    await page.goto('/sets/people/quiz');
    await expect(page.getByText('You have a quiz in progress: 0 of')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Resume the quiz' }).click();
    await expect(page).toHaveURL(attemptUrl);
  });

  test('another browser cannot open someone else’s attempt', async ({ page, browser }) => {
    await startPractice(page, [oneOfEach[0]!]);
    const stranger = await browser.newContext();
    const response = await (await stranger.newPage()).goto(page.url());
    expect(response?.status()).toBe(404);
    await stranger.close();
  });
});
