// What a load run must have left in the database, read straight from the SQLite file. Each
// check returns the problems it found (an empty list when the property holds), so a failure
// names the answers concerned.
import { openReadonly } from './support';
import type { AnswerOutcome, StudentResult } from './students';

interface ResponseRow {
  attemptId: string;
  answerId: string;
  questionId: string;
  round: number;
  score: number;
  correct: number;
  answeredAt: string | number;
  learnerId: string;
  assignmentId: string | null;
}

interface LogRow {
  reviewId: string;
  learnerId: string;
  questionId: string;
  source: string;
  assignmentId: string | null;
}

export interface RunSummary {
  /** Rows in QuizResponse for the run's attempts. */
  storedResponses: number;
  /** Answers acknowledged with a 2xx. */
  acknowledgedAnswers: number;
  /** Acknowledged answers whose final try found the row already stored (a replay after a lost response). */
  replayedAnswers: number;
  /** Deliberate resends answered with the first result. */
  resends: number;
  sumOfScores: number;
}

/** A stored DateTime (ISO text or epoch milliseconds) in milliseconds. */
const toMs = (value: string | number) => (typeof value === 'number' ? value : Date.parse(value));

const same = (a: AnswerOutcome, b: AnswerOutcome) => a.score === b.score && a.correct === b.correct;

/** Every check on the database after a run of `results` (the run's attempts only). */
export function checkRun(
  file: string,
  results: readonly StudentResult[],
  options: { expectSubmitted?: boolean } = {},
): { problems: string[]; summary: RunSummary } {
  const problems: string[] = [];
  const attempts = new Map(results.filter((s) => s.attemptId).map((s) => [s.attemptId!, s]));
  const db = openReadonly(file);
  try {
    const read = db.transaction(() => ({
      responses: (
        db
          .prepare(
            `SELECT r.attemptId, r.answerId, r.questionId, r.round, r.score, r.correct, r.answeredAt, a.learnerId, a.assignmentId
           FROM QuizResponse r JOIN QuizAttempt a ON a.id = r.attemptId`,
          )
          .all() as ResponseRow[]
      ).filter((r) => attempts.has(r.attemptId)),
      logs: db
        .prepare(`SELECT reviewId, learnerId, questionId, source, assignmentId FROM ReviewLog WHERE source = 'quiz'`)
        .all() as LogRow[],
      stored: db.prepare(`SELECT id, learnerId, score, maxScore, submittedAt FROM QuizAttempt`).all() as {
        id: string;
        learnerId: string;
        score: number | null;
        maxScore: number | null;
        submittedAt: string | null;
      }[],
    }));
    const { responses, logs, stored } = read();
    const learners = new Set(results.map((s) => s.learnerId).filter(Boolean));

    // Exactly one row per (attempt, answerId), and one per (attempt, question, round).
    const byAnswer = new Map<string, ResponseRow[]>();
    const byQuestion = new Map<string, number>();
    for (const r of responses) {
      const key = `${r.attemptId}/${r.answerId}`;
      byAnswer.set(key, [...(byAnswer.get(key) ?? []), r]);
      const q = `${r.attemptId}/${r.questionId}/${r.round}`;
      byQuestion.set(q, (byQuestion.get(q) ?? 0) + 1);
    }
    for (const [key, rows] of byAnswer) if (rows.length > 1) problems.push(`answerId ${key} is stored ${rows.length} times`);
    for (const [key, n] of byQuestion) if (n > 1) problems.push(`question ${key} is answered ${n} times`);

    // Every acknowledged answer is stored, once, with the result the client was told.
    let acknowledgedAnswers = 0;
    let replayedAnswers = 0;
    let resends = 0;
    for (const s of results) {
      if (!s.attemptId) continue;
      for (const a of s.answers) {
        if (a.acks.length === 0) continue;
        acknowledgedAnswers++;
        const rows = byAnswer.get(`${s.attemptId}/${a.answerId}`) ?? [];
        if (rows.length !== 1) {
          problems.push(`acknowledged answer ${s.attemptId}/${a.answerId} has ${rows.length} rows`);
          continue;
        }
        const row = rows[0]!;
        if (row.questionId !== a.itemId) problems.push(`answer ${a.answerId} is stored for ${row.questionId}, sent for ${a.itemId}`);
        const first = a.acks[0]!;
        if (first.score !== null && (first.score !== row.score || first.correct !== (row.correct === 1))) {
          problems.push(`answer ${a.answerId}: told ${JSON.stringify(first)}, stored score ${row.score} correct ${row.correct}`);
        }
        for (const later of a.acks.slice(1)) {
          resends++;
          if (!same(first, later))
            problems.push(`answer ${a.answerId}: first ack ${JSON.stringify(first)}, a resend got ${JSON.stringify(later)}`);
        }
        if (a.tries > 1 && toMs(row.answeredAt) < a.lastTryAt) replayedAnswers++;
      }
    }

    // Each response has its review log row (same learner, question, assignment, source quiz), and
    // no quiz review log of these learners lacks its response.
    const logsByKey = new Map<string, LogRow[]>();
    for (const l of logs) {
      if (!learners.has(l.learnerId)) continue;
      const key = `${l.learnerId}/${l.reviewId}`;
      logsByKey.set(key, [...(logsByKey.get(key) ?? []), l]);
    }
    const expectedKeys = new Set<string>();
    for (const r of responses) {
      const key = `${r.learnerId}/quiz-${r.attemptId}-${r.answerId}`;
      expectedKeys.add(key);
      const found = logsByKey.get(key) ?? [];
      if (found.length !== 1) {
        problems.push(`response ${r.attemptId}/${r.answerId} has ${found.length} review log rows`);
        continue;
      }
      const log = found[0]!;
      if (log.questionId !== r.questionId || log.source !== 'quiz' || log.assignmentId !== r.assignmentId) {
        problems.push(`review log of ${r.attemptId}/${r.answerId} does not match it: ${JSON.stringify(log)}`);
      }
    }
    for (const key of logsByKey.keys()) if (!expectedKeys.has(key)) problems.push(`review log ${key} has no quiz response`);

    // Each submitted attempt's score is the sum of its responses' scores, as the submit said.
    const sums = new Map<string, number>();
    for (const r of responses) sums.set(r.attemptId, (sums.get(r.attemptId) ?? 0) + r.score);
    const storedById = new Map(stored.map((a) => [a.id, a]));
    let sumOfScores = 0;
    for (const [attemptId, s] of attempts) {
      const row = storedById.get(attemptId);
      if (!row) {
        problems.push(`attempt ${attemptId} is missing`);
        continue;
      }
      if (row.learnerId !== s.learnerId) problems.push(`attempt ${attemptId} belongs to ${row.learnerId}, not ${s.learnerId}`);
      const sum = Math.round((sums.get(attemptId) ?? 0) * 10_000) / 10_000;
      sumOfScores += sum;
      if (options.expectSubmitted !== false) {
        if (!row.submittedAt) problems.push(`attempt ${attemptId} is not submitted`);
        if (row.score !== sum) problems.push(`attempt ${attemptId}: stored score ${row.score}, responses sum to ${sum}`);
        if (s.submit && s.submit.score !== row.score)
          problems.push(`attempt ${attemptId}: submit said ${s.submit.score}, stored ${row.score}`);
      }
    }
    return {
      problems,
      summary: {
        storedResponses: responses.length,
        acknowledgedAnswers,
        replayedAnswers,
        resends,
        sumOfScores: Math.round(sumOfScores * 10_000) / 10_000,
      },
    };
  } finally {
    db.close();
  }
}

