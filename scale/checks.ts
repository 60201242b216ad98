// What the scale run must have left in the database, read through the SQL seam (server/sql.ts),
// so the same checks hold on SQLite and on PostgreSQL. Each returns the problems it found.
import { finalAnswers } from '@/lib/classroom/rounds';
import { inReadSession } from '@/server/db';
import { boolFromSql, inList, numberFromSql, sql } from '@/server/sql';
import type { StudentResult } from '../reliability/students';

interface ResponseRow {
  attemptId: string;
  answerId: string;
  questionId: string;
  round: number;
  score: number;
  correct: number | boolean;
}

interface AttemptRow {
  id: string;
  learnerId: string;
  score: number | null;
  submittedAt: string | Date | null;
}

/** Every acknowledged answer stored exactly once with the result the client was told; every attempt submitted with the score of its answers. */
export async function checkStored(results: readonly StudentResult[]): Promise<{ problems: string[]; stored: number; sumOfScores: number }> {
  const attemptIds = results.flatMap((s) => (s.attemptId ? [s.attemptId] : []));
  const { responses, attempts, withoutLog, cardMismatches } = await inReadSession(async (session) => ({
    responses: await session.all<ResponseRow>(
      sql`SELECT attemptId, answerId, questionId, round, score, correct FROM QuizResponse WHERE attemptId IN ${inList(attemptIds)}`,
    ),
    attempts: await session.all<AttemptRow>(
      sql`SELECT id, learnerId, score, submittedAt FROM QuizAttempt WHERE id IN ${inList(attemptIds)}`,
    ),
    withoutLog: await session.all<{ attemptId: string; answerId: string }>(
      sql`SELECT r.attemptId, r.answerId FROM QuizResponse r JOIN QuizAttempt a ON a.id = r.attemptId
        WHERE r.attemptId IN ${inList(attemptIds)}
          AND NOT EXISTS (SELECT 1 FROM ReviewLog l WHERE l.learnerId = a.learnerId AND l.reviewId = 'quiz-' || r.attemptId || '-' || r.answerId)`,
    ),
    cardMismatches: await session.all<{ learnerId: string; questionId: string }>(
      sql`SELECT c.learnerId, c.questionId FROM Card c
        WHERE c.reps <> (SELECT count(*) FROM ReviewLog l WHERE l.learnerId = c.learnerId AND l.questionId = c.questionId)`,
    ),
  }));
  const problems: string[] = [];
  const byAnswer = new Map<string, ResponseRow[]>();
  for (const r of responses) byAnswer.set(`${r.attemptId}/${r.answerId}`, [...(byAnswer.get(`${r.attemptId}/${r.answerId}`) ?? []), r]);
  for (const [key, rows] of byAnswer) if (rows.length > 1) problems.push(`answer ${key} is stored ${rows.length} times`);
  for (const s of results) {
    for (const a of s.answers) {
      if (a.acks.length === 0) continue;
      const rows = byAnswer.get(`${s.attemptId}/${a.answerId}`) ?? [];
      if (rows.length !== 1) {
        problems.push(`acknowledged answer ${s.attemptId}/${a.answerId} has ${rows.length} rows`);
        continue;
      }
      const row = rows[0]!;
      const told = a.acks[0]!;
      if (row.questionId !== a.itemId) problems.push(`answer ${a.answerId} is stored for ${row.questionId}, sent for ${a.itemId}`);
      if (told.score !== row.score || told.correct !== boolFromSql(row.correct))
        problems.push(`answer ${a.answerId}: told ${JSON.stringify(told)}, stored score ${row.score} correct ${row.correct}`);
      for (const later of a.acks.slice(1))
        if (later.score !== told.score || later.correct !== told.correct)
          problems.push(`answer ${a.answerId}: a resend got another result`);
    }
  }
  for (const r of withoutLog) problems.push(`response ${r.attemptId}/${r.answerId} has no review log row`);
  for (const c of cardMismatches) problems.push(`card ${c.learnerId}/${c.questionId}: reps differ from its review log rows`);

  const responsesOf = new Map<string, ResponseRow[]>();
  for (const r of responses) responsesOf.set(r.attemptId, [...(responsesOf.get(r.attemptId) ?? []), r]);
  const attemptById = new Map(attempts.map((a) => [a.id, a]));
  let sumOfScores = 0;
  for (const s of results) {
    if (!s.attemptId) continue;
    const attempt = attemptById.get(s.attemptId);
    if (!attempt) {
      problems.push(`attempt ${s.attemptId} is missing`);
      continue;
    }
    const final = finalAnswers(
      (responsesOf.get(s.attemptId) ?? []).map((r) => ({ ...r, itemId: r.questionId, correct: boolFromSql(r.correct) })),
    );
    const sum = Math.round([...final.values()].reduce((n, r) => n + r.score, 0) * 10_000) / 10_000;
    const score = attempt.score === null ? null : numberFromSql(attempt.score);
    sumOfScores += score ?? 0;
    if (attempt.learnerId !== s.learnerId) problems.push(`attempt ${s.attemptId} belongs to ${attempt.learnerId}, not ${s.learnerId}`);
    if (attempt.submittedAt === null) problems.push(`attempt ${s.attemptId} is not submitted`);
    if (score !== sum) problems.push(`attempt ${s.attemptId}: stored score ${score}, its answers sum to ${sum}`);
    if (s.submit && s.submit.score !== score) problems.push(`attempt ${s.attemptId}: submit said ${s.submit.score}, stored ${score}`);
  }
  return { problems, stored: responses.length, sumOfScores: Math.round(sumOfScores * 10_000) / 10_000 };
}

/** The join-code failures counted for one client address, whichever process counted them. */
export async function joinFailuresOf(address: string): Promise<number> {
  const row = await inReadSession((session) =>
    session.get<{ failures: number | string }>(sql`SELECT failures FROM RateLimit WHERE key = ${`joinCode|c|${address}`}`),
  );
  return row ? numberFromSql(row.failures) : 0;
}
