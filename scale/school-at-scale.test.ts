// `npm run test:scale`: a whole school at once on several Passage processes sharing one database,
// behind a load balancer (scripts/balancer.mjs stands in for the one in front of several
// instances; `npm start`'s own processes share a port instead, scripts/serve-cluster.test.ts). 200 students join one assignment by
// its code and answer 20 questions each across the processes; one process is killed with SIGKILL
// mid-run and its clients retry (the balancer sends them to the others). Meanwhile a join-code
// guesser spreads its tries over the processes. Afterwards: every acknowledged answer stored
// exactly once, every attempt scored right, the teacher's report equals the database, no 5xx but
// the killed process's requests in flight, and the guesser limited as if there were one process.
//
// The target: SQLite (a file shared by 2 processes), or PostgreSQL with 3 processes when
// PASSAGE_TEST_DATABASE=postgresql (vitest.scale.config.ts then starts a PostgreSQL server).
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '@/lib/collections/map-limit';
import type { Item } from '@/lib/questions/schema';
import type { TeacherRef } from '@/server/auth';
import { disconnectDb } from '@/server/db';
import { assignmentReport } from '@/server/reports';
import { testDatabase } from '@/server/test-database';
import { startServer, type TestServer } from '../reliability/server';
import { newStats, runStudent, type StudentResult } from '../reliability/students';
import {
  createQuizAssignment,
  createTeacher,
  elapsedSeconds,
  loadKeys,
  prepareDatabase,
  request,
  sleep,
  type QuizAssignment,
  type TestDatabase,
} from '../reliability/support';
import { startBalancer } from '../scripts/balancer.mjs';
import { checkStored, joinFailuresOf } from './checks';

const STUDENTS = 200;
const QUESTIONS = 20;
const IN_FLIGHT = 32;
/** The share of all answers acknowledged before one process is killed. */
const KILL_AT = 0.4;
const target = testDatabase() === 'postgresql' ? { name: 'PostgreSQL', instances: 3 } : { name: 'SQLite', instances: 2 };
/** The guesser's address, told to the processes as a proxy in front of the balancer would. */
const GUESSER = '198.51.100.7';
const JOIN_CODE_FREE = 20;

let database: TestDatabase;
let teacher: TeacherRef;
let assignment: QuizAssignment;
let keys: Map<string, Item>;
let instances: TestServer[] = [];
let balancer: http.Server;
let url: string;

beforeAll(async () => {
  database = await prepareDatabase();
  teacher = await createTeacher('scale');
  assignment = await createQuizAssignment(teacher, 'The whole school', { count: QUESTIONS });
  keys = await loadKeys();
  const databaseUrl = process.env.DATABASE_URL!;
  // An outer proxy (nginx) and the balancer: the processes believe two hops of X-Forwarded-For.
  instances = await Promise.all(
    Array.from({ length: target.instances }, () =>
      startServer({ databaseUrl, env: { ...process.env, PASSAGE_TRUSTED_PROXY: '2' }, readyTimeoutMs: 180_000 }),
    ),
  );
  balancer = await startBalancer({ port: 0, host: '127.0.0.1', backends: instances.map((i) => ({ port: i.port })) });
  url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => balancer?.close(resolve));
  await Promise.all(instances.map((i) => i.stop()));
  await disconnectDb();
  await database?.cleanup();
}, 60_000);

const wrongCode = (i: number) =>
  `WR${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i % 31]}${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[Math.floor(i / 31) % 31]}Q7`;

/** Wrong join codes from one address, each sent straight to the next process in turn; how long each took. */
async function guessJoinCodes(tries: number): Promise<{ status: number; ms: number; instance: number }[]> {
  const out: { status: number; ms: number; instance: number }[] = [];
  for (let i = 0; i < tries; i++) {
    const instance = i % instances.length;
    const started = Date.now();
    const reply = await request(instances[instance]!.url, '/api/v1/assignments/join', {
      json: { code: wrongCode(i), nickname: 'Guesser' },
      headers: { 'x-forwarded-for': GUESSER },
      timeoutMs: 60_000,
    });
    out.push({ status: reply.status, ms: Date.now() - started, instance });
  }
  return out;
}

