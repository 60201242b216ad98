// A busy database: while the teacher of a 1,000-student class exports its results again and
// again (in this process, through its own connection, and over HTTP through the server), 50 other
// students answer quizzes over HTTP. No write may fail or be lost, and every export is complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeacherRef } from '@/server/auth';
import { assignmentCsv } from '@/server/reports';
import type { Item } from '@/lib/questions/schema';
import { checkRun } from './checks';
import { seedFinishedClass, type SeededClass } from './seed';
import { startServer, type TestServer } from './server';
import { newStats, percentile, runStudent, type StudentResult } from './students';
import { mapLimit } from '@/lib/collections/map-limit';
import { createQuizAssignment, loadKeys, prepareDatabase, request, type QuizAssignment, type TestDatabase } from './support';

const CLASS_SIZE = 1000;
const WRITERS = 50;
const QUESTIONS = 20;
const IN_FLIGHT = 32;
const EXPORT_FOR_MS = 15_000;

let database: TestDatabase | undefined;
let server: TestServer | undefined;
let teacher: TeacherRef;
let sessionCookie: string;
let big: QuizAssignment;
let busy: QuizAssignment;
let keys: Map<string, Item>;
let seeded: SeededClass;

beforeAll(async () => {
  database = await prepareDatabase();
  keys = await loadKeys();
  server = await startServer({ databaseFile: database.file });
  // A real teacher account and session, so the export can also be fetched over HTTP.
  const signUp = await request(server.url, '/api/auth/sign-up/email', {
    json: { name: 'Busy Teacher', email: 'busy@school.test', password: 'correct horse battery staple' },
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${signUp.text.slice(0, 300)}`);
  const user = (signUp.body as { user: { id: string; name: string; email: string } }).user;
  teacher = { id: user.id, name: user.name, email: user.email };
  // The session cookie is signed: send it back exactly as the server set it.
  const session = signUp.setCookie.find((c) => c.startsWith('better-auth.session_token='));
  if (!session) throw new Error(`sign-up set no session cookie: ${signUp.setCookie.join(' | ')}`);
  sessionCookie = session.split(';')[0]!;
  big = await createQuizAssignment(teacher, 'Whole year group', { count: QUESTIONS, shuffle: false });
  busy = await createQuizAssignment(teacher, 'Meanwhile', { count: QUESTIONS });
  seeded = seedFinishedClass(database.file, { assignmentId: big.id, setId: 'key-facts', itemIds: big.itemIds, keys, students: CLASS_SIZE });
});

afterAll(async () => {
  await server?.stop();
  await database?.cleanup();
});

/** The export's two header lines: item ids, then each question's text. */
const HEADER_LINES = 2;

/** Lines of a CSV text (headers included), ignoring a final line break. */
const csvLines = (csv: string) => csv.replace(/\r?\n$/, '').split(/\r?\n/);

describe('a busy database', () => {
  it(`exports a ${CLASS_SIZE}-student class again and again while ${WRITERS} students answer: no write fails, every export is whole`, async () => {
    console.log(`[busy-database] seeded ${seeded.students} students, ${seeded.responses} responses in ${seeded.seconds.toFixed(1)} s`);
    const exportOverHttp = () =>
      request(server!.url, `/api/v1/teach/assignments/${big.id}/export`, { headers: { cookie: sessionCookie }, timeoutMs: 60_000 });

    // One export of each kind on an idle server, for scale.
    let t = Date.now();
    const alone = csvLines((await assignmentCsv(teacher, big.id)).csv).length;
    const aloneInProcessMs = Date.now() - t;
    t = Date.now();
    const aloneHttp = await exportOverHttp();
    const aloneHttpMs = Date.now() - t;
    console.log(`[busy-database] one export on an idle server: in-process ${aloneInProcessMs} ms, over HTTP ${aloneHttpMs} ms`);
    expect(alone).toBe(CLASS_SIZE + HEADER_LINES);
    expect(aloneHttp.status).toBe(200);
    expect(csvLines(aloneHttp.text)).toHaveLength(CLASS_SIZE + HEADER_LINES);

    const stats = newStats();
    const ctx = { url: server!.url, stats };
    const started = Date.now();
    let writersMs = 0;
    let answersInWindow = 0;
    const writers = mapLimit(
      Array.from({ length: WRITERS }, (_, i) => i),
      IN_FLIGHT,
      (index) =>
        runStudent(ctx, {
          index,
          code: busy.code,
          keys,
          tag: 'busy',
          onAck: () => {
            if (Date.now() - started <= EXPORT_FOR_MS) answersInWindow++;
          },
        }),
    ).finally(() => {
      writersMs = Date.now() - started;
    });

    // For EXPORT_FOR_MS, exports back to back: in this process (its own connection) and over HTTP.
    const exportsInProcess: { ms: number; lines: number; error?: string }[] = [];
    const exportsHttp: { ms: number; status: number; lines: number }[] = [];
    const exporting = () => Date.now() - started < EXPORT_FOR_MS;
    const inProcess = (async () => {
      while (exporting()) {
        const t0 = Date.now();
        try {
          const { csv } = await assignmentCsv(teacher, big.id);
          exportsInProcess.push({ ms: Date.now() - t0, lines: csvLines(csv).length });
        } catch (error) {
          exportsInProcess.push({ ms: Date.now() - t0, lines: -1, error: String((error as Error).message).slice(0, 300) });
        }
        // Let the students' requests go out between two exports.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const overHttp = (async () => {
      while (exporting()) {
        const t0 = Date.now();
        const r = await exportOverHttp();
        exportsHttp.push({ ms: Date.now() - t0, status: r.status, lines: r.status === 200 ? csvLines(r.text).length : -1 });
      }
    })();

    await Promise.all([inProcess, overHttp]);
    const windowMs = Date.now() - started;
    const results: StudentResult[] = await writers;
    const answers = results.reduce((n, s) => n + s.answers.filter((a) => a.acks.length > 0).length, 0);
    const avg = (xs: { ms: number }[]) => (xs.length ? Math.round(xs.reduce((a, x) => a + x.ms, 0) / xs.length) : 0);
    console.log(
      `[busy-database] in ${(windowMs / 1000).toFixed(1)} s: ${exportsInProcess.length} in-process exports (avg ${avg(exportsInProcess)} ms) and ` +
        `${exportsHttp.length} HTTP exports (avg ${avg(exportsHttp)} ms), while ${answersInWindow} answers were acknowledged (${(answersInWindow / (EXPORT_FOR_MS / 1000)).toFixed(1)} answers/s)`,
    );
    console.log(
      `[busy-database] writers: ${answers} answers from ${WRITERS} students in ${(writersMs / 1000).toFixed(1)} s (${(answers / (writersMs / 1000)).toFixed(1)} answers/s overall); ` +
        `request latency p50 ${percentile(stats.latencies, 50)} ms, p99 ${percentile(stats.latencies, 99)} ms, max ${Math.max(...stats.latencies)} ms; statuses ${JSON.stringify(stats.byStatus)}`,
    );

    // Every write got a 2xx: no SQLITE_BUSY, no 5xx, no network error reached a student.
    expect(stats.serverErrors).toEqual([]);
    expect(stats.clientErrors).toEqual([]);
    expect(stats.networkErrors).toBe(0);
    expect(results.filter((s) => s.failure).map((s) => `${s.nickname}: ${s.failure}`)).toEqual([]);
    expect(answers).toBe(WRITERS * QUESTIONS);

    // Every acknowledged write is stored (once, with its review log).
    const { problems, summary } = checkRun(database!.file, results);
    expect(problems).toEqual([]);
    expect(summary.storedResponses).toBe(WRITERS * QUESTIONS);

    // Every export is whole: the headers and one line per student.
    expect(exportsInProcess.length).toBeGreaterThan(0);
    expect(exportsHttp.length).toBeGreaterThan(0);
    expect(exportsInProcess.filter((e) => e.error || e.lines !== CLASS_SIZE + HEADER_LINES)).toEqual([]);
    expect(exportsHttp.filter((e) => e.status !== 200 || e.lines !== CLASS_SIZE + HEADER_LINES)).toEqual([]);
  });
});
