// The due queue at scale, part of `npm run bench` (run on its own as
//   tsx --conditions=react-server scripts/bench/due-queue.ts --dir=/tmp/x --out=/tmp/x/due.json [--scales=1000,100000,1000000] [--runs=500]
// ). Builds a database (migrations, then the question files synced by scripts/prepare-db.ts),
// grows the Card table to each scale with better-sqlite3 (100 cards per learner, the real
// question ids cycling) and times, for one learner with 100 cards, the raw indexed due query
// and the real getReviewQueue() from server/reviews.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { mulberry32 as rng } from '../../lib/quiz/random';
import { CARD_KEYS, LOG_KEYS, inserter, learnerWriter, openDb, plausibleCard, randomId } from './lib/sqlite';
import { isoDb, percentile, round } from './lib/util';

const args = z
  .strictObject({
    dir: z.string().min(1),
    out: z.string().min(1),
    scales: z
      .string()
      .default('1000,100000,1000000')
      .transform((s) => s.split(',').map(Number))
      .pipe(z.array(z.number().int().min(100).max(5_000_000)).min(1)),
    runs: z.coerce.number().int().min(10).max(10_000).default(500),
  })
  .parse(Object.fromEntries(process.argv.slice(2).map((a) => /^--([a-z]+)=(.*)$/.exec(a)?.slice(1) ?? [a, ''])));

const CARDS_PER_LEARNER = 100;
const dbFile = path.resolve(args.dir, 'due-queue.db');
fs.mkdirSync(args.dir, { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
// Before any server/ module is loaded: getDb() reads it.
process.env.DATABASE_URL = `file:${dbFile}`;

const { migrate } = await import('../../server/migrations');
const { migrationsDir } = await import('../../server/config');
const { getReviewQueue } = await import('../../server/review-queue');
const { disconnectDb } = await import('../../server/db');
const { nextDayStart } = await import('../../lib/scheduler');

const say = (line: string) => console.log(`[due-queue] ${line}`);

const migrated = await migrate(dbFile, migrationsDir());
say(`migrated ${dbFile}: ${migrated.applied.length} migrations`);
const prepared = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/prepare-db.ts'], {
  env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
  stdio: 'inherit',
  timeout: 180_000,
});
if (prepared.status !== 0) throw new Error(`scripts/prepare-db.ts failed (exit ${prepared.status ?? prepared.signal})`);

const db = openDb(dbFile);
db.pragma('cache_size = -262144'); // 256 MiB for the bulk load
const questions = db.prepare(`SELECT id FROM Question WHERE retiredAt IS NULL ORDER BY setId, position`).pluck().all() as string[];
if (questions.length < CARDS_PER_LEARNER) throw new Error(`only ${questions.length} questions; need ${CARDS_PER_LEARNER}`);
say(`${questions.length} live questions`);

const nowMs = Date.now();
const now = new Date(nowMs);
const rand = rng(42);
const addLearner = learnerWriter(db);
const addCard = inserter(db, 'Card', CARD_KEYS);
const addLog = inserter(db, 'ReviewLog', LOG_KEYS);
const learnerCount = () => (db.prepare('SELECT count(*) FROM Learner').pluck().get() as number) ?? 0;

