// Crash safety: students answer while the server is killed (SIGKILL, the whole process group)
// at five seeded moments and started again. Clients resend the same request (same answerId)
// until they get an answer. Afterwards every acknowledged answer is stored exactly once, a resend
// got the first result, every response has its review log (and no log lacks its response), and
// the database passes its integrity check.
import { describe, expect, it } from 'vitest';
import { checkReviewConsistency, checkRun } from './checks';
import { setUpQuizClassroom } from './classroom-fixture';
import { newStats, runStudent, type StudentResult } from './students';
import { mapLimit } from '@/lib/collections/map-limit';
import { mulberry32 as rng } from '@/lib/quiz/random';
import { integrityCheck, seedFromEnv, sleep } from './support';

const STUDENTS = 60;
const QUESTIONS = 20;
const IN_FLIGHT = 32;
const KILLS = 5;
const SEED = seedFromEnv(20_261_125);

const classroom = setUpQuizClassroom('crash', 'Crash safety', QUESTIONS, { releaseTestConnection: true });

interface Kill {
  n: number;
  /** The share of all answers acknowledged that the kill waited for. */
  plannedAt: number;
  delayMs: number;
  atMs: number;
  acknowledgedBefore: number;
  restartMs: number;
}

describe('crash safety', () => {
  it(`SIGKILL ${KILLS} times during ${STUDENTS} × ${QUESTIONS} answers: nothing acknowledged is lost or doubled`, async () => {
    const random = rng(SEED);
    const total = STUDENTS * QUESTIONS;
    // One kill in each fifth of the run (between 5 % and 90 % of the answers), at a seeded point.
    const plan = Array.from({ length: KILLS }, (_, i) => {
      const from = 0.05 + (i * 0.85) / KILLS;
      return { plannedAt: from + random() * (0.85 / KILLS) * 0.8, delayMs: Math.floor(random() * 300) };
    });
    console.log(
      `[crash-safety] seed ${SEED} (set RELIABILITY_SEED to repeat): kills planned after ${plan.map((p) => `${(p.plannedAt * 100).toFixed(1)} % + ${p.delayMs} ms`).join(', ')}`,
    );

    const stats = newStats();
    const ctx = { url: classroom.server.url, stats, retry: true, retryForMs: 120_000 };
    let acked = 0;
    let finished = false;
    const started = Date.now();
    const kills: Kill[] = [];

    const killer = (async () => {
      for (const [i, p] of plan.entries()) {
        const deadline = Date.now() + 150_000;
        while (!finished && acked < p.plannedAt * total && Date.now() < deadline) await sleep(10);
        if (finished) break;
        await sleep(p.delayMs);
        const acknowledgedBefore = acked;
        const atMs = Date.now() - started;
        await classroom.server.kill('SIGKILL');
        const down = Date.now();
        await classroom.server.restart();
        kills.push({ n: i + 1, plannedAt: p.plannedAt, delayMs: p.delayMs, atMs, acknowledgedBefore, restartMs: Date.now() - down });
      }
    })().catch((error: unknown) => {
      // The server did not come back: stop the clients' retries so the test fails fast.
      ctx.retry = false;
      throw error;
    });

    let results: StudentResult[];
    try {
      results = await mapLimit(
        Array.from({ length: STUDENTS }, (_, i) => i),
        IN_FLIGHT,
        (index) =>
          runStudent(ctx, {
            index,
            code: classroom.assignment.code,
            keys: classroom.keys,
            tag: 'crash',
            resendEvery: 5,
            onAck: () => {
              acked++;
            },
          }),
      );
    } finally {
      finished = true;
      await killer;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[crash-safety] ${acked} answers acknowledged in ${seconds.toFixed(1)} s (${(acked / seconds).toFixed(1)} answers/s) across ${classroom.server.starts()} server starts; ` +
        `${stats.requests} tries, ${stats.networkErrors} network errors, ${stats.retries} retries, ${stats.serverErrors.length} 5xx, statuses ${JSON.stringify(stats.byStatus)}`,
    );
    for (const k of kills) {
      console.log(
        `[crash-safety] kill ${k.n}: at ${(k.atMs / 1000).toFixed(2)} s, ${k.acknowledgedBefore}/${total} answers acknowledged (planned ${(k.plannedAt * 100).toFixed(1)} % + ${k.delayMs} ms); back up in ${(k.restartMs / 1000).toFixed(1)} s`,
      );
    }
    await classroom.server.stop();

    expect(kills).toHaveLength(KILLS);
    // Clients got through: every request ended in a 2xx (a crash must never turn into a refusal).
    expect(results.filter((s) => s.failure).map((s) => `${s.nickname}: ${s.failure}`)).toEqual([]);
    expect(stats.clientErrors).toEqual([]);
    expect(results.flatMap((s) => s.answers.filter((a) => a.error).map((a) => `${s.nickname} ${a.answerId}: ${a.error}`))).toEqual([]);
    // A 5xx is retried, but none should happen: a request either completes or the process dies.
    expect(stats.serverErrors).toEqual([]);

    const { problems, summary } = checkRun(classroom.database.file, results);
    console.log(
      `[crash-safety] stored ${summary.storedResponses} responses for ${summary.acknowledgedAnswers} acknowledged answers; ` +
        `${summary.replayedAnswers} retries found their answer already stored (response lost in a kill); ${summary.resends} deliberate resends`,
    );
    expect(problems).toEqual([]);
    expect(summary.acknowledgedAnswers).toBe(total);
    expect(summary.storedResponses).toBe(total);
    expect(summary.resends).toBeGreaterThan(0);
    expect(checkReviewConsistency(classroom.database.file)).toEqual([]);
    expect(integrityCheck(classroom.database.file)).toBe('ok');
  }, 300_000);
});
