import { expect, test, type APIRequestContext } from '@playwright/test';
import { submitSignUp } from './classroom-helpers';
import { expectNoAxeViolations } from './axe';
import { loadBank, sourcesOf, type BankItem } from './content';

// Before a question is answered, nothing the server sends may carry its key, accepted answers,
// explanation or source: not the HTML, not the React Server Components payload, not the JSON.
const bank = loadBank();
const items = bank.flatMap((s) => s.items);
const QUIZ_TYPES = ['single', 'multiple', 'truefalse', 'typed', 'numeric', 'ordering', 'matching'] as const;
const oneOfEach = QUIZ_TYPES.map((type) => items.find((i) => i.type === type)!);

const normalise = (text: string) =>
  text
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\\"/g, '"')
    .replace(/\\u2019|\\u2018|[\u2018\u2019]/g, "'")
    .replace(/\\u201[cd]|[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ');

/** Strings that would give the item away if seen before it is answered. */
function secretsOf(item: BankItem): { anywhere: string[]; inJson: string[] } {
  const anywhere = [item.explanation, ...sourcesOf(item)].map((s) => normalise(s));
  const inJson: string[] = [];
  if (item.type === 'typed') inJson.push(String(item.answer), ...((item.accept as string[] | undefined) ?? []));
  if (item.type === 'card') inJson.push(String(item.back));
  return { anywhere, inJson: inJson.map((s) => normalise(s)) };
}

/** JSON, or the React Server Components stream: one `<id>:<JSON>` row per line. */
function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line.slice(line.indexOf(':') + 1))];
      } catch {
        return [];
      }
    });
  }
}

/** Every object with an `id` in a JSON body, by id: the public view of each item. */
function objectsById(value: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v) => objectsById(v, found));
  else if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && 'type' in value) found.set(id, normalise(JSON.stringify(value)));
    Object.values(value).forEach((v) => objectsById(v, found));
  }
  return found;
}

function expectNoSecrets(label: string, body: string, pending: BankItem[], json: boolean) {
  const text = normalise(body);
  const own = json ? objectsById(parseBody(body)) : new Map<string, string>();
  for (const item of pending) {
    const { anywhere, inJson } = secretsOf(item);
    for (const secret of anywhere) expect(text.includes(secret), `${label} leaks ${item.id}: "${secret}"`).toBe(false);
    // A one-word answer may well be another question's option; it must not be in its own item.
    const view = own.get(item.id) ?? '';
    for (const secret of inJson) expect(view.includes(`"${secret}"`), `${label} leaks ${item.id}'s answer "${secret}"`).toBe(false);
    for (const key of ['"answer"', '"accept"', '"explanation"', '"source"', '"back"', '"tolerance"', '"pairs":[', '"order":[']) {
      expect(view.includes(key), `${label} gives ${item.id} the field ${key}`).toBe(false);
    }
  }
  // The check is not vacuous: the question about to be answered is really in the body.
  if (json && pending[0]) expect(own.has(pending[0].id), `${label} should show ${pending[0].id}`).toBe(true);
}

async function learner(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/learners');
  expect(res.status()).toBe(201);
  const { token } = await res.json();
  return { authorization: `Bearer ${token}` };
}

test('no key reaches the browser before its question is answered, for every item type', async ({ request }) => {
  test.slow();
  const auth = await learner(request);
  const started = await request.post('/api/v1/attempts', { headers: auth, data: { itemIds: oneOfEach.map((i) => i.id) } });
  expect(started.status()).toBe(201);
  const startBody = await started.text();
  expectNoSecrets('POST /api/v1/attempts', startBody, oneOfEach, true);
  const { attemptId, items: presented } = JSON.parse(startBody) as {
    attemptId: string;
    items: { id: string; type: string; entries?: { id: string; text: string }[]; rights?: { id: string }[]; lefts?: { id: string }[] }[];
  };

  // Every id shown is opaque: not an author id, so neither a blind "a" nor a pair id names a key.
  for (const shown of presented as {
    id: string;
    options?: { id: string }[];
    entries?: { id: string }[];
    lefts?: { id: string }[];
    rights?: { id: string }[];
  }[]) {
    for (const choice of [...(shown.options ?? []), ...(shown.entries ?? []), ...(shown.lefts ?? []), ...(shown.rights ?? [])])
      expect(choice.id).toMatch(/^[a-z0-9]{8}$/);
  }
  const matching = presented.find((p) => p.type === 'matching')!;
  for (const right of matching.rights!) expect(matching.lefts!.map((l) => l.id)).not.toContain(right.id);

  for (const set of bank) {
    const res = await request.get(`/api/v1/sets/${set.id}`);
    expectNoSecrets(`GET /api/v1/sets/${set.id}`, await res.text(), set.items, true);
  }

  for (const [index, item] of oneOfEach.entries()) {
    const pending = oneOfEach.slice(index);
    const html = await request.get(`/quiz/${attemptId}`, { headers: auth });
    expect(html.status()).toBe(200);
    expectNoSecrets(`HTML before answering ${item.id}`, await html.text(), pending, false);
    const rsc = await request.get(`/quiz/${attemptId}`, { headers: { ...auth, RSC: '1' } });
    expect(rsc.headers()['content-type']).toContain('text/x-component');
    expectNoSecrets(`RSC payload before answering ${item.id}`, await rsc.text(), pending, true);
    const state = await request.get(`/api/v1/attempts/${attemptId}`, { headers: auth });
    expectNoSecrets(`GET attempt before answering ${item.id}`, await state.text(), pending, true);

    const answered = await request.post(`/api/v1/attempts/${attemptId}/answers`, {
      headers: auth,
      data: { answerId: `leak-test-${index}-0000`, itemId: item.id, response: placeholderResponse(item.type, presented[index]!) },
    });
    expect(answered.status(), await answered.text()).toBe(200);
    // The feedback for this item may now show its key; the others stay hidden.
    expectNoSecrets(`feedback for ${item.id}`, await answered.text(), oneOfEach.slice(index + 1), false);
  }
});

