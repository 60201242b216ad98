import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerSingle, createQuiz, joinAs, linkAndCode, newPage, signUpTeacher } from './classroom-helpers';
import { loadBank } from './content';

const timeline = loadBank().find((s) => s.id === 'timeline')!;
const SINGLES = timeline.items.filter((i) => i.type === 'single');
const THREE = SINGLES.slice(0, 3);
const QUIZ_ITEMS = timeline.items.filter((i) => i.type !== 'card').length;

/** A page in its own context, reading dates in `timezoneId`. */
async function pageIn(browser: Browser, timezoneId: string): Promise<Page> {
  return (await browser.newContext({ timezoneId })).newPage();
}

/** Looks at the page at both sizes in both colour schemes: a full-page screenshot of each, and axe in each scheme. */
async function lookAt(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [width, height] of [
      [375, 812],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      // The page itself never scrolls sideways; wide tables scroll inside their own region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
    await expectNoAxeViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('dates read in the viewer’s own zone: a 20:30 UTC due date is 05:30 the next day in Tokyo', async ({ browser }, testInfo) => {
  const teacher = await pageIn(browser, 'UTC');
  await signUpTeacher(teacher, 'Ms Ueda');
  await teacher.goto('/teach/new');
  await teacher.getByLabel('Title').fill('Tokyo due date');
  await teacher.getByLabel('Question set').selectOption('timeline');
  await expect(teacher.getByLabel('Time zone')).toHaveValue('UTC');
  await teacher.getByLabel('Due date', { exact: true }).fill('2030-12-01T20:30');
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Tokyo due date' })).toBeVisible();
  const { link } = await linkAndCode(teacher);
  await expect(teacher.getByRole('definition').filter({ hasText: '2030' })).toHaveText('Sun, 1 Dec 2030, 20:30 UTC');

  const student = await pageIn(browser, 'Asia/Tokyo');
  await student.goto(link);
  await expect(student.getByText('due Mon, 2 Dec 2030, 05:30 GMT+9')).toBeVisible();
  await expect(student.locator('time[datetime="2030-12-01T20:30:00.000Z"]')).toBeVisible();
  await lookAt(student, 'student-due-tokyo', testInfo);

  const tokyoTeacher = await browser.newContext({ timezoneId: 'Asia/Tokyo', storageState: await teacher.context().storageState() });
  const list = await tokyoTeacher.newPage();
  await list.goto('/teach');
  await expect(list.getByRole('row', { name: /Tokyo due date/ })).toContainText('Mon, 2 Dec 2030, 05:30 GMT+9');
  await lookAt(list, 'teach-list-tokyo', testInfo);
});

test('the time zone is searchable and defaults to the browser’s; a past due date is pointed out and refused unless meant', async ({
  browser,
}, testInfo) => {
  const teacher = await pageIn(browser, 'Asia/Tokyo');
  await signUpTeacher(teacher, 'Mr Abe');
  await teacher.goto('/teach/new');
  const zone = teacher.getByLabel('Time zone');
  await expect(zone).toHaveValue('Asia/Tokyo');
  await expect(teacher.locator('datalist#time-zones option[value="Europe/London"]')).toHaveCount(1);
  expect(await teacher.locator('datalist#time-zones option').count()).toBeGreaterThan(300);

  // The item count follows the ticks.
  await teacher.getByLabel('Title').fill('Past on purpose');
  await teacher.getByLabel('Question set').selectOption('timeline');
  await expect(teacher.getByText(`Items: all ${QUIZ_ITEMS}`)).toBeVisible();
  await teacher.getByText(/^Items: all/).click();
  const boxes = await teacher.getByRole('group', { name: 'Items to include' }).getByRole('checkbox').all();
  for (const box of boxes.slice(3)) await box.uncheck();
  await expect(teacher.getByText(`Items: 3 of ${QUIZ_ITEMS} chosen`)).toBeVisible();

  await zone.fill('Mars/Olympus');
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByText('Choose a time zone such as Europe/London.')).toBeVisible();
  await expect(teacher.getByLabel('Title')).toHaveValue('Past on purpose');
  await expect(zone).toHaveValue('Mars/Olympus');

  await zone.fill('Europe/London');
  await expect(teacher.getByText('Choose a time zone such as Europe/London.')).toHaveCount(0);
  await teacher.getByLabel('Due date', { exact: true }).fill('2020-01-01T09:00');
  await expect(teacher.getByText('This date has already passed.')).toBeVisible();
  await expect(teacher.getByLabel('Due date', { exact: true })).toHaveAccessibleDescription(/This date has already passed/);
  await lookAt(teacher, 'new-assignment-past-due', testInfo);
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(
    teacher.getByText('That due date has already passed. Choose a later one, or tick “The due date is in the past on purpose”.'),
  ).toHaveCount(1);
  await teacher.getByLabel('The due date is in the past on purpose').check();
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Past on purpose' })).toBeVisible();
  await expect(teacher.getByRole('definition').filter({ hasText: '2020' })).toHaveText('Wed, 1 Jan 2020, 18:00 GMT+9');
});

test('a late-refusing assignment says the due date has passed before asking for a nickname, and nobody joins', async ({ browser }) => {
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Ms Kato');
  const link = await createQuiz(teacher, { title: 'Closed by date', items: THREE, reveal: 'immediately', lateWork: 'refuse' });
  await teacher.getByText('Change the title, due date, late work or when answers show').click();
  await teacher.getByLabel('Due date', { exact: true }).fill('2020-01-01T09:00');
  await expect(teacher.getByText('Once saved, nobody can join or answer any more, because late work is refused.')).toBeVisible();
  await teacher.getByRole('button', { name: 'Save changes' }).click();
  await expect(teacher.getByText(/^Changes saved\. The due date has passed and late work is refused/)).toBeVisible();

  const student = await newPage(browser);
  await student.goto(link);
  await expect(student.getByText('The due date has passed, and this assignment does not accept late work.')).toBeVisible();
  await expect(student.getByLabel('Your nickname')).toHaveCount(0);
  await expectNoAxeViolations(student);
  await teacher.reload();
  await expect(teacher.getByRole('status').filter({ hasText: '0 joined' })).toBeVisible();
});

test('with answers shown after submitting, each answer and the end say what will happen', async ({ browser }, testInfo) => {
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Mr Ono');
  const items = THREE.slice(0, 2);
  const link = await createQuiz(teacher, { title: 'After submit', items, reveal: 'after_submit' });
  const student = await newPage(browser);
  await joinAs(student, link, 'Ana');
  await student.getByRole('button', { name: 'Start the quiz' }).click();
  await answerSingle(student, items, true);
  await expect(student.getByRole('heading', { level: 2, name: 'Answer recorded' })).toBeVisible();
  await expect(student.getByText('You will see your score and the correct answers when you hand in the quiz at the end.')).toBeVisible();
  await expect(student.getByText(/teacher will share/)).toHaveCount(0);
  await lookAt(student, 'after-submit-recorded', testInfo);
  await student.getByRole('button', { name: 'Next question' }).click();
  await answerSingle(student, items, false);
  await student.getByRole('button', { name: 'See my results' }).click();
  await expect(student.getByRole('heading', { level: 1, name: 'You scored 1 out of 2 (50%)' })).toBeVisible();
});

test('the assignment page copies the link and code, lists every setting, and says what a change does to work already in', async ({
  browser,
}, testInfo) => {
  test.slow();
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const teacher = await context.newPage();
  await signUpTeacher(teacher, 'Ms Mori');
  const link = await createQuiz(teacher, { title: 'Report check', items: THREE, reveal: 'never', attempts: '2' });
  const { code } = await linkAndCode(teacher);

  await teacher.getByRole('button', { name: 'Copy link' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'Copied the link.' })).toBeVisible();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Where the Clipboard API is refused, the code is selected for Ctrl+C instead.
  await teacher.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
  });
  await teacher.getByRole('button', { name: 'Copy code' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'The code is selected' })).toBeVisible();
  expect(await teacher.evaluate(() => window.getSelection()?.toString())).toBe(code);

  const setting = (term: string) => teacher.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(setting('Show answers')).toHaveText('Never');
  await expect(setting('Attempts allowed')).toHaveText('2');
  await expect(setting('Late work')).toHaveText('Accept and mark late');
  await expect(setting('Question order')).toHaveText('As in the set');

  // Ana submits 1 of 3, then answers everything right in a second attempt she does not hand in.
  const ana = await newPage(browser);
  await joinAs(ana, link, 'Ana');
  await ana.getByRole('button', { name: 'Start the quiz' }).click();
  for (const [i, right] of [true, false, false].entries()) {
    await answerSingle(ana, THREE, right);
    await ana.getByRole('button', { name: i === 2 ? 'See my results' : 'Next question' }).click();
  }
  await expect(ana.getByRole('heading', { level: 1, name: 'Quiz handed in' })).toBeVisible();
  await expect(ana.getByText('This assignment does not show scores or correct answers; your teacher sees your answers.')).toBeVisible();
  await ana.goto(link);
  await ana.getByRole('button', { name: 'Try again' }).click();
  for (const [i] of THREE.entries()) {
    await answerSingle(ana, THREE, true);
    if (i < 2) await ana.getByRole('button', { name: 'Next question' }).click();
  }
  const bo = await newPage(browser);
  await joinAs(bo, link, 'Bo');
  await bo.getByRole('button', { name: 'Start the quiz' }).click();
  for (const [i] of THREE.entries()) {
    await answerSingle(bo, THREE, true);
    await bo.getByRole('button', { name: i === 2 ? 'See my results' : 'Next question' }).click();
  }

  await teacher.reload();
  const anaRow = teacher.getByRole('row', { name: /^Ana/ });
  await expect(anaRow).toContainText('1 / 3');
  await expect(anaRow).toContainText('in progress: 3 of 3 answered');
  await expect(anaRow.getByRole('cell', { name: 'retrying', exact: true })).toBeVisible();
  await expect(teacher.getByRole('status').filter({ hasText: '2 joined · 0 working · 1 retrying · 1 finished' })).toBeVisible();
  await teacher.getByRole('button', { name: 'Score' }).click();
  await expect(teacher.getByRole('row').nth(1)).toContainText('Bo');
  // By status, a class reads in the order it moves: Ana, still answering, above Bo, who is done.
  await teacher.getByRole('button', { name: 'Status' }).click();
  await expect(teacher.getByRole('columnheader', { name: 'Status' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(teacher.getByRole('row').nth(1)).toContainText('Ana');
  await expect(teacher.getByRole('row').nth(2)).toContainText('Bo');
  await expect(teacher.getByText('Class average 2 / 3 · median 2 / 3 (of 2 submitted scores)')).toBeVisible();
  const correct = teacher.getByRole('row', { name: /% correct/ });
  await expect(correct.getByRole('cell')).toHaveText(['Q1: 100%', 'Q2: 50%', 'Q3: 50%']);
  await lookAt(teacher, 'assignment-report', testInfo);

  // Revealing now: the page says what it does before and after saving.
  await teacher.getByText('Change the title, due date, late work or when answers show').click();
  await teacher.getByLabel('Title').fill('Report check, revealed');
  await teacher.getByLabel('Show answers').selectOption('after_submit');
  const effect = '2 students have submitted; revealing now shows them their scores and the correct answers.';
  await expect(teacher.getByText(effect)).toBeVisible();
  // Ana's open attempt is not affected: answers show only once handed in.
  await expect(teacher.getByText('Saving this will change work already in:').locator('xpath=following-sibling::ul/li')).toHaveCount(1);
  await lookAt(teacher, 'assignment-settings', testInfo);
  await teacher.getByRole('button', { name: 'Save changes' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: `Changes saved. ${effect}` })).toBeVisible();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Report check, revealed' })).toBeVisible();
  await expect(setting('Show answers')).toHaveText('After the student submits');
});

