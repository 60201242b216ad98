import { expect, type Locator, type Page } from '@playwright/test';
import type { BankItem } from './content';

/** Presses Tab until `target` has focus (keyboard-only navigation), failing after 40 presses. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const fold = (s: string) => s.replace(/[\u2018\u2019]/g, "'").trim();

/** Answers the question on screen correctly, by keyboard only. */
export async function answerCorrectlyByKeyboard(page: Page, item: BankItem): Promise<void> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Check answer' }) });
  switch (item.type) {
    case 'single': {
      const options = item.options as { id: string; text: string }[];
      const key = options.find((o) => o.id === item.answer)!;
      const labels = (await form.locator('label').allTextContents()).map(fold);
      const index = labels.findIndex((l) => l.endsWith(fold(key.text)));
      await page.keyboard.press(String(index + 1));
      break;
    }
    case 'multiple': {
      const options = item.options as { id: string; text: string }[];
      for (const key of options.filter((o) => (item.answer as string[]).includes(o.id))) {
        await tabTo(page, page.getByRole('checkbox', { name: key.text, exact: false }));
        await page.keyboard.press('Space');
      }
      break;
    }
    case 'truefalse':
      await page.keyboard.press(item.answer ? '1' : '2');
      break;
    case 'typed':
    case 'numeric':
      await tabTo(page, form.getByRole('textbox'));
      await page.keyboard.type(String(item.answer));
      break;
    case 'ordering': {
      const target = (item.order as { text: string }[]).map((e) => fold(e.text));
      let moved = false;
      for (let position = 0; position < target.length; position++) {
        const current = (await form.getByRole('listitem').allTextContents()).map((t) =>
          fold(t.replace(/[↑↓⠿]/g, '').replace(/^\d+\.\s*/, '')),
        );
        const from = current.findIndex((t) => t === target[position]);
        // Each entry's handle moves it with the arrow keys.
        if (from > position)
          await tabTo(
            page,
            form.getByRole('button', {
              name: new RegExp(`^${escapeRegExp((item.order as { text: string }[])[position]!.text)}, position`),
            }),
          );
        for (let i = from; i > position; i--) await page.keyboard.press('ArrowUp');
        moved ||= from > position;
      }
      // Shuffled into the right order already: the learner says so rather than moving anything.
      if (!moved) {
        await tabTo(page, form.getByRole('button', { name: 'This order is my answer' }));
        await page.keyboard.press('Enter');
      }
      break;
    }
    case 'matching': {
      for (const pair of item.pairs as { left: string; right: string }[]) {
        const select = form.getByRole('combobox', { name: pair.left });
        const options = (await select.locator('option').allTextContents()).map(fold);
        const index = options.indexOf(fold(pair.right));
        await tabTo(page, select);
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
        await expect(select).not.toHaveValue('');
      }
      break;
    }
  }
  await tabTo(page, page.getByRole('button', { name: 'Check answer' }));
  await page.keyboard.press('Enter');
}
