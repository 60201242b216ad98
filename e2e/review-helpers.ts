import { expect, type Page } from '@playwright/test';

/** The new / learning / to-review counts above the card (visible text, not an aria-label). */
export async function expectCounts(page: Page, counts: { new: number; learning: number; review: number }): Promise<void> {
  await expect(page.getByTestId('review-counts')).toHaveText(`${counts.new} new,${counts.learning} learning,${counts.review} to review`);
}

/** Sets this browser's learner's daily new-card limit through the settings form. */
export async function setNewPerDay(page: Page, n: number): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('New cards per day').fill(String(n));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
}

/** Answers numeric quiz questions wrongly through the API, as this browser's learner. */
export async function answerWrongInAQuiz(page: Page, itemIds: string[]): Promise<void> {
  const started = await page.request.post('/api/v1/attempts', { data: { itemIds } });
  expect(started.status(), await started.text()).toBe(201);
  const { attemptId } = (await started.json()) as { attemptId: string };
  for (const [i, itemId] of itemIds.entries()) {
    const res = await page.request.post(`/api/v1/attempts/${attemptId}/answers`, {
      data: { answerId: `wrong-${Date.now()}-${i}-0000`, itemId, response: { value: 1 } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

/** The element is inside the viewport without scrolling. */
export async function expectInView(page: Page, name: RegExp | string): Promise<void> {
  const box = await page.getByRole('button', { name }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${name} has a box`).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} ends inside the ${viewport.height}px viewport`).toBeLessThanOrEqual(viewport.height);
}
