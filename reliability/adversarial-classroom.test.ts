// An adversarial student against a real production server: wiping a bad attempt and rejoining,
// rating and submitting after the deadline, retrying after reading the keys, flooding a class with
// junk names and joining under a name that only looks like a classmate's. The teacher's side
// (due dates, locks, the report) is called in-process on the same database file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '@/lib/collections/map-limit';
import type { Item } from '@/lib/questions/schema';
import type { PublicItem } from '@/lib/quiz/present';
import { createAssignment, setClosed, setDueDate } from '@/server/assignments';
import type { TeacherRef } from '@/server/auth';
import { getDb } from '@/server/db';
import { AppError } from '@/server/errors';
import { createLearner, learnerForToken } from '@/server/learners';
import { deleteLearner } from '@/server/my-data';
import { assignmentReport } from '@/server/reports';
import * as students from '@/server/students';
import { startServer, type TestServer } from './server';
import { createQuizAssignment, createTeacher, loadKeys, prepareDatabase, request, responseFor, type TestDatabase } from './support';

let database: TestDatabase;
let server: TestServer;
let teacher: TeacherRef;
let keys: Map<string, Item>;

beforeAll(async () => {
  database = await prepareDatabase();
  teacher = await createTeacher('adversary-teacher');
  keys = await loadKeys();
  server = await startServer({ databaseFile: database.file });
});
afterAll(async () => {
  await server?.stop();
  await database?.cleanup();
});

const PAST = { dueLocal: '2026-01-05T09:00', timeZone: 'UTC' };
const FUTURE = { dueLocal: '2099-01-05T09:00', timeZone: 'UTC' };

async function newToken(): Promise<string> {
  const created = await request(server.url, '/api/v1/learners', { method: 'POST' });
  expect(created.status).toBe(201);
  return (created.body as { token: string }).token;
}

const join = (token: string | null, code: string, nickname: string) =>
  request(server.url, '/api/v1/assignments/join', { token, json: { code, nickname } });

async function joined(token: string, code: string, nickname: string): Promise<string> {
  const result = await join(token, code, nickname);
  expect(result.status, result.text).toBe(201);
  return (result.body as { assignmentId: string }).assignmentId;
}

let answerCount = 0;
/** Starts an attempt and answers every question (all right or all wrong); returns the attempt id. */
async function answerAll(token: string, assignmentId: string, right: boolean): Promise<string> {
  const started = await request(server.url, `/api/v1/assignments/${assignmentId}/attempts`, { method: 'POST', token });
  expect(started.status, started.text).toBe(201);
  const { attemptId } = started.body as { attemptId: string };
  const view = await request(server.url, `/api/v1/attempts/${attemptId}`, { token });
  for (const { item } of (view.body as { items: { item: PublicItem }[] }).items) {
    const answered = await request(server.url, `/api/v1/attempts/${attemptId}/answers`, {
      token,
      json: {
        answerId: `adversary-${String(++answerCount).padStart(4, '0')}`,
        itemId: item.id,
        response: responseFor(keys.get(item.id)!, item, right),
      },
    });
    expect(answered.status, answered.text).toBe(200);
  }
  return attemptId;
}

const submit = (token: string, attemptId: string) => request(server.url, `/api/v1/attempts/${attemptId}/submit`, { method: 'POST', token });

/** "Delete my data", as the settings page does it; where the app asks to leave the class first, the student does. */
async function deleteMyData(token: string, assignmentId: string): Promise<void> {
  const learner = (await learnerForToken(token))!;
  try {
    await deleteLearner(learner);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 409) throw error;
    await (students as unknown as { leaveAssignment: (l: typeof learner, id: string) => Promise<void> }).leaveAssignment(
      learner,
      assignmentId,
    );
    await deleteLearner(learner);
  }
}