describe(`a whole school on ${target.instances} processes sharing one ${target.name} database`, () => {
  it(`${STUDENTS} students × ${QUESTIONS} answers, one process killed mid-run: nothing lost or doubled, scores and report right, guessing limited as on one process`, async () => {
    const stats = newStats();
    const ctx = { url, stats, retry: true, retryForMs: 120_000 };
    const total = STUDENTS * QUESTIONS;
    let acked = 0;
    let finished = false;
    const started = Date.now();

    // The guesser: its free tries, then two more that must wait their turn (2 s, then 4 s) however
    // the tries are spread over the processes. Separate counters per process would let all pass at once.
    const guessing = guessJoinCodes(JOIN_CODE_FREE + 3);
    const kill = { atMs: -1, ackedBefore: 0, victim: -1 };
    const killer = (async () => {
      await guessing;
      while (!finished && acked < KILL_AT * total) await sleep(10);
      if (finished) return;
      const victim = instances.length - 1;
      Object.assign(kill, { atMs: Date.now() - started, ackedBefore: acked, victim });
      await instances[victim]!.kill('SIGKILL');
    })();

    const results: StudentResult[] = await mapLimit(
      Array.from({ length: STUDENTS }, (_, i) => i),
      IN_FLIGHT,
      (index) =>
        runStudent(ctx, {
          index,
          code: assignment.code,
          keys,
          tag: 'scale',
          onAck: () => {
            acked++;
          },
        }),
    );
    finished = true;
    await killer;
    const guesses = await guessing;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[scale] ${target.name}, ${target.instances} processes: ${acked} answers acknowledged in ${elapsedSeconds(started)} s ` +
        `(${(acked / seconds).toFixed(1)} answers/s); process ${kill.victim} killed at ${(kill.atMs / 1000).toFixed(1)} s after ${kill.ackedBefore} answers; ` +
        `${stats.requests} requests, statuses ${JSON.stringify(stats.byStatus)}, ${stats.retries} retries, ${stats.networkErrors} network errors`,
    );
    console.log(`[scale] guesser: ${guesses.map((g) => `${g.status}/${g.ms}ms@${g.instance}`).join(' ')}`);

    expect(kill.victim).toBeGreaterThanOrEqual(0);
    // Every student got through every step; the only 5xx are the balancer's 502s for requests in
    // flight on the killed process (at most one per client), which the clients sent again.
    expect(results.filter((s) => s.failure).map((s) => `${s.nickname}: ${s.failure}`)).toEqual([]);
    expect(results.flatMap((s) => s.answers.filter((a) => a.error).map((a) => `${s.nickname} ${a.answerId}: ${a.error}`))).toEqual([]);
    // (A response the killed process had begun to send is cut off: the client sees a network error.)
    expect(stats.clientErrors).toEqual([]);
    expect(stats.serverErrors.filter((e) => e.status !== 502 || !/stopped/.test(e.text))).toEqual([]);
    expect(stats.serverErrors.length + stats.networkErrors).toBeLessThanOrEqual(IN_FLIGHT);
    expect(acked).toBe(total);

    // Stored exactly once as acknowledged, each with its review; every attempt submitted with the score of its answers.
    await disconnectDb();
    const { problems, stored, sumOfScores } = await checkStored(results);
    expect(problems).toEqual([]);
    expect(stored).toBe(total);
    const meantRight = results.reduce((n, s) => n + s.answers.filter((a) => a.right).length, 0);
    const toldRight = results.reduce((n, s) => n + s.answers.filter((a) => a.acks[0]?.correct === true).length, 0);
    expect(toldRight).toBe(meantRight);

    // The teacher's report equals the database: every student finished with the stored score.
    const report = await assignmentReport(teacher, assignment.id);
    expect(report.students).toHaveLength(STUDENTS);
    expect(report.students.filter((s) => s.status !== 'finished').map((s) => `${s.nickname}: ${s.status}`)).toEqual([]);
    const scoreOf = new Map(results.map((s) => [s.nickname, s.submit?.score ?? NaN]));
    expect(report.students.filter((s) => s.score !== Math.round(scoreOf.get(s.nickname)! * 100) / 100).map((s) => s.nickname)).toEqual([]);
    const reportSum = report.students.reduce((sum, s) => sum + (s.score ?? 0), 0);
    expect(Math.abs(reportSum - sumOfScores)).toBeLessThanOrEqual(STUDENTS * 0.005);

    // The guesser, spread over every process, was counted once in one place: its free tries
    // answered at once (404), then each further try waited its turn.
    expect(new Set(guesses.map((g) => g.instance)).size).toBe(target.instances);
    expect(guesses.every((g) => g.status === 404)).toBe(true);
    expect(await joinFailuresOf(GUESSER)).toBe(guesses.length);
    const [beyondFirst, beyondSecond] = guesses.slice(JOIN_CODE_FREE + 1).map((g) => g.ms);
    expect(beyondFirst).toBeGreaterThanOrEqual(1900);
    expect(beyondSecond).toBeGreaterThanOrEqual(3900);
  }, 600_000);
});
