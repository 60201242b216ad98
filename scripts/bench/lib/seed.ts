// Background data for the load tests, so the tables and their indexes are not empty: other
// learners with cards, review history and a finished quiz each. Written with better-sqlite3
// in one transaction before the server starts.
import { mulberry32 as rng } from '../../../lib/quiz/random';
import { CARD_KEYS, LOG_KEYS, inserter, learnerWriter, openDb, plausibleCard, randomId } from './sqlite';
import { isoDb } from './util';

export interface SeedReport {
  learners: number;
  cards: number;
  reviewLogs: number;
  attempts: number;
  responses: number;
  seconds: number;
}

export function seedBackground(file: string, learners: number, nowMs = Date.now()): SeedReport {
  const started = Date.now();
  const db = openDb(file);
  try {
    const questions = db.prepare(`SELECT id FROM Question WHERE retiredAt IS NULL ORDER BY setId, position`).pluck().all() as string[];
    const quiz = db.prepare(`SELECT id FROM Question WHERE setId = 'key-facts' AND retiredAt IS NULL AND type <> 'card' ORDER BY position`).pluck().all() as string[];
    if (questions.length === 0 || quiz.length === 0) throw new Error('no questions in the database: was it prepared (scripts/prepare-db.ts)?');
    const addLearner = learnerWriter(db);
    const addCard = inserter(db, 'Card', CARD_KEYS);
    const addLog = inserter(db, 'ReviewLog', LOG_KEYS);
    const addAttempt = inserter(db, 'QuizAttempt', ['id', 'learnerId', 'setId', 'itemIds', 'seed', 'startedAt', 'submittedAt', 'score', 'maxScore']);
    const addResponse = inserter(db, 'QuizResponse', ['attemptId', 'answerId', 'questionId', 'round', 'response', 'score', 'correct', 'answeredAt', 'durationMs']);
    const rand = rng(20261125);
    const report = { learners: 0, cards: 0, reviewLogs: 0, attempts: 0, responses: 0, seconds: 0 };
    const cardsEach = Math.min(60, questions.length);
    db.transaction(() => {
      for (let i = 0; i < learners; i++) {
        const id = randomId();
        const joined = nowMs - (30 + rand() * 60) * 86_400_000;
        addLearner({ id, token: randomId() + randomId(), createdAt: isoDb(joined) });
        report.learners++;
        for (let j = 0; j < cardsEach; j++) {
          const questionId = questions[(i + j) % questions.length]!;
          const card = plausibleCard(id, questionId, nowMs, rand);
          addCard.run(card);
          report.cards++;
          for (let r = 0; r < Math.min(card.reps, 4); r++) {
            const at = Date.parse(card.createdAt) + (r + 1) * 86_400_000;
            addLog.run({
              reviewId: randomId(),
              learnerId: id,
              questionId,
              rating: 1 + Math.floor(rand() * 4),
              state: r === 0 ? 0 : 2,
              due: isoDb(at),
              lastReview: r === 0 ? null : isoDb(at - 86_400_000),
              stability: 1 + rand() * 20,
              difficulty: 1 + rand() * 9,
              scheduledDays: r,
              learningSteps: 0,
              review: isoDb(at),
              durationMs: Math.floor(2000 + rand() * 8000),
              source: rand() < 0.7 ? 'flashcard' : 'quiz',
            });
            report.reviewLogs++;
          }
        }
        const attemptId = randomId();
        const startedAt = joined + 86_400_000;
        addAttempt.run({ id: attemptId, learnerId: id, setId: 'key-facts', itemIds: JSON.stringify(quiz), seed: randomId(), startedAt: isoDb(startedAt), submittedAt: isoDb(startedAt + 600_000), score: quiz.length * 0.7, maxScore: quiz.length });
        report.attempts++;
        for (const [k, questionId] of quiz.entries()) {
          const correct = rand() < 0.7;
          addResponse.run({ attemptId, answerId: randomId(), questionId, round: 1, response: '{"value":true}', score: correct ? 1 : 0, correct: correct ? 1 : 0, answeredAt: isoDb(startedAt + k * 20_000), durationMs: 15_000 });
          report.responses++;
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    report.seconds = (Date.now() - started) / 1000;
    return report;
  } finally {
    db.close();
  }
}
