import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerSingle, createQuiz, joinAs, newPage, signUpTeacher } from './classroom-helpers';
import { loadBank } from './content';

const timeline = loadBank().find((s) => s.id === 'timeline')!;
const ITEMS = timeline.items.filter((i) => i.type === 'single').slice(0, 3);

test('mastery mode through the page: missed questions come back in rounds until right, then the results, with no extra page', async ({
  browser,
}) => {
  test.slow();
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Mr Mastery');
  const link = await createQuiz(teacher, { title: 'Mastery check', items: ITEMS, reveal: 'immediately', mastery: true });

  const student = await newPage(browser);
  await joinAs(student, link, 'Mo');
  await student.getByRole('button', { name: 'Start the quiz' }).click();

  // Round 1: right, wrong, right. The last question's button must not hand the quiz in: one was missed.
  for (const [i, right] of [true, false, true].entries()) {
    await expect(student.getByText(`Question ${i + 1} of 3`, { exact: true })).toBeVisible();
    await answerSingle(student, ITEMS, right);
    await expect(student.getByRole('button', { name: 'See my results' })).toHaveCount(0);
    await student.getByRole('button', { name: 'Next question' }).click();
  }

  // Round 2 asks the missed question again; missed again, it comes back in round 3.
  await expect(student.getByText('Round 2: a question you missed')).toBeVisible();
  await expect(student.getByRole('heading', { level: 1 })).toHaveText(ITEMS[1]!.prompt);
  await expectNoAxeViolations(student);
  await answerSingle(student, ITEMS, false);
  await student.getByRole('button', { name: 'Next question' }).click();
  await expect(student.getByText('Round 3: a question you missed')).toBeVisible();

  // Right at last: this button shows the results at once (no "All questions answered" step).
  await answerSingle(student, ITEMS, true);
  await student.getByRole('button', { name: 'See my results' }).click();
  await expect(student.getByRole('heading', { level: 1, name: /You scored 3 out of 3/ })).toBeVisible();
  await expect(student.getByRole('heading', { name: 'All questions answered' })).toHaveCount(0);

  // The teacher's report has the finished attempt with the final round's answers.
  await teacher.reload();
  await expect(teacher.getByRole('status').filter({ hasText: '1 finished' })).toBeVisible();
});

test('without mastery the last question hands the quiz in, as before', async ({ browser }) => {
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Ms Plain');
  const link = await createQuiz(teacher, { title: 'Plain check', items: ITEMS, reveal: 'immediately' });
  const student = await newPage(browser);
  await joinAs(student, link, 'Pat');
  await student.getByRole('button', { name: 'Start the quiz' }).click();
  for (const [i, right] of [true, false, true].entries()) {
    await answerSingle(student, ITEMS, right);
    await student.getByRole('button', { name: i === 2 ? 'See my results' : 'Next question' }).click();
  }
  await expect(student.getByRole('heading', { level: 1, name: /You scored 2 out of 3/ })).toBeVisible();
});