describe('an adversarial student in a classroom assignment', () => {
  it('cannot wipe a bad attempt with "Delete my data" and rejoin under the same name for a fresh one; the report keeps the first attempt', async () => {
    const assignment = await createQuizAssignment(teacher, 'One attempt only', { count: 8, reveal: 'after_submit', attemptsAllowed: 1 });
    const first = await newToken();
    await joined(first, assignment.code, 'Sam');
    const attemptId = await answerAll(first, assignment.id, false);
    const submitted = await submit(first, attemptId);
    expect((submitted.body as { score: number }).score).toBe(0);
    const review = await request(server.url, `/api/v1/attempts/${attemptId}`, { token: first });
    expect(JSON.stringify(review.body)).toContain('"key"'); // the keys are on screen now

    await deleteMyData(first, assignment.id);

    const second = await newToken();
    for (const name of ['Sam', 'sam', 'ЅАМ', 'Ѕаm']) {
      const again = await join(second, assignment.code, name);
      expect(again.status, `rejoin as ${name}: ${again.text}`).not.toBe(201);
    }
    const fresh = await request(server.url, `/api/v1/assignments/${assignment.id}/attempts`, { method: 'POST', token: second });
    expect(fresh.status).not.toBe(201);

    const report = await assignmentReport(teacher, assignment.id);
    expect(report.students.map((s) => [s.nickname, s.attempts, s.score])).toEqual([['Sam', 1, 0]]);
    expect(report.students[0]!.attemptList.map((t) => [t.submittedAt !== null, t.score])).toEqual([[true, 0]]);
  });

  it('cannot rate an assignment’s cards after it closed, or after the due date when late work is refused', async () => {
    const { id, code } = await createAssignment(teacher, {
      title: 'Cards, no late work',
      setId: 'key-facts',
      mode: 'flashcards',
      dueLocal: '',
      timeZone: 'UTC',
      attemptsAllowed: 0,
      shuffle: false,
      reveal: 'immediately',
      lateWork: 'refuse',
      mastery: false,
    });
    const itemIds = JSON.parse((await (await getDb()).assignment.findUniqueOrThrow({ where: { id } })).itemIds) as string[];
    const token = await newToken();
    await joined(token, code, 'Rater');
    const rate = (n: number, itemId: string, assignmentId = id) =>
      request(server.url, '/api/v1/reviews', {
        token,
        json: { reviewId: `late-rating-${n}`, itemId, rating: 'good', durationMs: 900, assignmentId },
      });
    expect((await rate(0, itemIds[0]!)).status).toBe(200);

    await setDueDate(teacher, id, PAST);
    const late = await Promise.all(itemIds.slice(1, 11).map((itemId, i) => rate(i + 1, itemId)));
    expect(late.map((r) => r.status)).toEqual(late.map(() => 409));

    const { id: closedId, code: closedCode } = await createAssignment(teacher, {
      title: 'Cards, closed',
      setId: 'key-facts',
      mode: 'flashcards',
      dueLocal: '',
      timeZone: 'UTC',
      attemptsAllowed: 0,
      shuffle: false,
      reveal: 'immediately',
      lateWork: 'accept',
      mastery: false,
    });
    await joined(token, closedCode, 'Rater');
    await setClosed(teacher, closedId, { closed: true });
    expect((await rate(50, itemIds[0]!, closedId)).status).toBe(409);

    const logged = await (await getDb()).reviewLog.count({ where: { assignmentId: { in: [id, closedId] } } });
    expect(logged).toBe(1);
  });

  it('cannot submit after the due date when late work is refused, and answers given on time are not marked late', async () => {
    const refusing = await createQuizAssignment(teacher, 'No late submits', { count: 5, reveal: 'never', lateWork: 'refuse' });
    const token = await newToken();
    await joined(token, refusing.code, 'Last minute');
    const attemptId = await answerAll(token, refusing.id, true);
    await setDueDate(teacher, refusing.id, PAST);
    const refused = await submit(token, attemptId);
    expect(refused.status).toBe(409);

    const accepting = await createQuizAssignment(teacher, 'Late submits accepted', { count: 5, reveal: 'never', lateWork: 'accept' });
    await joined(token, accepting.code, 'Last minute');
    const onTime = await answerAll(token, accepting.id, true);
    await setDueDate(teacher, accepting.id, PAST);
    expect((await submit(token, onTime)).status).toBe(200);
    expect((await assignmentReport(teacher, accepting.id)).students[0]).toMatchObject({ late: false, status: 'finished' });
  });

  it('cannot beat a revealed key: a retry after reading the keys is flagged, and the report keeps the score from before', async () => {
    const assignment = await createQuizAssignment(teacher, 'Reveal after due', {
      count: 8,
      reveal: 'after_due',
      attemptsAllowed: 2,
      lateWork: 'accept',
      ...FUTURE,
    });
    const token = await newToken();
    await joined(token, assignment.code, 'Retry');
    expect((await submit(token, await answerAll(token, assignment.id, false))).status).toBe(200);
    await setDueDate(teacher, assignment.id, PAST);
    const attempts = (
      await request(
        server.url,
        `/api/v1/attempts/${(await (await getDb()).quizAttempt.findFirstOrThrow({ where: { assignmentId: assignment.id } })).id}`,
        { token },
      )
    ).body;
    expect(JSON.stringify(attempts)).toContain('"key"'); // keys revealed after the due date
    const retry = await answerAll(token, assignment.id, true);
    expect((await submit(token, retry)).status).toBe(200);

    const student = (await assignmentReport(teacher, assignment.id)).students[0]!;
    expect(student.score).toBe(0);
    expect(student.attemptList.map((t) => [t.score, t.afterKeys, t.counted])).toEqual([
      [0, false, true],
      [8, true, false],
    ]);
  });

  it('cannot flood a class with junk names: joins per class are bounded, the teacher locks the list, another class is untouched', async () => {
    const flooded = await createQuizAssignment(teacher, 'Flooded', { count: 3 });
    const quiet = await createQuizAssignment(teacher, 'Quiet', { count: 3 });
    const tries = 300;
    const statuses = await mapLimit(
      Array.from({ length: tries }, (_, i) => i),
      16,
      async (i) => (await join(null, flooded.code, `junk ${i}`)).status,
    );
    const admitted = statuses.filter((s) => s === 201).length;
    const roster = await (await getDb()).assignmentStudent.count({ where: { assignmentId: flooded.id } });
    console.log(
      `[adversarial] ${tries} junk joins: ${admitted} admitted, statuses ${JSON.stringify(Object.fromEntries(statuses.map((s) => [s, statuses.filter((t) => t === s).length])))}`,
    );
    expect(roster).toBe(admitted);
    expect(admitted).toBeLessThanOrEqual(250);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(tries - 250);

    // A student of another class, arriving mid-flood, joins at once.
    const { token } = await createLearner();
    expect((await join(token, quiet.code, 'Real student')).status).toBe(201);

    // The teacher locks the flooded class: nobody new gets in.
    await (await getDb()).assignment.update({ where: { id: flooded.id }, data: { rosterLockedAt: new Date() } });
    const locked = await join((await createLearner()).token, flooded.code, 'After the lock');
    expect(locked.status).not.toBe(201);
  });

  it('cannot join under a name that only looks like a classmate’s', async () => {
    const assignment = await createQuizAssignment(teacher, 'Who is Sam', { count: 3 });
    await joined(await newToken(), assignment.code, 'Sam');
    const lookalikes = [
      'Sam\u200d', // zero-width joiner
      'Sa\u200cm', // zero-width non-joiner
      'Sam\u{e0041}', // tag character
      'Sam\ufe0f', // variation selector 16
      'Sa\u034fm', // combining grapheme joiner
      'Sam\u3164', // Hangul filler
      'Sam\u2800', // Braille blank
      'Sam\u17b4', // Khmer inherent vowel
      '\u0405\u0430m', // Cyrillic Dze and a
      '\u0405\u0410\u041c', // Cyrillic capitals
      '\ua4e2am', // Lisu SA
      '\ua4e2\ua4ee\ua4df', // Lisu SA, A, MA
    ];
    const statuses = await mapLimit(
      lookalikes,
      4,
      async (name) => [name, (await join(await newToken(), assignment.code, name)).status] as const,
    );
    expect(statuses.filter(([, status]) => status === 201)).toEqual([]);
    expect((await assignmentReport(teacher, assignment.id)).students.map((s) => s.nickname)).toEqual(['Sam']);
  });
});
