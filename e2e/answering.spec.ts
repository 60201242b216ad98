import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { fold, loadBank, type BankItem } from './content';
import { answerCorrectlyByKeyboard, tabTo } from './quiz-helpers';

const bank = loadBank();
const allItems: (BankItem & { setId: string })[] = bank.flatMap((s) => s.items.map((item) => ({ ...item, setId: s.id })));
const ofType = (type: string) => allItems.filter((i) => i.type === type);

async function startPractice(page: Page, items: BankItem[]) {
  await page.goto(`/quiz?items=${items.map((i) => i.id).join(',')}`);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/[A-Za-z0-9_-]{22}$/);
}

/** Counts the answers the page posts, so a test can prove nothing was sent. */
function countAnswerPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/answers')) posts++;
  });
  return () => posts;
}

const check = (page: Page) => page.getByRole('button', { name: 'Check answer' });

test.describe('answering', () => {
  test('an empty answer cannot be checked: multiple select, matching and an untouched ordering', async ({ page }) => {
    const items = [ofType('multiple')[0]!, ofType('matching')[0]!, ofType('ordering')[0]!];
    const posts = countAnswerPosts(page);
    await startPractice(page, items);

    // Multiple select, nothing ticked: refused by click and by Enter, with the reason.
    await expect(check(page)).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('Tick at least one option.')).toBeVisible();
    await check(page).click({ force: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Tick at least one option.');
    await page.getByRole('checkbox').first().check();
    await expect(check(page)).toHaveAttribute('aria-disabled', 'false');
    await check(page).click();
    await page.getByRole('button', { name: 'Next question' }).click();

    // Matching, nothing chosen, then a right side chosen twice: refused, and said so.
    await expect(page.getByText('Question 2 of 3', { exact: true })).toBeVisible();
    await expect(check(page)).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('Choose a match for each item.')).toBeVisible();
    const selects = page.getByRole('combobox');
    const firstRight = (await selects.first().locator('option').nth(1).getAttribute('value'))!;
    await selects.nth(0).selectOption(firstRight);
    await selects.nth(1).selectOption(firstRight);
    await expect(page.getByText(/is also chosen for .*Each match is used once\./).first()).toBeVisible();
    await expect(selects.nth(2).locator('option').nth(1)).toHaveText(/\(chosen for /);
    const count = await selects.count();
    for (let i = 2; i < count; i++) await selects.nth(i).selectOption({ index: i + 1 });
    await expect(page.getByText('Each match can be used once: change one of the repeated choices.')).toBeVisible();
    await expect(check(page)).toHaveAttribute('aria-disabled', 'true');
    await selects.nth(1).selectOption({ index: 2 });
    await expect(check(page)).toHaveAttribute('aria-disabled', 'false');
    await check(page).click();
    await page.getByRole('button', { name: 'Next question' }).click();

    // Ordering, untouched: refused until the learner moves an entry or confirms the order.
    await expect(page.getByText('Question 3 of 3', { exact: true })).toBeVisible();
    await expect(check(page)).toHaveAttribute('aria-disabled', 'true');
    await check(page).click({ force: true });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Put the entries in order, or confirm that this order is your answer.',
    );
    await page.getByRole('button', { name: 'This order is my answer' }).click();
    await expect(page.getByRole('button', { name: 'This order is my answer' })).toHaveAttribute('aria-pressed', 'true');
    await expect(check(page)).toHaveAttribute('aria-disabled', 'false');
    expect(posts()).toBe(2);
  });

  test('keyboard: number keys toggle multiple select, Enter checks from anywhere and goes on, focus lands on each heading', async ({
    page,
  }) => {
    const multiple = ofType('multiple')[0]!;
    const single = ofType('single')[0]!;
    await startPractice(page, [multiple, single]);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const boxes = page.getByRole('checkbox');
    await page.keyboard.press('1');
    await page.keyboard.press('3');
    await expect(boxes.nth(0)).toBeChecked();
    await expect(boxes.nth(2)).toBeChecked();
    await page.keyboard.press('3');
    await expect(boxes.nth(2)).not.toBeChecked();
    // Focus is still on the heading: Enter checks the answer, Enter again goes on.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Right|Partly right|Not quite/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Question 2 of 2', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(single.prompt);
    // Focus elsewhere on the page (not on a control): Enter still checks.
    await page.keyboard.press('2');
    await page.locator('main').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Right|Not quite/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /You scored/ })).toBeFocused();
  });

  test('ordering: arrow keys move the focused entry, few Tabs reach Check answer, and drag with the pointer works', async ({ page }) => {
    const item = ofType('ordering').find((i) => (i.order as unknown[]).length >= 4)!;
    await startPractice(page, [item]);
    const entries = page.getByRole('main').getByRole('listitem');
    const textAt = async (i: number) => fold((await entries.nth(i).locator('span.flex-1').textContent()) ?? '');
    const first = await textAt(0);
    const handle = page.getByRole('button', { name: new RegExp(`, position 1 of`) });
    await tabTo(page, handle);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => textAt(1)).toBe(first);
    await expect(page.getByRole('button', { name: /, position 2 of/ })).toBeFocused();
    await page.keyboard.press('End');
    const last = (item.order as unknown[]).length - 1;
    await expect.poll(() => textAt(last)).toBe(first);
    await page.keyboard.press('Home');
    await expect.poll(() => textAt(0)).toBe(first);

    // From the heading, Tab reaches Check answer in at most entries + 2 presses (no per-entry button pairs).
    await page.getByRole('heading', { level: 1 }).focus();
    let tabs = 0;
    while (!(await check(page).evaluate((el) => el === document.activeElement)) && tabs < 30) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual((item.order as unknown[]).length + 2);

    // Pointer drag by the handle: the first entry dropped onto the third place.
    const from = await entries
      .nth(0)
      .getByRole('button', { name: /, position 1 of/ })
      .boundingBox();
    const to = await entries.nth(2).boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + 20, { steps: 4 });
    await page.mouse.move(from!.x + from!.width / 2, to!.y + to!.height / 2 + 4, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => textAt(2)).toBe(first);
    await check(page).click();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  });

  test('feedback marks the chosen and the correct options in place, and matching pair by pair', async ({ page }) => {
    const single = ofType('single')[0]!;
    const matching = ofType('matching')[0]!;
    await startPractice(page, [single, matching]);
    const options = single.options as { id: string; text: string }[];
    const key = options.find((o) => o.id === single.answer)!;
    const wrong = options.find((o) => o.id !== single.answer)!;
    await page.getByRole('radio', { name: wrong.text }).check();
    await check(page).click();
    await expect(page.getByRole('heading', { level: 2, name: /Not quite/ })).toBeVisible();
    const rowOf = (text: string) => page.locator('label').filter({ hasText: text });
    await expect(rowOf(wrong.text)).toContainText('✗Your answer, wrong');
    await expect(rowOf(key.text)).toContainText('✓Correct answer');
    await expect(page.getByText('Key', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next question' }).click();

    // Matching: pick the right pair for the first left, a wrong one for the others.
    const pairs = matching.pairs as { left: string; right: string }[];
    await expect(page.getByText('Question 2 of 2', { exact: true })).toBeVisible();
    const selects = page.getByRole('combobox');
    const optionTexts = (await selects.first().locator('option').allTextContents()).map(fold);
    await selects.first().selectOption({ index: optionTexts.indexOf(fold(pairs[0]!.right)) });
    // The other lefts get the other rights rotated by one: each of them is wrong.
    const others = pairs.slice(1).map((p) => fold(p.right));
    for (let i = 1; i < pairs.length; i++) await selects.nth(i).selectOption({ index: optionTexts.indexOf(others[i % others.length]!) });
    await check(page).click();
    await expect(page.getByRole('heading', { level: 2, name: /Partly right|Not quite/ })).toBeVisible();
    await expect(page.getByText('✓Your answer, correct')).toHaveCount(1);
    await expect(page.getByText(`Correct answer: ${pairs[1]!.right}`)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('fill in the gap: the gap sits inline, sized to the answer, with the full stop on its line at 375 px', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    // A gap at the end of its sentence: the full stop must not wrap away from it.
    const item = allItems.find((i) => i.type === 'typed' && /____\.$/.test(i.prompt))!;
    await startPractice(page, [item]);
    const input = page.getByRole('textbox', { name: 'Your answer for the gap' });
    const paragraph = page.locator('p').filter({ has: input });
    const [inputBox, paragraphBox] = [await input.boundingBox(), await paragraph.boundingBox()];
    expect(inputBox!.width).toBeLessThan(paragraphBox!.width * 0.7);
    // The gap and the "." after it share a non-wrapping span: one line high.
    const glued = input.locator('xpath=..');
    await expect(glued).toHaveText('.');
    expect((await glued.boundingBox())!.height).toBeLessThan(inputBox!.height * 1.6);
    await expect(paragraph).toContainText(item.prompt.split('____')[0]!.trim().slice(-30));
  });

  test('"Select all that apply" is said once', async ({ page }) => {
    const item = ofType('multiple').find((i) => /select all that apply/i.test(i.prompt))!;
    await startPractice(page, [item]);
    await expect(page.getByText(/select all that apply/i)).toHaveCount(1);
  });

  test('a stale second tab is told the question was answered elsewhere and shows that answer', async ({ page, context }) => {
    const items = ofType('truefalse').slice(0, 2);
    await startPractice(page, items);
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.getByText('Question 1 of 2', { exact: true })).toBeVisible();
    await page.getByRole('radio', { name: items[0]!.answer ? 'True' : 'False' }).check();
    await check(page).click();
    await expect(page.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();

    await other.getByRole('radio', { name: items[0]!.answer ? 'False' : 'True' }).check();
    await check(other).click();
    await expect(other.getByRole('status')).toHaveText(
      'This question was already answered in another tab or on another device. Here is that answer.',
    );
    await expect(other.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();
    await expect(other.getByText('Question 1 of 2', { exact: true })).toBeVisible();
    await other.getByRole('button', { name: 'Next question' }).click();
    await expect(other.getByText('Question 2 of 2', { exact: true })).toBeVisible();
  });

  test('a double click on "Start the quiz" starts one attempt', async ({ page }) => {
    const items = ofType('single').slice(0, 2);
    await page.goto(`/quiz?items=${items.map((i) => i.id).join(',')}`);
    await page.getByRole('button', { name: 'Start the quiz' }).dblclick();
    await expect(page).toHaveURL(/\/quiz\/[A-Za-z0-9_-]{22}$/);
    await page.goto('/progress');
    await expect(page.getByRole('link', { name: 'Resume' })).toHaveCount(1);
  });

  test('a score reads the same on the results and in the history', async ({ page }) => {
    const item = ofType('multiple').find((i) => (i.answer as string[]).length === 3)!;
    await startPractice(page, [item]);
    const key = (item.options as { id: string; text: string }[]).find((o) => (item.answer as string[]).includes(o.id))!;
    await page.getByRole('checkbox', { name: key.text }).check();
    await check(page).click();
    await page.getByRole('button', { name: 'See my results' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You scored 0.3 out of 1 (33%)');
    await page.goto('/progress');
    await expect(page.getByRole('cell', { name: '0.3 out of 1' })).toBeVisible();
  });

  test('a focused ordering handle keeps the focus when the drag library arrives', async ({ page }) => {
    const item = ofType('ordering').find((i) => (i.order as unknown[]).length >= 4)!;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Holds back the chunk with dnd-kit until a handle has the focus.
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('DndDescribedBy')) await held;
      await route.fulfill({ response, body });
    });
    await startPractice(page, [item]);
    await tabTo(page, page.getByRole('button', { name: /, position 1 of/ }));
    release();
    await expect(page.getByText('Press the up and down arrow keys to move this entry.')).toBeAttached();
    await expect(page.getByRole('button', { name: /, position 1 of/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: /, position 2 of/ })).toBeFocused();
  });

  test('every state has a document title, and axe passes across transitions in light and dark', async ({ page }) => {
    test.slow();
    const items = [ofType('single')[0]!, ofType('ordering')[0]!, ofType('typed')[0]!];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await startPractice(page, items);
      for (const [index, item] of items.entries()) {
        await expect(page).toHaveTitle(`Question ${index + 1} of 3 · Chosen questions · Passage`);
        await expectNoAxeViolations(page);
        await answerCorrectlyByKeyboard(page, item);
        await expect(page.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();
        await expect(page).toHaveTitle(`Question ${index + 1} of 3 · Chosen questions · Passage`);
        await expectNoAxeViolations(page);
        await page.keyboard.press('Enter');
      }
      await expect(page.getByRole('heading', { level: 1, name: /You scored/ })).toBeFocused();
      await expect(page).toHaveTitle('Results · Chosen questions · Passage');
      await expectNoAxeViolations(page);
    }
  });
});
