import 'server-only';
import { z } from 'zod';
import { finalAnswers, pendingQuestions } from '@/lib/classroom/rounds';
import { describeKey } from '@/lib/grading/describe';
import { idSchema } from '@/lib/questions/schema';
import type { AnswerFeedback } from '@/lib/quiz/feedback';
import type { Candidate } from '@/lib/quiz/options';
import { isQuizItem, presentItem, type PublicItem, type QuizItem } from '@/lib/quiz/present';
import { assignmentWriteDecision } from '@/lib/classroom/write-rules';
import { checkAssignmentWrite } from './assignment-rules';
import { getDb, inReadSession, inWriteTransaction } from './db';
import { clientIdSchema } from './client-ids';
import { AppError, notFound, parseOrThrow } from './errors';
import { feedbackFor, reveals, withheldFromSelfStudy } from './feedback';
import { itemsIn, loadItems } from './items';
import { resolveLearner, type LearnerRef, type LearnerSource } from './learners';
import { ownedAttempt } from './owned-attempt';
import { boolFromSql, sql, type SqlSession } from './sql';
import { randomId } from './tokens';

export const MAX_QUIZ_ITEMS = 200;

export const startAttemptInput = z.strictObject({
  setId: idSchema.optional(),
  itemIds: z.array(idSchema).min(1, { error: 'must name at least one item' }).max(MAX_QUIZ_ITEMS).optional(),
  /** Made up by the client once per start button: a repeated start (a double click) returns the first attempt. */
  startKey: clientIdSchema.optional(),
});

export type { AnswerFeedback };
export interface AttemptSummary {
  id: string;
  setId: string | null;
  setTitle: string | null;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
}

export interface AttemptView {
  attempt: AttemptSummary & { assignmentId: string | null; mastery: boolean };
  items: { item: PublicItem; answered: boolean; feedback: AnswerFeedback | null }[];
  /** Index of the question to answer now, or null when none is left. */
  current: number | null;
  /** The round of the current question: above 1 only in mastery mode, for a missed question. */
  round: number;
  /** How many questions the current round asks. */
  roundSize: number;
  /** Why nothing more can be answered in this unsubmitted assignment attempt (closed, past due, reset, left), or null. */
  refusal: string | null;
}

interface ResponseRow {
  questionId: string;
  round: number;
  response: string;
  score: number;
  correct: number | boolean;
}

