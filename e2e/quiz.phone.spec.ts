import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { fold, loadBank, type BankItem } from './content';
import { touchDrag } from './touch';

const allItems: BankItem[] = loadBank().flatMap((s) => s.items);
const first = (type: string) => allItems.find((i) => i.type === type)!;
const ITEMS = [
  first('single'),
  first('multiple'),
  first('truefalse'),
  allItems.find((i) => i.type === 'typed' && /____\.$/.test(i.prompt))!,
  first('ordering'),
  first('matching'),
];

/** Answers the question on screen rightly, by tapping (and dragging by touch for ordering). */
async function answerByTouch(page: Page, item: BankItem) {
  switch (item.type) {
    case 'single': {
      const key = (item.options as { id: string; text: string }[]).find((o) => o.id === item.answer)!;
      await page.getByRole('radio', { name: key.text }).tap();
      break;
    }
    case 'multiple':
      for (const key of (item.options as { id: string; text: string }[]).filter((o) => (item.answer as string[]).includes(o.id))) {
        await page.getByRole('checkbox', { name: key.text }).tap();
      }
      break;
    case 'truefalse':
      await page.getByRole('radio', { name: item.answer ? 'True' : 'False' }).tap();
      break;
    case 'typed':
      await page.getByRole('textbox').tap();
      await page.getByRole('textbox').fill(String(item.answer));
      break;
    case 'ordering': {
      const target = (item.order as { text: string }[]).map((e) => fold(e.text));
      const entries = page.getByRole('main').getByRole('listitem');
      const texts = async () => (await entries.locator('span.flex-1').allTextContents()).map(fold);
      // Selection sort by touch: drag the entry that belongs at each position onto that position.
      let moved = false;
      for (let position = 0; position < target.length - 1; position++) {
        const from = (await texts()).indexOf(target[position]!);
        if (from === position) continue;
        await touchDrag(page, entries.nth(from).getByRole('button', { name: /, position \d+ of/ }), entries.nth(position), -8);
        await expect.poll(async () => (await texts())[position]).toBe(target[position]);
        moved = true;
      }
      // Shuffled into the right order already (1 in 24 for four entries): say so.
      if (!moved) await page.getByRole('button', { name: 'This order is my answer' }).tap();
      break;
    }
    case 'matching':
      for (const pair of item.pairs as { left: string; right: string }[]) {
        const select = page.getByRole('combobox', { name: pair.left });
        const options = (await select.locator('option').allTextContents()).map(fold);
        await select.selectOption({ index: options.findIndex((o) => o.startsWith(fold(pair.right))) });
      }
      break;
  }
  // A tap within 50 ms of a drop is taken for the end of the drag (dnd-kit): tap until it checks.
  const verdict = page.getByRole('heading', { level: 2 });
  await expect(async () => {
    if (!(await verdict.isVisible())) await page.getByRole('button', { name: 'Check answer' }).tap({ timeout: 1000 });
    await expect(verdict).toBeVisible({ timeout: 2000 });
  }).toPass();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a learner takes a quiz on a phone, by touch, axe-clean at every step (${colorScheme})`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    await page.goto(`/quiz?items=${ITEMS.map((i) => i.id).join(',')}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start the quiz' }).tap();
    for (const [index, item] of ITEMS.entries()) {
      await expect(page).toHaveTitle(`Question ${index + 1} of ${ITEMS.length} · Chosen questions · Passage`);
      await expectNoAxeViolations(page);
      // Nothing is wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await answerByTouch(page, item);
      await expect(page.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: index === ITEMS.length - 1 ? 'See my results' : 'Next question' }).tap();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`You scored ${ITEMS.length} out of ${ITEMS.length} (100%)`);
    await expect(page).toHaveTitle('Results · Chosen questions · Passage');
    await expectNoAxeViolations(page);
  });
}
