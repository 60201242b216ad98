import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { answerSingle, createQuiz, joinAs, newPage, signUpTeacher } from './classroom-helpers';
import { loadBank } from './content';

const timeline = loadBank().find((s) => s.id === 'timeline')!;
const ITEMS = timeline.items.filter((i) => i.type === 'single').slice(0, 2);

test('the teacher renames, resets and removes students and locks the class list; a student leaves before deleting their data', async ({
  browser,
}) => {
  test.slow();
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Ms Roster');
  const link = await createQuiz(teacher, { title: 'Roster check', items: ITEMS, reveal: 'after_submit' });

  const ana = await newPage(browser);
  await joinAs(ana, link, 'Ana');
  const bo = await newPage(browser);
  await joinAs(bo, link, 'Bo');

  // Ana does her one attempt badly.
  await ana.getByRole('button', { name: 'Start the quiz' }).click();
  for (const [i] of ITEMS.entries()) {
    await answerSingle(ana, ITEMS, false);
    await ana.getByRole('button', { name: i === ITEMS.length - 1 ? 'See my results' : 'Next question' }).click();
  }
  await expect(ana.getByRole('heading', { level: 1, name: /You scored 0 out of 2/ })).toBeVisible();
  await ana.getByRole('link', { name: 'Back to the assignment' }).click();
  await expect(ana.getByText('You have used all 1 attempt.')).toBeVisible();

  // Renaming Bo, by keyboard: open the disclosure, type, submit with Enter.
  await teacher.reload();
  const classList = teacher.getByRole('region', { name: 'Class list' });
  await expect(classList.getByRole('listitem')).toHaveCount(2);
  await classList.getByText('Rename Bo', { exact: true }).focus();
  await teacher.keyboard.press('Enter');
  const nameField = classList.getByLabel('New nickname for Bo');
  await expect(nameField).toBeVisible();
  await nameField.focus();
  await nameField.fill('Аna'); // Cyrillic A: looks like Ana
  await teacher.keyboard.press('Enter');
  await expect(classList.getByText(/^Another student is called that, or something that looks like it\. How about “.+”\?$/)).toBeVisible();
  await expectNoAxeViolations(teacher);
  await nameField.fill('Bob');
  await teacher.keyboard.press('Enter');
  await expect(classList.getByText('Renamed to “Bob”.')).toBeVisible();

  // Resetting Ana's attempt: she may start again; the report keeps the old one, marked reset.
  await classList.getByText('Reset attempts of Ana', { exact: true }).click();
  await classList.getByRole('button', { name: 'Reset Ana’s attempts' }).click();
  await expect(classList.getByText(/1 attempt reset/)).toBeVisible();
  await ana.reload();
  await expect(ana.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(ana.getByText('(reset by your teacher)')).toBeVisible();
  await teacher.getByText(/^Ana — /).click();
  await expect(teacher.getByRole('list', { name: 'Attempts of Ana' })).toContainText(/Attempt 1: submitted .* 0 \/ 2 \(reset /);

  // Removing Bob.
  await classList.getByText('Remove Bob', { exact: true }).click();
  await classList.getByRole('button', { name: 'Yes, remove Bob' }).click();
  await expect(classList.getByRole('listitem')).toHaveCount(1);

  // Locking the class list: a newcomer cannot join; Ana carries on.
  await teacher.getByRole('button', { name: 'Lock the class list' }).click();
  await expect(teacher.getByText('The class list is locked', { exact: false })).toBeVisible();
  const late = await newPage(browser);
  await late.goto(link);
  await expect(late.getByText(/locked the class list/)).toBeVisible();
  await expect(late.getByLabel('Your nickname')).toHaveCount(0);
  await expectNoAxeViolations(late);

  // Ana wants her data deleted: first she must leave the class, which keeps her work for the teacher.
  await ana.goto('/settings/delete');
  await expect(ana.getByRole('heading', { name: 'First, leave your class' })).toBeVisible();
  await expect(ana.getByRole('button', { name: 'Delete everything' })).toHaveCount(0);
  await expectNoAxeViolations(ana);
  await ana.getByRole('button', { name: 'Leave “Roster check”' }).click();
  await expect(ana.getByText('What stays with your teachers')).toBeVisible();
  await expectNoAxeViolations(ana);
  await ana.getByLabel('I understand that my progress will be gone for good.').check();
  await ana.getByRole('button', { name: 'Delete everything' }).click();
  await expect(ana).toHaveURL(/\/settings\?deleted=1$/);

  await teacher.reload();
  await expect(teacher.getByRole('region', { name: 'Class list' }).getByText('left the class')).toBeVisible();
});

test('a student leaves a class from the assignment page and cannot come back to it', async ({ browser }) => {
  const teacher = await newPage(browser);
  await signUpTeacher(teacher, 'Mr Leave');
  const link = await createQuiz(teacher, { title: 'Leaving check', items: ITEMS, reveal: 'never' });
  const cy = await newPage(browser);
  await joinAs(cy, link, 'Cy');
  await cy.getByText('Leave this class').click();
  await expect(cy.getByText(/Your teacher keeps your nickname and every attempt/)).toBeVisible();
  await expectNoAxeViolations(cy);
  await cy.getByRole('button', { name: 'Leave “Leaving check”' }).click();
  await expect(cy.getByText('You left this class as Cy.')).toBeVisible();
  await expect(cy.getByRole('button', { name: /Start the quiz/ })).toHaveCount(0);
});
