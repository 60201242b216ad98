import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { loadBank } from './content';

const bank = loadBank();
const keyFacts = bank.find((s) => s.id === 'key-facts')!;
const timeline = bank.find((s) => s.id === 'timeline')!;
const quizItems = (set: typeof keyFacts) => set.items.filter((i) => i.type !== 'card');

async function answerAnyway(page: Page) {
  // Any answer will do: confirm an order, tick the first option, type something, match in order.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  if (await page.getByRole('button', { name: 'This order is my answer' }).count())
    await page.getByRole('button', { name: 'This order is my answer' }).click();
  else if (await page.getByRole('radio').count()) await page.getByRole('radio').first().check();
  else if (await page.getByRole('checkbox').count()) await page.getByRole('checkbox').first().check();
  else if (await page.getByRole('combobox').count()) {
    const selects = await page.getByRole('combobox').all();
    for (const [i, select] of selects.entries()) await select.selectOption({ index: i + 1 });
  } else await page.getByRole('textbox').fill('12');
  await page.getByRole('button', { name: 'Check answer' }).click();
}

test.describe('choosing what to practise', () => {
  test('a learner chooses length, types and order before a set quiz', async ({ page }) => {
    await page.goto(`/sets/${keyFacts.id}/quiz`);
    await expectNoAxeViolations(page);
    const total = quizItems(keyFacts).length;
    await expect(page.getByRole('radio', { name: `All ${total}` })).toBeVisible();
    // Shuffled is the default for self-study.
    await expect(page.getByRole('radio', { name: 'Shuffled' })).toBeChecked();
    await page.getByRole('radio', { name: '10' }).check();
    await page.getByRole('radio', { name: 'Set order' }).check();
    const types = page.getByRole('group', { name: 'Question types' });
    for (const box of await types.getByRole('checkbox').all()) await box.uncheck();
    await types.getByRole('checkbox', { name: /Numbers/ }).check();
    const numerics = keyFacts.items.filter((i) => i.type === 'numeric');
    await expect(page.getByText(`${numerics.length} questions, in set order.`)).toBeVisible();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    for (const [index, item] of numerics.entries()) {
      await expect(page.getByText(`Question ${index + 1} of ${numerics.length}`, { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.prompt);
      await page.getByRole('textbox').fill(String(item.answer));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`You scored ${numerics.length} out of ${numerics.length} (100%)`);
  });

  test('a shorter quiz is 10 questions, shuffled by default', async ({ page }) => {
    await page.goto(`/sets/${timeline.id}/quiz`);
    await page.getByRole('radio', { name: '10' }).check();
    await expect(page.getByText('10 questions, shuffled.')).toBeVisible();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible();
    const prompts: string[] = [];
    for (let i = 0; i < 4; i++) {
      await expect(page.getByText(`Question ${i + 1} of 10`, { exact: true })).toBeVisible();
      prompts.push((await page.getByRole('heading', { level: 1 }).textContent())!);
      await answerAnyway(page);
      await page.getByRole('button', { name: 'Next question' }).click();
    }
    const setOrder = quizItems(timeline).map((i) => i.prompt);
    expect(prompts).not.toEqual(setOrder.slice(0, 4));
  });

  test('no question type chosen: the refusal sits beside the types and the choices are kept', async ({ page }) => {
    await page.goto(`/sets/${keyFacts.id}/quiz`);
    await page.getByRole('radio', { name: 'Set order' }).check();
    for (const box of await page.getByRole('group', { name: 'Question types' }).getByRole('checkbox').all()) await box.uncheck();
    await expect(page.getByText('Choose at least one type of question.')).toBeVisible();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page.locator('#quiz-types-error')).toHaveText('Choose at least one type of question.');
    await expect(page.getByRole('radio', { name: 'Set order' })).toBeChecked();
    await expect(page).toHaveURL(new RegExp(`/sets/${keyFacts.id}/quiz$`));
  });

  test('results offer the whole quiz again beside the missed ones', async ({ page }) => {
    const items = timeline.items.filter((i) => i.type === 'truefalse').slice(0, 2);
    await page.goto(`/sets/${timeline.id}/quiz?items=${items.map((i) => i.id).join(',')}`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    for (const [index, item] of items.entries()) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.prompt);
      await page.getByRole('radio', { name: item.answer ? 'False' : 'True' }).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByRole('button', { name: index === items.length - 1 ? 'See my results' : 'Next question' }).click();
    }
    await expect(page.getByRole('button', { name: 'Retry the 2 I missed' })).toBeVisible();
    await page.getByRole('button', { name: 'Take the whole quiz again' }).click();
    await expect(page.getByText(`Question 1 of ${quizItems(timeline).length}`, { exact: true })).toBeVisible();
  });

  test('the reader counts what a paragraph quiz serves, words it truthfully, and ends with what to do next', async ({ page }) => {
    await page.goto('/articles/kuril-talks');
    const meta = page.getByText(/\d+ questions? and \d+ flashcards? draw on this paragraph/).first();
    await expect(meta).toBeVisible();
    const [, questions] = /(\d+) questions?/.exec((await meta.textContent())!)!;
    const paragraph = meta.locator('xpath=..');
    const n = /(\d+)$/.exec((await paragraph.getByRole('link', { name: /^Link to paragraph \d+$/ }).getAttribute('aria-label'))!)![1];
    await paragraph
      .getByRole('link', { name: new RegExp(`^Quiz me on the ${questions === '1' ? 'question' : `${questions} questions`}`) })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Questions on paragraph ${n}`);
    await expect(
      page.getByText(
        `A quiz on the ${questions} ${questions === '1' ? 'question' : 'questions'} that draw on paragraph ${n} of the article.`,
      ),
    ).toBeVisible();
    await expect(page.getByText(/you picked/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page.getByText(`Question 1 of ${questions}`, { exact: true })).toBeVisible();

    await page.goto('/articles/kuril-talks');
    const next = page.getByRole('region', { name: 'Now keep what you read' });
    await expect(next.getByRole('link', { name: /^Take the quiz/ })).toHaveCount(bank.length);
    await expect(next.getByRole('link', { name: 'Review flashcards' })).toHaveAttribute('href', '/review');
    await expectNoAxeViolations(page);
  });

  test('the home page shows a returning learner what is due and their last score per set', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('No quiz taken yet')).toHaveCount(0);
    const items = timeline.items.filter((i) => i.type === 'truefalse').slice(0, 2);
    await page.goto(`/sets/${timeline.id}/quiz?items=${items.map((i) => i.id).join(',')}`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    for (const [index, item] of items.entries()) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.prompt);
      await page.getByRole('radio', { name: index === 0 ? (item.answer ? 'True' : 'False') : item.answer ? 'False' : 'True' }).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByRole('button', { name: index === items.length - 1 ? 'See my results' : 'Next question' }).click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You scored 1 out of 2 (50%)');
    await page.goto('/');
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: timeline.title }) });
    await expect(card).toContainText('Last quiz: 1 out of 2 (50%)');
    // Today's review counts are the review session's own: the set's review page shows the same numbers.
    const reviewLink = card.getByRole('link', { name: `Review ${timeline.title}` });
    await expect(reviewLink).toHaveAttribute('href', `/sets/${timeline.id}/review`);
    const homeLine = (await card.textContent()) ?? '';
    await reviewLink.click();
    await expect(page.getByTestId('review-counts')).toBeVisible();
    const [fresh = 0, learning = 0, toReview = 0] = ((await page.getByTestId('review-counts').textContent()) ?? '')
      .match(/\d+/g)!
      .map(Number);
    const due = learning + toReview;
    expect(fresh + due, 'the set has cards to study after a first quiz').toBeGreaterThan(0);
    expect(homeLine).toContain(
      `${due > 0 ? `${due} ${due === 1 ? 'card' : 'cards'} due` : 'Nothing due'}${fresh > 0 ? ` · ${fresh} new` : ''}`,
    );
    await page.goto('/');
    const other = page.getByRole('article').filter({ has: page.getByRole('heading', { name: keyFacts.title }) });
    await expect(other).toContainText('No quiz taken yet');
    await expectNoAxeViolations(page);
  });
});