/**
 * Database-wide: every quiz response has its review log row and every quiz review log row its
 * response; every card's repetitions equal its review log rows (the card and its log are
 * written in one transaction).
 */
export function checkReviewConsistency(file: string): string[] {
  const db = openReadonly(file);
  try {
    return db.transaction(() => {
      const problems: string[] = [];
      const withoutLog = db
        .prepare(
          `SELECT r.attemptId, r.answerId FROM QuizResponse r JOIN QuizAttempt a ON a.id = r.attemptId
           WHERE NOT EXISTS (SELECT 1 FROM ReviewLog l WHERE l.learnerId = a.learnerId AND l.reviewId = 'quiz-' || r.attemptId || '-' || r.answerId)`,
        )
        .all() as { attemptId: string; answerId: string }[];
      for (const r of withoutLog) problems.push(`response ${r.attemptId}/${r.answerId} has no review log row`);
      const responseKeys = new Set(
        (
          db.prepare(`SELECT a.learnerId, r.attemptId, r.answerId FROM QuizResponse r JOIN QuizAttempt a ON a.id = r.attemptId`).all() as {
            learnerId: string;
            attemptId: string;
            answerId: string;
          }[]
        ).map((r) => `${r.learnerId}/quiz-${r.attemptId}-${r.answerId}`),
      );
      for (const l of db.prepare(`SELECT learnerId, reviewId FROM ReviewLog WHERE source = 'quiz'`).all() as {
        learnerId: string;
        reviewId: string;
      }[]) {
        if (!responseKeys.has(`${l.learnerId}/${l.reviewId}`))
          problems.push(`review log ${l.learnerId}/${l.reviewId} has no quiz response`);
      }
      const mismatched = db
        .prepare(
          `SELECT c.learnerId, c.questionId, c.reps, (SELECT COUNT(*) FROM ReviewLog l WHERE l.learnerId = c.learnerId AND l.questionId = c.questionId) AS logs
           FROM Card c WHERE c.reps <> (SELECT COUNT(*) FROM ReviewLog l WHERE l.learnerId = c.learnerId AND l.questionId = c.questionId)`,
        )
        .all() as { learnerId: string; questionId: string; reps: number; logs: number }[];
      for (const c of mismatched) problems.push(`card ${c.learnerId}/${c.questionId} has ${c.reps} reps but ${c.logs} review log rows`);
      const cardless = db
        .prepare(
          `SELECT DISTINCT l.learnerId, l.questionId FROM ReviewLog l WHERE NOT EXISTS (SELECT 1 FROM Card c WHERE c.learnerId = l.learnerId AND c.questionId = l.questionId)`,
        )
        .all() as { learnerId: string; questionId: string }[];
      for (const c of cardless) problems.push(`review log rows of ${c.learnerId}/${c.questionId} have no card`);
      return problems;
    })();
  } finally {
    db.close();
  }
}
