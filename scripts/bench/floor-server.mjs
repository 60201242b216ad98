// The floor for `npm run bench`: a bare node:http server doing the same SQL work per request as
// Passage's two write endpoints, with better-sqlite3 directly (no Next, no Prisma, no grading,
// no FSRS). It runs on a copy of the benchmark database.
//
//   node scripts/bench/floor-server.mjs <database file> <port>
//
//   POST /api/v1/attempts/<attemptId>/answers  { answerId, itemId, response, durationMs? }
//   POST /api/v1/reviews                       { reviewId, itemId, rating, durationMs }
//   POST /api/bench/noop                       → { ok: true }
//
// Per answer, as Passage: the learner by its token's hash; in one transaction the attempt, the
// idempotency and one-answer-per-question checks, the question row, INSERT QuizResponse, the
// review-id check, the card read, UPSERT Card and INSERT ReviewLog. Per review: learner, question,
// then in one transaction the review-id check, card read, UPSERT Card, INSERT ReviewLog.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import http from 'node:http';

const [file, portArg] = process.argv.slice(2);
if (!file || !portArg) {
  console.error('usage: node scripts/bench/floor-server.mjs <database file> <port>');
  process.exit(2);
}

const db = new Database(file, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');

const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');
const clientId = /^[A-Za-z0-9_-]{8,64}$/;
const RATINGS = { again: 1, hard: 2, good: 3, easy: 4 };

// Tokens live in LearnerToken (one per device) or, in older schemas, in Learner.tokenHash.
const tokenTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'LearnerToken'`).get() !== undefined;

const q = {
  learner: db.prepare(
    tokenTable
      ? 'SELECT l.id, l.desiredRetention FROM LearnerToken t JOIN Learner l ON l.id = t.learnerId WHERE t.tokenHash = ?'
      : 'SELECT id, desiredRetention FROM Learner WHERE tokenHash = ?',
  ),
  attempt: db.prepare('SELECT id, learnerId, itemIds, seed, submittedAt FROM QuizAttempt WHERE id = ?'),
  responseByAnswer: db.prepare('SELECT id, questionId, score, correct FROM QuizResponse WHERE attemptId = ? AND answerId = ?'),
  responseByQuestion: db.prepare('SELECT id FROM QuizResponse WHERE attemptId = ? AND questionId = ? AND round = 1'),
  question: db.prepare('SELECT id, data, retiredAt FROM Question WHERE id = ?'),
  insertResponse: db.prepare(
    'INSERT INTO QuizResponse (attemptId, answerId, questionId, round, response, score, correct, answeredAt, durationMs) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)',
  ),
  seenReview: db.prepare('SELECT id FROM ReviewLog WHERE learnerId = ? AND reviewId = ?'),
  card: db.prepare('SELECT * FROM Card WHERE learnerId = ? AND questionId = ?'),
  upsertCard: db.prepare(
    `INSERT INTO Card (learnerId, questionId, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil, createdAt, updatedAt)
     VALUES (@learnerId, @questionId, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, 0, NULL, @now, @now)
     ON CONFLICT (learnerId, questionId) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
       scheduledDays = excluded.scheduledDays, learningSteps = excluded.learningSteps, reps = excluded.reps, lapses = excluded.lapses,
       state = excluded.state, lastReview = excluded.lastReview, updatedAt = excluded.updatedAt`,
  ),
  insertLog: db.prepare(
    `INSERT INTO ReviewLog (reviewId, learnerId, questionId, rating, state, due, lastReview, stability, difficulty, scheduledDays, learningSteps, review, durationMs, source)
     VALUES (@reviewId, @learnerId, @questionId, @rating, @state, @due, @lastReview, @stability, @difficulty, @scheduledDays, @learningSteps, @review, @durationMs, @source)`,
  ),
};

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Card read, a fixed stand-in for the FSRS step, card upsert and log insert: recordReview's SQL. */
function recordReview(learnerId, questionId, reviewId, rating, durationMs, source, nowMs) {
  if (q.seenReview.get(learnerId, reviewId)) return { duplicate: true };
  const before = q.card.get(learnerId, questionId);
  const now = iso(nowMs);
  const card = {
    learnerId,
    questionId,
    due: iso(nowMs + (before ? 86_400_000 * Math.min(before.reps + 1, 30) : 600_000)),
    stability: before ? before.stability * 2 : 2.3,
    difficulty: before ? before.difficulty : 5,
    scheduledDays: before ? Math.min(before.reps + 1, 30) : 0,
    learningSteps: 0,
    reps: (before?.reps ?? 0) + 1,
    lapses: before?.lapses ?? 0,
    state: before ? 2 : 1,
    lastReview: now,
    now,
  };
  q.upsertCard.run(card);
  q.insertLog.run({
    reviewId,
    learnerId,
    questionId,
    rating,
    state: before?.state ?? 0,
    due: before?.due ?? now,
    lastReview: before?.lastReview ?? null,
    stability: before?.stability ?? 0,
    difficulty: before?.difficulty ?? 0,
    scheduledDays: before?.scheduledDays ?? 0,
    learningSteps: before?.learningSteps ?? 0,
    review: now,
    durationMs,
    source,
  });
  return { duplicate: false, due: card.due };
}

const answerTx = db.transaction((learnerId, attemptId, body, nowMs) => {
  const attempt = q.attempt.get(attemptId);
  if (!attempt || attempt.learnerId !== learnerId) throw new HttpError(404, 'That quiz attempt was not found.');
  const previous = q.responseByAnswer.get(attempt.id, body.answerId);
  if (previous) return { score: previous.score, correct: previous.correct === 1, duplicate: true };
  if (attempt.submittedAt) throw new HttpError(409, 'already submitted');
  if (!JSON.parse(attempt.itemIds).includes(body.itemId)) throw new HttpError(404, 'not a question of this attempt');
  if (q.responseByQuestion.get(attempt.id, body.itemId)) throw new HttpError(409, 'already answered');
  const question = q.question.get(body.itemId);
  if (!question) throw new HttpError(404, 'no such question');
  const now = iso(nowMs);
  q.insertResponse.run(attempt.id, body.answerId, body.itemId, JSON.stringify(body.response), 1, 1, now, body.durationMs ?? null);
  recordReview(learnerId, body.itemId, `quiz-${attempt.id}-${body.answerId}`, 3, body.durationMs ?? 0, 'quiz', nowMs);
  return { score: 1, correct: true, itemId: body.itemId };
});

const reviewTx = db.transaction((learnerId, body, nowMs) =>
  recordReview(learnerId, body.itemId, body.reviewId, RATINGS[body.rating], body.durationMs, 'flashcard', nowMs),
);

function learnerFor(req) {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const learner = token ? q.learner.get(createHash('sha256').update(token).digest('hex')) : undefined;
  if (!learner) throw new HttpError(404, 'no such learner');
  return learner;
}

function handle(req, text) {
  if (req.method !== 'POST') throw new HttpError(405, 'POST only');
  if (req.url === '/api/bench/noop') return { ok: true };
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body: is not valid JSON');
  }
  const answer = /^\/api\/v1\/attempts\/([A-Za-z0-9_-]{1,64})\/answers$/.exec(req.url ?? '');
  if (answer) {
    if (!clientId.test(body?.answerId ?? '') || typeof body.itemId !== 'string' || body.response === undefined) throw new HttpError(400, 'bad answer');
    return answerTx(learnerFor(req).id, answer[1], body, Date.now());
  }
  if (req.url === '/api/v1/reviews') {
    if (!clientId.test(body?.reviewId ?? '') || typeof body.itemId !== 'string' || !RATINGS[body.rating]) throw new HttpError(400, 'bad review');
    const learner = learnerFor(req);
    const question = q.question.get(body.itemId);
    if (!question || question.retiredAt) throw new HttpError(404, 'no such item');
    return reviewTx(learner.id, body, Date.now());
  }
  throw new HttpError(404, 'not found');
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let status = 200;
    let payload;
    try {
      payload = handle(req, Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      status = error instanceof HttpError ? error.status : 500;
      payload = { error: { message: error instanceof Error ? error.message : String(error) } };
      if (status === 500) console.error(error);
    }
    const out = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portArg), '127.0.0.1', () => console.log(`floor server on http://127.0.0.1:${portArg}`));

const stop = () => {
  server.closeAllConnections();
  server.close(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
