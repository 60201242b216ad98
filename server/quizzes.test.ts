import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, type LearnerRef } from './learners';
import { answerQuestion } from './answers';
import { getAttempt, findAttemptResults, getAttemptWithResults, startAttempt, submitAttempt } from './quizzes';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let learner: LearnerRef;
let other: LearnerRef;

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  learner = (await createLearner()).learner;
  other = (await createLearner()).learner;
});
afterEach(() => cleanup());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function tableCounts() {
  const db = await getDb();
  return {
    responses: await db.quizResponse.count(),
    logs: await db.reviewLog.count(),
    cards: await db.card.count(),
    attempts: await db.quizAttempt.count(),
  };
}

describe('quiz attempts', () => {
  it('grades typed answers with the English word list and the article: a slip may not reverse the meaning or make another word', async () => {
    const typedAnswer = async (setId: string, itemId: string, text: string) => {
      const { attemptId } = await startAttempt(learner, { setId, itemIds: [itemId] });
      return answerQuestion(learner, attemptId, { answerId: 'answer-0001', itemId, response: { text } });
    };
    expect(await typedAnswer('people', 'pp-002', 'acceptable')).toMatchObject({ correct: false, score: 0 });
    expect(await typedAnswer('people', 'pp-002', 'unaceptable')).toMatchObject({ correct: true, feedback: { typo: true } });
    expect(await typedAnswer('argument', 'ar-025', 'unmotivated')).toMatchObject({ correct: false, score: 0 });
    expect(await typedAnswer('argument', 'ar-017', 'beverage')).toMatchObject({ correct: false, score: 0 });
    expect(await typedAnswer('argument', 'ar-017', 'leverag')).toMatchObject({ correct: true, feedback: { typo: true } });
  });

  it('starts over a whole set, skipping flashcards, with keys nowhere in the items', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline' });
    expect(attemptId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(items.length).toBeGreaterThan(10);
    expect(items.some((i) => (i.type as string) === 'card')).toBe(false);
    const json = JSON.stringify(items);
    for (const word of ['"answer"', '"accept"', '"explanation"', '"source"', '"back"', '"tolerance"']) expect(json).not.toContain(word);
  });

  it('starts over chosen items and refuses items of another set, unknown ids and cards only', async () => {
    const { items } = await startAttempt(learner, { setId: 'timeline', itemIds: ['tl-002', 'tl-001'] });
    expect(items.map((i) => i.id)).toEqual(['tl-002', 'tl-001']);
    expect((await rejection(startAttempt(learner, { setId: 'timeline', itemIds: ['kf-001'] }))).message).toBe(
      'itemIds.0: "kf-001" is not an item of set "timeline"',
    );
    expect((await rejection(startAttempt(learner, { setId: 'nope' }))).status).toBe(404);
    expect((await rejection(startAttempt(learner, { setId: 'timeline', extra: 1 }))).status).toBe(400);
    expect((await rejection(startAttempt(learner, {}))).status).toBe(400);
  });

  it('starts once per start key: a double click or a racing repeat returns the first attempt', async () => {
    const first = await startAttempt(learner, { setId: 'timeline', startKey: 'start-key-0001' });
    const [again, raced] = await Promise.all([
      startAttempt(learner, { setId: 'timeline', startKey: 'start-key-0001' }),
      startAttempt(learner, { setId: 'timeline', startKey: 'start-key-0001' }),
    ]);
    expect([again.attemptId, raced.attemptId]).toEqual([first.attemptId, first.attemptId]);
    expect(again.items).toEqual(first.items);
    expect((await tableCounts()).attempts).toBe(1);
    // Another learner's key is another key; a fresh key is a fresh start.
    expect((await startAttempt(other, { setId: 'timeline', startKey: 'start-key-0001' })).attemptId).not.toBe(first.attemptId);
    expect((await startAttempt(learner, { setId: 'timeline', startKey: 'start-key-0002' })).attemptId).not.toBe(first.attemptId);
    expect((await rejection(startAttempt(learner, { setId: 'timeline', startKey: 'bad key' }))).status).toBe(400);
  });

  it('marks the chosen and the correct options in the feedback, by the ids shown', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline' });
    const item = items.find((i) => i.type === 'single' || i.type === 'multiple')!;
    if (item.type !== 'single' && item.type !== 'multiple') throw new Error('expected a choice item');
    const response = item.type === 'single' ? { choice: item.options[0]!.id } : { choices: [item.options[0]!.id] };
    const result = await answerQuestion(learner, attemptId, { answerId: 'answer-marks-1', itemId: item.id, response });
    const marks = result.feedback!.marks;
    if (marks?.type !== 'choices') throw new Error('expected choice marks');
    expect(marks.options.map((o) => o.id)).toEqual(item.options.map((o) => o.id));
    expect(marks.options.filter((o) => o.chosen).map((o) => o.id)).toEqual([item.options[0]!.id]);
    expect(marks.options.some((o) => o.correct)).toBe(true);
  });

  it('grades on the server, records a review, and returns feedback with the source', async () => {
    const db = await getDb();
    const single = await db.question.findFirstOrThrow({ where: { setId: 'timeline', type: 'single' } });
    const stored = JSON.parse(single.data) as { answer: string; options: { id: string; text: string }[] };
    const keyText = stored.options.find((o) => o.id === stored.answer)!.text;
    const { attemptId } = await startAttempt(learner, { setId: 'timeline', itemIds: [single.id] });
    const item = (await getAttempt(learner, attemptId)).items[0]!.item;
    if (item.type !== 'single') throw new Error('expected a single-choice item');
    // Options carry opaque ids: the wrong one is found by its text.
    const wrong = item.options.find((o) => o.text !== keyText)!.id;
    const result = await answerQuestion(learner, attemptId, { answerId: 'answer-0001', itemId: item.id, response: { choice: wrong } });
    expect(result.correct).toBe(false);
    expect(result.feedback!.sources[0]!.length).toBeGreaterThan(10);
    expect(result.feedback!.readerHref).toBe(`/articles/kuril-talks?item=${item.id}`);
    const log = await db.reviewLog.findFirstOrThrow({ where: { learnerId: learner.id } });
    expect([log.rating, log.source, log.questionId]).toEqual([1, 'quiz', item.id]);
    expect(await db.card.count({ where: { learnerId: learner.id } })).toBe(1);
  });

  it('is idempotent per answerId, refuses a second answer with 409, and changes nothing then', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline' });
    const item = items[0]!;
    const body = { answerId: 'answer-0001', itemId: item.id, response: wrongResponse(item) };
    const first = await answerQuestion(learner, attemptId, body);
    const before = await tableCounts();
    expect(await answerQuestion(learner, attemptId, body)).toEqual(first);
    const again = await rejection(answerQuestion(learner, attemptId, { ...body, answerId: 'answer-0002' }));
    expect(again.status).toBe(409);
    expect((await rejection(answerQuestion(learner, attemptId, { ...body, itemId: items[1]!.id }))).status).toBe(409);
    expect(await tableCounts()).toEqual(before);
  });

  it('hides an attempt from every other learner (404) and changes nothing', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline' });
    const before = await tableCounts();
    expect((await rejection(getAttempt(other, attemptId))).status).toBe(404);
    expect(
      (
        await rejection(
          answerQuestion(other, attemptId, { answerId: 'answer-0001', itemId: items[0]!.id, response: wrongResponse(items[0]!) }),
        )
      ).status,
    ).toBe(404);
    expect((await rejection(submitAttempt(other, attemptId))).status).toBe(404);
    expect((await rejection(getAttempt(learner, '../../etc'))).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline' });
    const single = items.find((i) => i.type === 'single')!;
    const before = await tableCounts();
    const cases: [unknown, RegExp][] = [
      [{ itemId: single.id, response: { choice: 'a' } }, /^answerId: /],
      [{ answerId: 'x', itemId: single.id, response: { choice: 'a' } }, /^answerId: must be 8–64/],
      [{ answerId: 'answer-0001', itemId: single.id }, /^response: /],
      [{ answerId: 'answer-0001', itemId: single.id, response: { choice: 'zz' } }, /^response\.choice: /],
      [{ answerId: 'answer-0001', itemId: single.id, response: { value: true } }, /^response/],
      [{ answerId: 'answer-0001', itemId: single.id, response: { choice: 'a' }, durationMs: -5 }, /^durationMs: /],
    ];
    for (const [body, message] of cases) {
      const error = await rejection(answerQuestion(learner, attemptId, body));
      expect(error.status, JSON.stringify(body)).toBe(400);
      expect(error.message).toMatch(message);
    }
    expect(
      (await rejection(answerQuestion(learner, attemptId, { answerId: 'answer-0001', itemId: 'kf-001', response: { choice: 'a' } })))
        .status,
    ).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it('gives the quiz page its view and, once submitted, its results from one call', async () => {
    const { attemptId } = await startAttempt(learner, { setId: 'timeline' });
    const open = await getAttemptWithResults(learner, attemptId);
    expect(open).toEqual({ view: await getAttempt(learner, attemptId), results: null });
    await submitAttempt(learner, attemptId);
    const done = await getAttemptWithResults(learner, attemptId);
    expect(done.view).toEqual(await getAttempt(learner, attemptId));
    expect(done.results).toEqual(await findAttemptResults(learner, attemptId));
    expect(done.results?.rows).toHaveLength(done.view.items.length);
    expect((await rejection(getAttemptWithResults(other, attemptId))).status).toBe(404);
  });

  it('submits once, scores unanswered questions 0, refuses later answers, and shows results with keys', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline', itemIds: ['tl-001', 'tl-002'] });
    const first = await answerQuestion(learner, attemptId, {
      answerId: 'answer-0001',
      itemId: items[0]!.id,
      response: wrongResponse(items[0]!),
    });
    const submitted = await submitAttempt(learner, attemptId);
    expect(submitted).toMatchObject({ score: first.score, maxScore: 2 });
    expect(submitted.results.map((r) => r.answered)).toEqual([true, false]);
    expect(await submitAttempt(learner, attemptId)).toEqual(submitted);
    expect(
      (
        await rejection(
          answerQuestion(learner, attemptId, { answerId: 'answer-0002', itemId: items[1]!.id, response: wrongResponse(items[1]!) }),
        )
      ).status,
    ).toBe(409);
    const results = await findAttemptResults(learner, attemptId);
    expect(results?.rows.map((r) => r.keyText.length > 0)).toEqual([true, true]);
  });
});

type AnyPublic = Awaited<ReturnType<typeof startAttempt>>['items'][number];
/** A well-formed response that is (almost certainly) not full marks. */
function wrongResponse(item: AnyPublic): unknown {
  switch (item.type) {
    case 'single':
    case 'multiple':
      return item.type === 'single' ? { choice: item.options[0]!.id } : { choices: [] };
    case 'truefalse':
      return { value: true };
    case 'typed':
      return { text: 'qqqqqqqq' };
    case 'numeric':
      return { value: -123456 };
    case 'ordering':
      return { order: item.entries.map((e) => e.id) };
    case 'matching':
      return { pairs: {} };
  }
}