/** Adds learners (100 cards each) in one transaction until the Card table holds `cards` rows. */
function growTo(cards: number): number {
  const started = Date.now();
  const have = learnerCount();
  const want = Math.ceil(cards / CARDS_PER_LEARNER);
  // Ids sorted within the batch: inserts walk each index in order (as a bulk import would).
  const ids = Array.from({ length: Math.max(0, want - have) }, randomId).sort();
  db.transaction(() => {
    for (const [n, id] of ids.entries()) {
      addLearner({ id, token: randomId() + randomId(), createdAt: isoDb(nowMs - 90 * 86_400_000) });
      const offset = (have + n) % questions.length;
      for (let j = 0; j < CARDS_PER_LEARNER; j++) addCard.run(plausibleCard(id, questions[(offset + j) % questions.length]!, nowMs, rand));
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return (Date.now() - started) / 1000;
}

// The measured learner is the first one: 100 cards, and a realistic review history (today too).
growTo(CARDS_PER_LEARNER);
const learnerRow = db.prepare('SELECT * FROM Learner LIMIT 1').get() as Record<string, unknown>;
const learner = {
  id: String(learnerRow.id),
  timeZone: String(learnerRow.timeZone ?? 'UTC'),
  desiredRetention: Number(learnerRow.desiredRetention ?? 0.9),
  newPerDay: Number(learnerRow.newPerDay ?? 20),
  reviewsPerDay: Number(learnerRow.reviewsPerDay ?? 200),
  typeAnswers: Boolean(learnerRow.typeAnswers ?? true),
  displayName: null,
};
db.transaction(() => {
  for (let i = 0; i < 300; i++) {
    const at = nowMs - (i < 20 ? i * 60_000 : i * 3_600_000 * 3);
    addLog.run({ reviewId: randomId(), learnerId: learner.id, questionId: questions[i % CARDS_PER_LEARNER]!, rating: 3, state: i % 7 === 0 ? 0 : 2, due: isoDb(at), lastReview: isoDb(at - 86_400_000), stability: 3, difficulty: 5, scheduledDays: 1, learningSteps: 0, review: isoDb(at), durationMs: 4000, source: 'flashcard' });
  }
})();

const tomorrow = isoDb(nextDayStart(now, learner.timeZone));
const rawSql = 'SELECT * FROM Card WHERE learnerId = ? AND due < ? AND suspended = 0 ORDER BY due';
const raw = db.prepare(rawSql);

function time(fn: () => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup: number, budgetMs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  const deadline = Date.now() + budgetMs;
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const summary = (ms: number[]) => ({ runs: ms.length, p50: round(percentile(ms, 50), 4), p99: round(percentile(ms, 99), 4), max: round(percentile(ms, 100), 4) });

const results = [];
let plan: string[] = [];
for (const scale of [...args.scales].sort((a, b) => a - b)) {
  const buildSeconds = growTo(scale);
  const cards = db.prepare('SELECT count(*) FROM Card').pluck().get() as number;
  const due = raw.all(learner.id, tomorrow).length;
  plan = (db.prepare(`EXPLAIN QUERY PLAN ${rawSql}`).all(learner.id, tomorrow) as { detail: string }[]).map((r) => r.detail);
  const rawMs = time(() => raw.all(learner.id, tomorrow), args.runs, 50);
  const queue = await getReviewQueue(learner, {}, now);
  const queueMs = await timeAsync(() => getReviewQueue(learner, {}, now), args.runs, 20, 60_000);
  const entry = { cards, learners: learnerCount(), dueForLearner: due, queueCards: queue.cards.length, buildSeconds: round(buildSeconds, 1), raw: summary(rawMs), getReviewQueue: summary(queueMs), plan };
  results.push(entry);
  say(`${cards.toLocaleString('en-US')} cards (built in ${entry.buildSeconds} s): raw p50 ${entry.raw.p50} ms p99 ${entry.raw.p99} ms; getReviewQueue p50 ${entry.getReviewQueue.p50} ms p99 ${entry.getReviewQueue.p99} ms (${queue.cards.length} cards in the queue, ${due} due)`);
}
say(`EXPLAIN QUERY PLAN ${rawSql}\n${plan.map((p) => `    ${p}`).join('\n')}`);
const usesIndex = plan.some((p) => p.includes('Card_learnerId_due_idx'));
fs.writeFileSync(args.out, JSON.stringify({ sql: rawSql, plan, usesIndex, learnerCards: CARDS_PER_LEARNER, results }, null, 2));
db.close();
await disconnectDb();
