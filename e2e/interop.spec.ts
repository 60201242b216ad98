import fs from 'node:fs';
import { submitSignUp } from './classroom-helpers';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { loadBank } from './content';

const keyFacts = loadBank().find((s) => s.id === 'key-facts')!;

/** Clicks a download control and returns the file's name and bytes. */
async function download(page: Page, control: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

const text = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '');
const zipEntries = (bytes: Buffer) => unzipSync(new Uint8Array(bytes));

test('a learner downloads a set and all sets for Anki and Quizlet', async ({ page }) => {
  await page.goto('/sets/key-facts');
  const downloads = page.getByRole('list', { name: 'Flashcard downloads' });
  await expect(page.getByRole('heading', { name: 'Study elsewhere' })).toBeVisible();
  await expectNoAxeViolations(page);

  const apkg = await download(page, downloads.getByRole('link', { name: 'Anki deck (.apkg)' }));
  expect(apkg.name).toBe('passage-key-facts.apkg');
  const entries = zipEntries(apkg.bytes);
  expect(Object.keys(entries).sort()).toEqual(['collection.anki2', 'media']);
  expect(strFromU8(entries['collection.anki2']!.slice(0, 15))).toBe('SQLite format 3');

  const ankiText = text((await download(page, downloads.getByRole('link', { name: 'Anki text file' }))).bytes);
  expect(ankiText.split('\n').slice(0, 4)).toEqual([
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:Passage::Key facts and figures',
  ]);
  expect(ankiText.trimEnd().split('\n').length).toBe(6 + keyFacts.items.length);

  const quizlet = text((await download(page, downloads.getByRole('link', { name: 'Quizlet import text' }))).bytes);
  const lines = quizlet.trimEnd().split('\n');
  expect(lines).toHaveLength(keyFacts.items.length);
  for (const line of lines) expect(line.split('\t')).toHaveLength(2);

  await page.goto('/settings');
  const all = await download(
    page,
    page.getByRole('list', { name: 'Flashcard downloads' }).getByRole('link', { name: 'Anki deck (.apkg)' }),
  );
  expect(all.name).toBe('passage-all-sets.apkg');
  expect(Object.keys(zipEntries(all.bytes))).toContain('collection.anki2');
});

test('a teacher downloads chosen items of a set and an assignment for Moodle, Canvas and Google Forms', async ({ page }) => {
  test.slow();
  await page.goto('/teach/sign-up');
  await page.getByLabel('Your name').fill('Mr Sato');
  await page.getByLabel('Email').fill(`sato-${Date.now()}@school.test`);
  await submitSignUp(page);

  await page.goto('/sets/key-facts');
  await expect(page.getByRole('heading', { name: 'For your learning platform' })).toBeVisible();
  await expectNoAxeViolations(page);
  const moodle = await download(page, page.getByRole('button', { name: 'Moodle XML' }));
  expect(moodle.name).toBe('key-facts-moodle.xml');
  expect(text(moodle.bytes)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(text(moodle.bytes)).toContain('<quiz><question type="category">');

  const qti = zipEntries((await download(page, page.getByRole('button', { name: 'QTI 2.1 (Canvas, Blackboard)' }))).bytes);
  expect(Object.keys(qti)).toContain('imsmanifest.xml');
  expect(strFromU8(qti['imsmanifest.xml']!)).toContain('imsqti_item_xmlv2p1');

  const aiken = text((await download(page, page.getByRole('button', { name: 'Aiken (single choice only)' }))).bytes);
  expect(aiken).toMatch(/^ANSWER: [A-D]$/m);

  const csv = text((await download(page, page.getByRole('button', { name: 'CSV (Google Forms, Sheets)' }))).bytes);
  expect(csv.split('\r\n')[0]).toBe('"id","type","prompt","options","answer","explanation","source","tolerance","unit"');

  // Two chosen items only, as GIFT.
  const [first, second] = keyFacts.items.filter((i) => i.type !== 'card');
  await page.getByText(/^Choose items/).click();
  await page.getByRole('checkbox', { name: new RegExp(first!.id) }).check();
  await page.getByRole('checkbox', { name: new RegExp(second!.id) }).check();
  const gift = text((await download(page, page.getByRole('button', { name: 'GIFT' }))).bytes);
  expect(gift).toContain('$CATEGORY: $course$/top/Passage/Key facts and figures');
  expect(gift.match(/^::/gm)).toHaveLength(2);
  expect(gift).toContain(`::${first!.id}::`);

  // An assignment's items, from its report page.
  await page.goto('/teach/new');
  await page.getByLabel('Title').fill('Key facts check');
  await page.getByLabel('Question set').selectOption('key-facts');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Key facts check' })).toBeVisible();
  await page.getByText('Download these questions for a learning platform').click();
  await expectNoAxeViolations(page);
  const fromAssignment = await download(page, page.getByRole('list', { name: 'Question downloads' }).getByRole('link', { name: 'GIFT' }));
  expect(fromAssignment.name).toBe('key-facts-check.gift.txt');
  expect(text(fromAssignment.bytes).match(/^::/gm)).toHaveLength(keyFacts.items.filter((i) => i.type !== 'card').length);
});

test('question exports need a teacher, and another teacher’s assignment looks missing', async ({ request }) => {
  const refused = await request.get('/api/v1/teach/sets/key-facts/questions/gift');
  expect(refused.status()).toBe(401);
  expect((await request.get('/api/v1/teach/assignments/nope/questions/gift')).status()).toBe(404);
  expect((await request.get('/api/v1/me/flashcards/pdf')).status()).toBe(400);
});