function placeholderResponse(type: string, shown: { entries?: { id: string }[]; options?: { id: string }[] }): unknown {
  switch (type) {
    case 'single':
      return { choice: shown.options![0]!.id };
    case 'multiple':
      return { choices: [] };
    case 'truefalse':
      return { value: false };
    case 'typed':
      return { text: 'no idea' };
    case 'numeric':
      return { value: 0 };
    case 'ordering':
      return { order: shown.entries!.map((e) => e.id) };
    default:
      return { pairs: {} };
  }
}

test("a Secure assignment takes its items out of everyone's self-study until the teacher closes it, and says so", async ({ browser }) => {
  test.slow();
  // One late item of a set no other spec quizzes, so parallel specs keep their bank.
  const held = items.find((i) => i.id === 'kf-027')!;
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto('/teach/sign-up');
  await teacher.getByLabel('Your name').fill('Mr Sato');
  await teacher.getByLabel('Email').fill(`sato-${Date.now()}@school.test`);
  await submitSignUp(teacher);
  await teacher.getByRole('link', { name: 'New assignment' }).click();
  await teacher.getByLabel('Title').fill('Secure check');
  await teacher.getByLabel('Question set').selectOption('key-facts');
  await teacher.getByText(/^Items: all/).click();
  for (const box of await teacher.getByRole('group', { name: 'Items to include' }).getByRole('checkbox').all()) await box.uncheck();
  await teacher.getByRole('checkbox', { name: held.prompt }).check();
  const security = teacher.getByRole('group', { name: 'Self-study while this is open' });
  await expect(security.getByRole('radio', { name: /^Practice/ })).toBeChecked();
  await security.getByRole('radio', { name: /^Secure/ }).check();
  await expectNoAxeViolations(teacher);
  await teacher.getByRole('button', { name: 'Create assignment' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Secure check' })).toBeVisible();

  const stranger = await (await browser.newContext()).newPage();
  try {
    await stranger.goto('/sets/key-facts');
    const notice = stranger.getByRole('status').filter({ hasText: '1 item is away for a class assignment' });
    await expect(notice).toContainText('when the teacher closes the assignment');
    for (const colorScheme of ['light', 'dark'] as const) {
      await stranger.emulateMedia({ colorScheme });
      await stranger.setViewportSize({ width: 375, height: 812 });
      await expectNoAxeViolations(stranger);
    }
    const set = await (await stranger.request.get('/api/v1/sets/key-facts')).json();
    expect(set.items.map((i: { id: string }) => i.id)).not.toContain(held.id);
    const queue = await (await stranger.request.get(`/api/v1/reviews/queue?items=${held.id}`)).json();
    expect(queue.cards).toEqual([]);
  } finally {
    await teacher.getByRole('button', { name: 'Close' }).click();
    await expect(teacher.getByRole('button', { name: 'Reopen' })).toBeVisible();
  }
  await stranger.goto('/sets/key-facts');
  await expect(stranger.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(stranger.getByText('away for a class assignment')).toHaveCount(0);
  const queue = await (await stranger.request.get(`/api/v1/reviews/queue?items=${held.id}`)).json();
  expect(queue.cards.map((c: { itemId: string }) => c.itemId)).toEqual([held.id]);
});