/** Creates a timeline assignment due at `due` (a datetime-local value in the page's zone); returns its student link. */
async function createDue(page: Page, title: string, due: string, { past = false } = {}): Promise<string> {
  await page.goto('/teach/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Question set').selectOption('timeline');
  await page.getByLabel('Due date', { exact: true }).fill(due);
  if (past) await page.getByLabel('The due date is in the past on purpose').check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return (await linkAndCode(page)).link;
}

test('on a phone the assignment list shows each title, status, due date and student count without scrolling sideways', async ({
  browser,
}, testInfo) => {
  const teacher = await pageIn(browser, 'UTC');
  await signUpTeacher(teacher, 'Ms Sano');
  const upcoming = {
    title: 'The Industrial Revolution: causes, inventions and consequences',
    due: 'Sun, 1 Dec 2030, 20:30 UTC',
    status: 'Open',
    students: '1 joined, 0 submitted',
  };
  const past = { title: 'Last term’s revision', due: 'Wed, 1 Jan 2020, 09:00 UTC', status: 'Past due', students: '0 joined, 0 submitted' };
  const assignments = [upcoming, past];
  const link = await createDue(teacher, upcoming.title, '2030-12-01T20:30');
  await createDue(teacher, past.title, '2020-01-01T09:00', { past: true });
  await joinAs(await newPage(browser), link, 'Ana');

  await teacher.setViewportSize({ width: 375, height: 812 });
  await teacher.goto('/teach');
  for (const colorScheme of ['light', 'dark'] as const) {
    await teacher.emulateMedia({ colorScheme });
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const a of assignments) {
      const title = teacher.getByRole('link', { name: a.title, exact: true });
      await title.scrollIntoViewIfNeeded();
      await expect(title).toBeInViewport();
      // Not scrolled into view on purpose: a due date off to the side must count as hidden.
      // (Only the shown one: the table for wider screens is in the page too, hidden.)
      await expect(teacher.getByText(a.due, { exact: true }).filter({ visible: true })).toBeInViewport();
      const card = teacher.getByRole('listitem').filter({ has: title });
      await expect(card.getByText(a.status, { exact: true })).toBeInViewport();
      await expect(card.getByRole('definition').filter({ hasText: a.students })).toBeInViewport();
    }
    await expectNoAxeViolations(teacher);
  }

  // Wider screens keep the table, its column headers naming each value.
  await teacher.emulateMedia({ colorScheme: 'light' });
  await teacher.setViewportSize({ width: 1280, height: 800 });
  await expect(teacher.getByRole('columnheader', { name: 'Due' })).toBeVisible();
  for (const a of assignments) await expect(teacher.getByRole('row', { name: new RegExp(a.title) })).toContainText(a.due);
  await lookAt(teacher, 'teach-list', testInfo);
});
