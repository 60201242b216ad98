import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe with the WCAG 2.1 A and AA rules and fails with the list of violations. It first waits
 * for the page's title: after a server action's redirect, Next puts the new page's `<title>` in a
 * moment after its content, and axe run in between reported a page without one (a page that never
 * gets a title still fails, here).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await expect(page, 'every page has a title').toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