async function responsesOf(session: SqlSession, attemptId: string) {
  const rows = await session.all<ResponseRow>(
    sql`SELECT questionId, round, response, score, correct FROM QuizResponse WHERE attemptId = ${attemptId} ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, itemId: r.questionId, correct: boolFromSql(r.correct) }));
}

/** Starts a quiz over a set (all its quiz items, or the chosen ones) or over chosen items. */
export async function startAttempt(source: LearnerSource, input: unknown): Promise<{ attemptId: string; items: PublicItem[] }> {
  const { setId, itemIds, startKey } = parseOrThrow(startAttemptInput, input);
  if (!setId && !itemIds) throw new AppError('invalid_input', 'setId: name a set, or list itemIds', ['setId']);
  const db = await getDb();
  if (setId && !(await db.questionSet.findFirst({ where: { id: setId, retiredAt: null }, select: { id: true } }))) {
    throw notFound(`Set "${setId}"`);
  }
  let ids: string[];
  if (itemIds) {
    ids = [...new Set(itemIds)];
    const stored = await loadItems(ids);
    for (const [index, id] of ids.entries()) {
      const found = stored.get(id);
      if (!found || found.retired || (setId && found.setId !== setId)) {
        throw new AppError('invalid_input', `itemIds.${index}: "${id}" is not an item of ${setId ? `set "${setId}"` : 'any set'}`, [
          'itemIds',
          index,
        ]);
      }
    }
    ids = ids.filter((id) => isQuizItem(stored.get(id)!.item));
    if (ids.length === 0)
      throw new AppError('invalid_input', 'itemIds: these are all flashcards; a quiz needs at least one question', ['itemIds']);
  } else {
    ids = await quizItemIds(setId!);
    if (ids.length === 0) throw new AppError('invalid_input', `setId: set "${setId}" has no quiz questions`, ['setId']);
  }
  // Items an open Secure assignment holds never enter a self-study quiz.
  const withheld = await withheldFromSelfStudy();
  if (ids.some((id) => withheld.has(id))) {
    ids = ids.filter((id) => !withheld.has(id));
    if (ids.length === 0) throw new AppError('conflict', `These questions are held back for a class assignment${returnNote(withheld)}.`);
  }
  const learner = await resolveLearner(source);
  const attempt =
    (startKey && (await startedWith(learner.id, startKey))) || (await createAttempt(learner.id, { setId: setId ?? null, ids, startKey }));
  const stored = await loadItems(JSON.parse(attempt.itemIds) as string[]);
  return {
    attemptId: attempt.id,
    items: (JSON.parse(attempt.itemIds) as string[]).map((id) => presentItem(stored.get(id)!.item, attempt.seed)),
  };
}

async function startedWith(learnerId: string, startKey: string) {
  const db = await getDb();
  return db.quizAttempt.findUnique({
    where: { learnerId_startKey: { learnerId, startKey } },
    select: { id: true, itemIds: true, seed: true },
  });
}

async function createAttempt(learnerId: string, { setId, ids, startKey }: { setId: string | null; ids: string[]; startKey?: string }) {
  const db = await getDb();
  try {
    return await db.quizAttempt.create({
      data: { id: randomId(), learnerId, setId, itemIds: JSON.stringify(ids), seed: randomId(), startKey: startKey ?? null },
      select: { id: true, itemIds: true, seed: true },
    });
  } catch (error) {
    // Two starts with one key raced: the other one created the attempt.
    const raced = (error as { code?: string }).code === 'P2002' && startKey ? await startedWith(learnerId, startKey) : null;
    if (raced) return raced;
    throw error;
  }
}

/** " until <date>", or nothing when the items return only once a teacher closes the assignment. */
export function returnNote(withheld: Map<string, Date | null>): string {
  const dates = [...withheld.values()];
  if (dates.some((d) => d === null)) return '';
  const last = Math.max(...dates.map((d) => d!.getTime()));
  return ` until ${new Date(last).toUTCString().replace(/:\d\d GMT$/, ' UTC')}`;
}

/** An owned attempt with its responses and items, read once for both the view and the results. */
function loadAttempt(learner: LearnerRef, attemptId: string) {
  return inReadSession(async (session) => {
    const attempt = await ownedAttempt(session, learner.id, attemptId);
    return { attempt, responses: await responsesOf(session, attempt.id), stored: await itemsIn(session, attempt.itemIds) };
  });
}
type LoadedAttempt = Awaited<ReturnType<typeof loadAttempt>>;

/** The attempt as its learner sees it: questions without keys, feedback only where answered and allowed. */
export async function getAttempt(learner: LearnerRef, attemptId: string, now = new Date()): Promise<AttemptView> {
  return viewOf(await loadAttempt(learner, attemptId), now);
}

function viewOf({ attempt, responses, stored }: LoadedAttempt, now: Date): AttemptView {
  const ids = attempt.itemIds;
  const final = finalAnswers(responses);
  const mastery = attempt.assignment?.mastery ?? false;
  const pending = attempt.submittedAt
    ? []
    : pendingQuestions(
        ids,
        responses.map((r) => ({ itemId: r.itemId, round: r.round, correct: r.correct })),
        { mastery },
      );
  const show = reveals(attempt, now).showCorrectness;
  const items = ids.map((id) => {
    const { item, articleSlug } = stored.get(id)!;
    const answered = final.get(id);
    return {
      item: presentItem(item, attempt.seed),
      answered: answered !== undefined,
      feedback:
        answered && show
          ? feedbackFor(item as QuizItem, {
              articleSlug,
              response: JSON.parse(answered.response),
              seed: attempt.seed,
              score: answered.score,
              correct: answered.correct,
            })
          : null,
    };
  });
  const next = pending[0];
  const rule =
    attempt.assignment && !attempt.submittedAt
      ? assignmentWriteDecision({
          write: 'answer',
          assignment: attempt.assignment,
          student: attempt.student,
          attempt,
          now,
        })
      : null;
  return {
    refusal: rule && !rule.allowed ? rule.reason : null,
    attempt: {
      id: attempt.id,
      setId: attempt.setId,
      setTitle: attempt.setTitle,
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      score: attempt.score,
      maxScore: attempt.maxScore,
      assignmentId: attempt.assignmentId,
      mastery,
    },
    items,
    current: next ? ids.indexOf(next.itemId) : null,
    round: next?.round ?? 1,
    roundSize: pending.length + (next ? responses.filter((r) => r.round === next.round).length : 0),
  };
}
export interface SubmitResult {
  score: number | null;
  maxScore: number;
  results: { itemId: string; answered: boolean; correct: boolean | null; score: number | null }[];
}

/** Closes the attempt and scores it (unanswered questions score 0). Idempotent. */
export async function submitAttempt(learner: LearnerRef, attemptId: string, now = new Date()): Promise<SubmitResult> {
  return inWriteTransaction(async (tx) => {
    const attempt = await ownedAttempt(tx, learner.id, attemptId);
    const ids = attempt.itemIds;
    const byItem = finalAnswers(await responsesOf(tx, attempt.id));
    const results = ids.map((itemId) => {
      const r = byItem.get(itemId);
      return { itemId, answered: !!r, correct: r?.correct ?? false, score: r?.score ?? 0 };
    });
    const score = Math.round(results.reduce((sum, r) => sum + r.score, 0) * 10_000) / 10_000;
    if (!attempt.submittedAt) {
      if (attempt.assignment) {
        checkAssignmentWrite({ write: 'submit', assignment: attempt.assignment, student: attempt.student, attempt, now });
      }
      // Late only if an answer came after the due date (answerQuestion marks it); submitting adds no work.
      await tx.run(sql`UPDATE QuizAttempt SET submittedAt = ${now}, score = ${score}, maxScore = ${ids.length} WHERE id = ${attempt.id}`);
    }
    const show = reveals(attempt, now, true);
    if (!show.showCorrectness)
      return {
        score: null,
        maxScore: ids.length,
        results: results.map((r) => ({ itemId: r.itemId, answered: r.answered, correct: null, score: null })),
      };
    return { score, maxScore: ids.length, results };
  });
}

export interface AttemptResultRow {
  itemId: string;
  prompt: string;
  answered: boolean;
  feedback: AnswerFeedback | null;
  keyText: string;
}

export interface AttemptResults {
  attempt: AttemptSummary;
  rows: AttemptResultRow[];
  keysShown: boolean;
}

/**
 * A submitted attempt's full results, keys included (nothing is left to answer); null while it is
 * still open. Another learner's attempt is a 404, as in getAttempt.
 */
export async function findAttemptResults(learner: LearnerRef, attemptId: string, now = new Date()): Promise<AttemptResults | null> {
  return (await getAttemptWithResults(learner, attemptId, now)).results;
}

/** The attempt's view and, once submitted, its results, from one read of the attempt (the quiz page's data). */
export async function getAttemptWithResults(
  learner: LearnerRef,
  attemptId: string,
  now = new Date(),
): Promise<{ view: AttemptView; results: AttemptResults | null }> {
  const loaded = await loadAttempt(learner, attemptId);
  const view = viewOf(loaded, now);
  return { view, results: view.attempt.submittedAt ? await resultsOf(loaded, view, now) : null };
}

async function resultsOf({ attempt, stored }: LoadedAttempt, view: AttemptView, now: Date): Promise<AttemptResults> {
  const shown = reveals(attempt, now);
  // A self-study attempt started before a Secure assignment opened: its unanswered withheld items keep their keys.
  const withheld = attempt.assignmentId ? new Map<string, Date | null>() : await withheldFromSelfStudy(now);
  return {
    attempt: shown.showCorrectness ? view.attempt : { ...view.attempt, score: null },
    keysShown: shown.showKey,
    rows: view.items.map(({ item, answered, feedback }) => ({
      itemId: item.id,
      prompt: item.prompt,
      answered,
      feedback,
      keyText: shown.showKey && (answered || !withheld.has(item.id)) ? describeKey(stored.get(item.id)!.item) : '',
    })),
  };
}

/** The ids a quiz over a whole set asks, in order (flashcards excluded). */
export async function quizItemIds(setId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { setId, retiredAt: null, type: { not: 'card' } },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A set's live quiz questions in set order with their types, for choosing a quiz's questions. */
export async function quizCandidates(setId: string): Promise<Candidate[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { setId, retiredAt: null, type: { not: 'card' } },
    orderBy: { position: 'asc' },
    select: { id: true, type: true },
  });
  return rows.map((r) => ({ id: r.id, type: r.type as Candidate['type'] }));
}

/** The learner's latest unfinished self-study attempt on a set, whatever questions it asks, to offer "resume". */
export async function findOpenSetAttempt(
  learner: LearnerRef | null,
  setId: string,
): Promise<{ id: string; answered: number; total: number } | null> {
  if (!learner) return null;
  const db = await getDb();
  const match = await db.quizAttempt.findFirst({
    where: { learnerId: learner.id, setId, assignmentId: null, submittedAt: null },
    orderBy: { startedAt: 'desc' },
    select: { id: true, itemIds: true, _count: { select: { responses: true } } },
  });
  return match ? { id: match.id, answered: match._count.responses, total: (JSON.parse(match.itemIds) as string[]).length } : null;
}

/** The learner's latest unfinished attempt at exactly these questions, to offer "resume". */
export async function findOpenAttempt(
  learner: LearnerRef | null,
  setId: string | null,
  itemIds: string[],
): Promise<{ id: string; answered: number; total: number } | null> {
  if (!learner || itemIds.length === 0) return null;
  const db = await getDb();
  const match = await db.quizAttempt.findFirst({
    where: { learnerId: learner.id, setId, submittedAt: null, itemIds: JSON.stringify(itemIds) },
    orderBy: { startedAt: 'desc' },
    select: { id: true, _count: { select: { responses: true } } },
  });
  return match ? { id: match.id, answered: match._count.responses, total: itemIds.length } : null;
}

/** The given ids that name live quiz questions (not flashcards), in the given order. */
export async function liveQuizItemIds(ids: string[]): Promise<string[]> {
  const db = await getDb();
  const rows = await db.question.findMany({ where: { id: { in: ids }, retiredAt: null, type: { not: 'card' } }, select: { id: true } });
  const live = new Set(rows.map((r) => r.id));
  return ids.filter((id) => live.has(id));
}

/** The learner's latest submitted self-study score on each set, by set id. */
export async function lastScoresBySet(learner: LearnerRef): Promise<Map<string, { score: number; maxScore: number; submittedAt: Date }>> {
  const db = await getDb();
  const rows = await db.quizAttempt.findMany({
    where: { learnerId: learner.id, assignmentId: null, submittedAt: { not: null }, setId: { not: null }, score: { not: null } },
    orderBy: { submittedAt: 'desc' },
    select: { setId: true, score: true, maxScore: true, submittedAt: true, itemIds: true },
  });
  const latest = new Map<string, { score: number; maxScore: number; submittedAt: Date }>();
  for (const row of rows) {
    if (!latest.has(row.setId!))
      latest.set(row.setId!, {
        score: row.score!,
        maxScore: row.maxScore ?? (JSON.parse(row.itemIds) as string[]).length,
        submittedAt: row.submittedAt!,
      });
  }
  return latest;
}
