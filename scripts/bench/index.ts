// `npm run bench`: Passage's performance figures against their targets, on a temporary
// database and the production build. See usage() for what it measures and its flags.
import type { Browser } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CHROMIUM, browserScriptWeight, htmlScriptWeight, launchChromium, nextCardLatency, openTeacherReport, type NextCardResult, type RouteWeight } from './lib/browser';
import {
  answerRequests,
  failuresOf,
  generated,
  idMaker,
  RequestPool,
  runLoad,
  type AttemptHandle,
  type LoadResult,
  type PlannedRequest,
  type PublicItem,
  type RequestSource,
} from './lib/load';
import { freePort, groupPeakRssMiB, machineInfo, runStep, settle, startService, stopAll, waitUntilUp, type Service } from './lib/proc';
import { summarizeProfile } from './lib/profile';
import { startPgServer, type PgServer } from '../pg-server';
import { pollReports, seedClassroom, type Classroom } from './lib/classroom';
import { seedBackground } from './lib/seed';
import { serverNodeFlags } from '../server-node-flags.mjs';
import { openDb, randomId } from './lib/sqlite';
import { mapLimit } from '../../lib/collections/map-limit';
import { fmt, log, median, round, sleep, withTimeout } from './lib/util';

const SECTIONS = ['answers', 'reviews', 'pages', 'due-queue', 'page-weight', 'next-card', 'workers'] as const;
type Section = (typeof SECTIONS)[number];

function usage(): string {
  return `Usage: npm run bench [-- <flags>]

Measures, on a temporary database and the production build (built first if needed):
  answers      POST /api/v1/attempts/<id>/answers, 500 learners, 16/64/256 connections, against
               bare Next (scripts/bench/bare-next: the framework's ceiling, the headline ratio), the same
               request on bare Next (Next's own work for that route: its path, token, JSON body and reply),
               POST /api/bench/noop (Passage's server doing nothing) and a node:http + better-sqlite3 floor
  reviews      POST /api/v1/reviews, the same way
  pages        GET /, a set page, a quiz question, /review and the report of a 200-student assignment at
               16 connections beside a bare Next page; answers/s while 30 live reports poll every 3 s
  due-queue    the due-queue query and getReviewQueue() with 1 thousand to 1 million cards in the table
  page-weight  first-load JavaScript (gzip) of /, /quiz/[attemptId], /review (and /teach/assignments/[id])
  next-card    Chromium: '3' (Good) pressed → next card on screen, over 100 ratings
  workers      answers/s with 1 process (next start) and with 2 (npm start's PASSAGE_WORKERS=2: two next start
               sharing the port through node:cluster) on the same SQLite file, 16 and 64 connections, runs alternating;
               then 1, 2 and 3 instances @64 on SQLite and on a throwaway PostgreSQL server
Prints one table of figures and targets and writes it to bench/results.json.

Flags:
  --quick             one run each, shorter runs, due queue up to 100 thousand cards
  --only=<a,b,...>    only these sections: ${SECTIONS.join(', ')}
  --profile=<what>    instead: CPU-profile the server (node --cpu-prof) through one 10 s, 64-connection
                      run of answers, reviews or noop and print the hottest functions and packages
  --help              this text`;
}

const flagsSchema = z.strictObject({
  quick: z.literal(true).optional(),
  only: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(SECTIONS)).min(1))
    .optional(),
  profile: z.enum(['answers', 'reviews', 'noop']).optional(),
  help: z.literal(true).optional(),
});

function parseFlags(argv: string[]): z.output<typeof flagsSchema> {
  const raw: Record<string, string | true> = {};
  const problems: string[] = [];
  for (const arg of argv) {
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) problems.push(`"${arg}" is not a flag (flags look like --quick or --only=answers)`);
    else if (match[1]! in raw) problems.push(`--${match[1]} is given twice`);
    else raw[match[1]!] = match[2] ?? true;
  }
  if (problems.length === 0) {
    const parsed = flagsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (issue.code === 'unrecognized_keys') problems.push(`unknown flag ${issue.keys.map((k) => `--${k}`).join(', ')}`);
      else if (name === 'quick' || name === 'help') problems.push(`--${name} takes no value`);
      else if (name === 'only') problems.push(`--only takes a comma-separated list of ${SECTIONS.join(', ')}; got "${String(raw.only)}"`);
      else if (name === 'profile') problems.push(`--profile takes answers, reviews or noop; got "${String(raw.profile)}"`);
      else problems.push(`--${name}: ${issue.message}`);
    }
  }
  console.error(`${problems.map((p) => `bench: ${p}`).join('\n')}\n\n${usage()}`);
  process.exit(2);
}

const flags = parseFlags(process.argv.slice(2));
if (flags.help) {
  console.log(usage());
  process.exit(0);
}
const quick = flags.quick === true;
const only = new Set<Section>(flags.only ?? SECTIONS);
const config = {
  runs: quick ? 1 : 3,
  seconds: quick ? 3 : 5,
  warmupSeconds: quick ? 1 : 2,
  connections: [16, 64, 256],
  learners: 500,
  backgroundLearners: quick ? 500 : 2000,
  dueScales: quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000],
  dueRuns: quick ? 200 : 500,
  ratings: quick ? 40 : 100,
  classSize: 200,
  pageLearners: 50,
  pollingTeachers: 30,
  pollEveryMs: 3000,
};

const root = process.cwd();
if (!fs.existsSync(path.join(root, 'scripts/bench/index.ts'))) {
  console.error('bench: run it from the project folder (npm run bench)');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-bench-'));
const dbFile = path.join(tmp, 'passage.db');
const floorDbFile = path.join(tmp, 'floor.db');
const startedAt = Date.now();

async function cleanup(): Promise<void> {
  await stopAll();
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the servers`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Everything is bounded; this is the backstop.
const watchdog = setTimeout(() => {
  console.error('bench: still running after 30 minutes; stopping');
  void cleanup().finally(() => process.exit(1));
}, 30 * 60_000);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// The servers

// The bench creates thousands of learners from one address: past the default allowance the limiter would pace them one a second.
const benchEnv = { PASSAGE_BENCH: '1', PASSAGE_NEW_LEARNERS_PER_HOUR: '10000000' };
const appEnv = () => ({ ...process.env, DATABASE_URL: `file:${dbFile}`, ...benchEnv });

async function startPassage(profileDir?: string): Promise<Service> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const service = startService('passage', url, process.execPath, [...serverNodeFlags(), ...profiling, 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], { env: appEnv() });
  await waitUntilUp(service, '/', 120_000);
  log(`Passage (next start) answers on ${url}`);
  return service;
}

/** `npm start`'s way of serving with several processes (scripts/start.mjs), on the bench's database. */
async function startWorkers(workers: number, env: NodeJS.ProcessEnv = appEnv(), name = `passage ×${workers}`): Promise<Service> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = startService(name, url, process.execPath, ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, PASSAGE_WORKERS: String(workers) },
  });
  await waitUntilUp(service, '/', 120_000);
  // Every process up, not just the first: the port hands each connection to the next process.
  const allUp = `Passage: ${workers} processes serving on port ${port}`;
  for (const deadline = Date.now() + 120_000; workers > 1 && !service.output().includes(allUp); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`${name}: not every process was serving after 120 s:\n${service.output()}`);
  }
  log(`Passage with ${workers} processes sharing port ${port} answers on ${url}`);
  return service;
}

/** The floor works on a copy of the same database, taken with SQLite's online backup. */
async function snapshotForFloor(): Promise<void> {
  const source = openDb(dbFile);
  try {
    await source.backup(floorDbFile);
  } finally {
    source.close();
  }
}

const bareNextSource = path.join(root, 'scripts', 'bench', 'bare-next');

/**
 * Builds the bare-Next fixture outside the repository: inside it, Turbopack takes the repository
 * as the workspace root and compiles Passage's own instrumentation.ts into the fixture. The copy
 * gets the repository's node_modules as hard links, so it runs the very same `next`.
 */
function ensureBareNextBuild(): string {
  const nextVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/next/package.json'), 'utf8')) as { version: string }).version;
  const sources = fs.readdirSync(bareNextSource, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const fingerprint = JSON.stringify([nextVersion, ...sources.map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))]);
  const dir = path.join(os.tmpdir(), `passage-bare-next-${nextVersion}`);
  const stamp = path.join(dir, '.next', 'bench-fingerprint');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(bareNextSource, dir, { recursive: true });
  runStep('link node_modules into the bare Next copy', 'cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-next', private: true }));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'bare-next', lockfileVersion: 3, requires: true, packages: {} }));
  runStep(`build the bare Next ${nextVersion} reference`, path.join(dir, 'node_modules/.bin/next'), ['build'], { cwd: dir, timeoutMs: 300_000 });
  fs.writeFileSync(stamp, fingerprint);
  return dir;
}

/** The framework's ceiling: the same `next start`, serving an app with a constant route handler, Passage's two hot API paths doing only Next's part, and one page. */
async function startBareNext(): Promise<Service> {
  const dir = ensureBareNextBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = startService('bare-next', url, process.execPath, [...serverNodeFlags(), path.join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir });
  await waitUntilUp(service, '/', 120_000);
  log(`bare Next (next start, no proxy) answers on ${url}`);
  return service;
}

async function startFloor(): Promise<Service> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = startService('floor', url, process.execPath, ['scripts/bench/floor-server.mjs', floorDbFile, String(port)]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/bench/noop`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (service.child.exitCode !== null || Date.now() > deadline) throw new Error(`the floor server did not start:\n${service.output()}`);
    await sleep(100);
  }
  log(`floor server (node:http + better-sqlite3) answers on ${url}`);
  return service;
}

// ---------------------------------------------------------------------------------------------
// Learners, attempts and items through the API

interface LearnerHandle {
  learnerId: string;
  token: string;
}

async function api<T>(base: string, method: string, urlPath: string, options: { token?: string; body?: unknown; expect: number }): Promise<T> {
  const response = await fetch(base + urlPath, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== options.expect) throw new Error(`${method} ${urlPath} answered ${response.status} (expected ${options.expect}): ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

const createLearners = (base: string, n: number) =>
  mapLimit(Array.from({ length: n }), 8, () => api<LearnerHandle>(base, 'POST', '/api/v1/learners', { expect: 201 }));

function createAttempts(base: string, learners: LearnerHandle[]): Promise<AttemptHandle[]> {
  return mapLimit(learners, 8, async (learner) => {
    const { attemptId, items } = await api<{ attemptId: string; items: PublicItem[] }>(base, 'POST', '/api/v1/attempts', { token: learner.token, body: { setId: 'key-facts' }, expect: 201 });
    return { attemptId, token: learner.token, items };
  });
}

async function liveItemIds(base: string): Promise<string[]> {
  const { sets } = await api<{ sets: { id: string }[] }>(base, 'GET', '/api/v1/sets', { expect: 200 });
  const ids: string[] = [];
  for (const set of sets) ids.push(...(await api<{ items: { id: string }[] }>(base, 'GET', `/api/v1/sets/${set.id}`, { expect: 200 })).items.map((i) => i.id));
  return ids;
}

/** Answers every question of one spare attempt, to prove the generated responses are accepted. */
async function checkAnswerShapes(base: string, attempt: AttemptHandle): Promise<void> {
  const requests = answerRequests([attempt], idMaker('chk'));
  for (const r of requests) {
    const response = await fetch(base + r.path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` }, body: r.body, signal: AbortSignal.timeout(30_000) });
    if (response.status !== 200) throw new Error(`a generated answer was refused (${response.status}): ${r.body}\n${(await response.text()).slice(0, 500)}`);
  }
  log(`all ${requests.length} generated answer shapes accepted (${[...new Set(attempt.items.map((i) => i.type))].join(', ')})`);
}

// ---------------------------------------------------------------------------------------------
// Load sections

type Target = 'passage' | 'bare' | 'shape' | 'noop' | 'floor';
const TARGETS: Target[] = ['passage', 'bare', 'shape', 'noop', 'floor'];

interface LoadContext {
  passage: Service;
  bare: Service;
  floor: Service;
  learners: LearnerHandle[];
  attempts: AttemptHandle[];
  itemIds: string[];
}

interface Aggregate {
  endpoint: string;
  target: Target;
  connections: number;
  runs: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  truncated: number;
  serverCores: number;
  clientCores: number;
  otherCores: number;
}

function aggregate(results: LoadResult[]): Aggregate[] {
  const groups = new Map<string, LoadResult[]>();
  for (const r of results) {
    const key = `${r.endpoint}|${r.target}|${r.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const statusCodes: Record<string, number> = {};
    for (const r of rs) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
    const sum = (f: (r: LoadResult) => number) => rs.reduce((a, r) => a + f(r), 0);
    const med = (f: (r: LoadResult) => number) => round(median(rs.map(f)), 2);
    return {
      endpoint: rs[0]!.endpoint,
      target: rs[0]!.target as Target,
      connections: rs[0]!.connections,
      runs: rs.length,
      rps: med((r) => r.rps),
      p50: med((r) => r.p50),
      p99: med((r) => r.p99),
      requests: sum((r) => r.requests),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      statusCodes,
      truncated: rs.filter((r) => r.truncated).length,
      serverCores: med((r) => r.serverCores),
      clientCores: med((r) => r.clientCores),
      otherCores: med((r) => r.otherCores),
    };
  });
}

async function loadSection(endpoint: 'answers' | 'reviews', ctx: LoadContext, connectionsList: number[], runs: number, seconds: number, targets: Target[] = TARGETS): Promise<LoadResult[]> {
  const { passage, bare, floor } = ctx;
  const serverOf = (t: Target) => (t === 'floor' ? floor : t === 'bare' || t === 'shape' ? bare : passage);
  const bystanders = (t: Target) => [passage, bare, floor].filter((s) => s !== serverOf(t));
  const urlOf = (t: Target) => serverOf(t).url;
  const sources = {} as Record<Target, RequestSource>;
  let ensure: (t: Target, need: number) => Promise<void> = async () => {};

  if (endpoint === 'answers') {
    const pools: Record<'passage' | 'floor', RequestPool> = { passage: new RequestPool(), floor: new RequestPool() };
    // The floor's database is a copy taken before any answer: the same attempts are fresh there.
    pools.passage.add(answerRequests(ctx.attempts, idMaker('pa')));
    pools.floor.add(answerRequests(ctx.attempts, idMaker('fa')));
    const sample = pools.passage.peek(2000);
    let n = 0;
    sources.noop = generated(() => ({ ...sample[n++ % sample.length]!, path: '/api/bench/noop' }));
    let b = 0;
    sources.bare = generated(() => ({ ...sample[b++ % sample.length]!, path: '/api/noop' }));
    let s = 0;
    sources.shape = generated(() => sample[s++ % sample.length]!);
    sources.passage = pools.passage;
    sources.floor = pools.floor;
    const floorDb = openDb(floorDbFile);
    const cloneAttempt = floorDb.prepare(`INSERT INTO QuizAttempt (id, learnerId, setId, itemIds, seed, startedAt) SELECT ?, learnerId, setId, itemIds, seed, ? FROM QuizAttempt WHERE id = ?`);
    let batchNo = 0;
    ensure = async (t, need) => {
      if (t === 'noop' || t === 'bare' || t === 'shape') return;
      const pool = pools[t];
      const batches = Math.ceil(Math.max(0, need - pool.remaining()) / (ctx.attempts.length * (ctx.attempts[0]?.items.length ?? 1)));
      for (let b = 0; b < batches; b++) {
        batchNo++;
        let fresh: AttemptHandle[];
        if (t === 'passage') {
          // More attempts through the API, one more per learner.
          fresh = await createAttempts(passage.url, ctx.learners);
        } else {
          // The floor has no API of its own: copies of the API-made attempts (same learner, items, seed).
          const now = new Date().toISOString().replace('Z', '+00:00');
          fresh = floorDb.transaction(() =>
            ctx.attempts.map((a) => {
              const id = randomId();
              cloneAttempt.run(id, now, a.attemptId);
              return { ...a, attemptId: id };
            }),
          )();
        }
        pool.add(answerRequests(fresh, idMaker(`${t[0]}${batchNo}`)));
      }
      if (batches > 0) log(`  ${t}: ${pool.remaining().toLocaleString('en-US')} fresh answers ready`);
    };
  } else {
    const tokens = ctx.learners.map((l) => l.token);
    const review = (make: () => string, urlPath: string) =>
      generated((i): PlannedRequest => ({
        path: urlPath,
        token: tokens[i % tokens.length]!,
        body: JSON.stringify({ reviewId: make(), itemId: ctx.itemIds[(Math.floor(i / tokens.length) + i) % ctx.itemIds.length], rating: 'good', durationMs: 1000 }),
      }));
    sources.passage = review(idMaker('pr'), '/api/v1/reviews');
    sources.noop = review(idMaker('nr'), '/api/bench/noop');
    sources.bare = review(idMaker('br'), '/api/noop');
    sources.shape = review(idMaker('sr'), '/api/v1/reviews');
    sources.floor = review(idMaker('fr'), '/api/v1/reviews');
  }

  const expected: Record<Target, number> = { passage: 1500, bare: 5000, shape: 5000, noop: 5000, floor: 10_000 };
  const one = async (t: Target, connections: number, secs: number) => {
    await ensure(t, Math.ceil(expected[t] * secs * 1.5) + connections * 4);
    // Drain what the last run left queued; give other work on the machine a few seconds to end.
    await settle([passage, bare, floor], { idleMs: 60_000, quietMs: 3000 });
    const result = await withTimeout(
      runLoad({
        url: urlOf(t),
        target: t,
        endpoint,
        source: sources[t],
        connections,
        seconds: secs,
        serverCpuSeconds: () => serverOf(t).cpuSeconds(),
        bystanderCpuSeconds: () => bystanders(t).reduce((sum, s) => sum + s.cpuSeconds(), 0),
      }),
      (secs + 60) * 1000,
      `${endpoint} ${t} @${connections}`,
    );
    expected[t] = Math.max(expected[t], result.rps);
    return result;
  };

  log(`${endpoint}: warming up each target (${config.warmupSeconds} s at 64 connections)`);
  for (const t of targets) await one(t, 64, config.warmupSeconds);
  const results: LoadResult[] = [];
  for (const connections of connectionsList) {
    for (let run = 1; run <= runs; run++) {
      for (const t of targets) {
        const r = await one(t, connections, seconds);
        results.push(r);
        log(
          `${endpoint} ${t.padEnd(7)} @${String(connections).padStart(3)} run ${run}: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ` +
            `non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}; CPU server ${r.serverCores.toFixed(2)}, bench ${r.clientCores.toFixed(2)}, other ${r.otherCores.toFixed(2)} cores` +
            (r.truncated ? ' (pool ran out: run cut short)' : '') +
            failuresOf(r),
        );
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// The report

interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const rows: Row[] = [];
const row = (section: string, figure: string, value: string, target = '', ok: boolean | null = null) => rows.push({ section, figure, value, target, ok });

function loadRows(section: 'answers' | 'reviews', aggregates: Aggregate[]) {
  const find = (t: Target, c: number) => aggregates.find((a) => a.endpoint === section && a.target === t && a.connections === c);
  const clean = (a: Aggregate) => (a.non2xx + a.errors + a.timeouts === 0 ? null : false);
  const ratio = (a: number, b: number | undefined) => (b && b > 0 ? fmt(a / b) : '—');
  for (const c of config.connections) {
    const p = find('passage', c);
    const b = find('bare', c);
    const s = find('shape', c);
    const n = find('noop', c);
    const f = find('floor', c);
    if (!p) continue;
    const gated = c === 16 || c === 64;
    if (b) {
      const share = b.rps > 0 ? p.rps / b.rps : 0;
      row(section, `@${c} Passage / bare Next (req/s)`, ratio(p.rps, b.rps), gated ? '≥ 0.6 (stretch 0.8)' : '', gated ? share >= 0.6 : null);
      if (c === 16) row(section, `@${c} Passage p99 / bare Next p99`, ratio(p.p99, b.p99), '≤ 4', b.p99 > 0 ? p.p99 / b.p99 <= 4 : false);
    }
    row(section, `@${c} Passage req/s · p50 / p99 ms`, `${fmt(p.rps)} · ${fmt(p.p50)} / ${fmt(p.p99)}`, '');
    const failures = p.non2xx + p.errors + p.timeouts;
    row(section, `@${c} Passage non-2xx / errors`, `${p.non2xx} / ${p.errors + p.timeouts} of ${p.requests.toLocaleString('en-US')}`, '0', failures === 0);
    if (b) row(section, `@${c} bare Next req/s · p50 / p99 ms`, `${fmt(b.rps)} · ${fmt(b.p50)} / ${fmt(b.p99)}`, '', clean(b));
    if (s) row(section, `@${c} bare Next, same request req/s · p50 / p99 ms`, `${fmt(s.rps)} · ${fmt(s.p50)} / ${fmt(s.p99)}`, '', clean(s));
    if (n) row(section, `@${c} in-app no-op req/s · p50 / p99 ms`, `${fmt(n.rps)} · ${fmt(n.p50)} / ${fmt(n.p99)}`, '', clean(n));
    if (f) row(section, `@${c} node:http floor req/s · p50 / p99 ms`, `${fmt(f.rps)} · ${fmt(f.p50)} / ${fmt(f.p99)}`, '', clean(f));
    if (s) row(section, `@${c} Passage / bare Next, same request (req/s)`, ratio(p.rps, s.rps), '');
    if (n) row(section, `@${c} Passage / in-app no-op (req/s)`, ratio(p.rps, n.rps), '');
    if (f) row(section, `@${c} Passage / floor (req/s)`, ratio(p.rps, f.rps), '');
    row(section, `@${c} CPU cores: server · bench · other`, `${p.serverCores.toFixed(2)} · ${p.clientCores.toFixed(2)} · ${p.otherCores.toFixed(2)}`, '');
  }
}

function printTable(): void {
  const mark = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'MISS');
  const cells = rows.map((r) => [r.section, r.figure, r.value, r.target, mark(r.ok)]);
  const head = ['section', 'figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  let last = '';
  for (const c of cells) {
    if (last && c[0] !== last) console.log('');
    last = c[0]!;
    console.log(line(c));
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// Main

interface DueQueueOutput {
  sql: string;
  plan: string[];
  usesIndex: boolean;
  results: { cards: number; learners: number; dueForLearner: number; queueCards: number; buildSeconds: number; raw: { p50: number; p99: number; runs: number }; getReviewQueue: { p50: number; p99: number; runs: number }; plan: string[] }[];
}

async function profileRun(what: 'answers' | 'reviews' | 'noop'): Promise<void> {
  const endpoint = what === 'noop' ? 'answers' : what;
  const profileDir = path.join(tmp, 'profile');
  fs.mkdirSync(profileDir);
  const passage = await startPassage(profileDir);
  const learners = await createLearners(passage.url, config.learners);
  const attempts = await createAttempts(passage.url, learners);
  const itemIds = await liveItemIds(passage.url);
  await snapshotForFloor();
  const floor = await startFloor();
  const bare = await startBareNext();
  const results = await loadSection(endpoint, { passage, bare, floor, learners, attempts, itemIds }, [64], 1, 10, [what === 'noop' ? 'noop' : 'passage']);
  const r = results[0]!;
  await passage.stop(30_000);
  await floor.stop();
  await bare.stop();
  const profiles = fs.readdirSync(profileDir).map((f) => path.join(profileDir, f));
  if (profiles.length === 0) throw new Error('the server wrote no CPU profile (did it exit cleanly?)');
  const biggest = profiles.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const summary = summarizeProfile(biggest, 25, r.windowUs);
  const kept = path.join(os.tmpdir(), `passage-bench-${what}-${Date.now()}.cpuprofile`);
  fs.copyFileSync(biggest, kept);
  console.log(
    `\nCPU profile of the server's main thread during one 10 s run of ${what === 'noop' ? 'POST /api/bench/noop' : endpoint} at 64 connections (${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms; ` +
      `server ${r.serverCores.toFixed(2)} cores, other processes ${r.otherCores.toFixed(2)} cores).\n` +
      `${summary.windowed ? 'Samples of that run only' : 'Samples of the whole server life (the run window did not match the profile clock)'}: ${fmt(summary.seconds)} s, main thread busy ${summary.busyShare} %. Shares below are of the busy time. Saved as ${kept}`,
  );
  console.log('\nSelf time by package:');
  for (const p of summary.packages) console.log(`  ${String(p.share).padStart(5)} %  ${String(p.selfMs).padStart(6)} ms  ${p.name}`);
  console.log('\nHottest functions (self time):');
  for (const f of summary.functions) console.log(`  ${String(f.share).padStart(5)} %  ${String(f.selfMs).padStart(6)} ms  ${f.name}  ${f.where}`);
}

const failures: string[] = [];

/** Runs one section; a failure is reported in the table and the exit code, and the rest still run. */
async function section(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nbench: ${name} failed: ${error instanceof Error ? error.stack ?? message : message}\n`);
    failures.push(name);
    row(name, 'FAILED', message.split('\n')[0]!.slice(0, 120), '', false);
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${quick ? 'quick' : 'full'} run of ${[...only].join(', ')}; temporary files in ${tmp}`);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  log(`load average before starting: ${load}`);

  const needsServer = flags.profile !== undefined || ['answers', 'reviews', 'pages', 'page-weight', 'next-card', 'workers'].some((s) => only.has(s as Section));
  if (needsServer) {
    runStep('build (if sources changed)', process.execPath, ['scripts/ensure-build.mjs'], { timeoutMs: 900_000 });
    runStep('prepare the temporary database', 'npx', ['tsx', '--conditions=react-server', 'scripts/prepare-db.ts'], { env: appEnv(), timeoutMs: 180_000 });
    const seeded = seedBackground(dbFile, config.backgroundLearners);
    log(`seeded ${seeded.learners} background learners: ${seeded.cards.toLocaleString('en-US')} cards, ${seeded.reviewLogs.toLocaleString('en-US')} review logs, ${seeded.responses.toLocaleString('en-US')} quiz answers (${seeded.seconds.toFixed(1)} s)`);
  }
  if (flags.profile) return profileRun(flags.profile);

  const details: Record<string, unknown> = {};
  const passage = needsServer ? await startPassage() : null;
  const bare = passage && ['answers', 'reviews', 'pages', 'page-weight'].some((s) => only.has(s as Section)) ? await startBareNext() : null;

  if (passage && (only.has('answers') || only.has('reviews'))) await section('load', async () => {
    log(`creating ${config.learners} learners and an attempt each through the API`);
    const t0 = Date.now();
    const learners = await createLearners(passage.url, config.learners);
    const attempts = await createAttempts(passage.url, learners);
    const itemIds = await liveItemIds(passage.url);
    log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${attempts.length} attempts of ${attempts[0]?.items.length} questions, ${itemIds.length} items to review`);
    const [spare] = await createAttempts(passage.url, [learners[0]!]);
    await checkAnswerShapes(passage.url, spare!);
    await snapshotForFloor();
    const floor = await startFloor();
    const ctx: LoadContext = { passage, bare: bare!, floor, learners, attempts, itemIds };
    const all: LoadResult[] = [];
    for (const endpoint of ['answers', 'reviews'] as const) {
      if (!only.has(endpoint)) continue;
      all.push(...(await loadSection(endpoint, ctx, config.connections, config.runs, config.seconds)));
    }
    const aggregates = aggregate(all);
    if (only.has('answers')) loadRows('answers', aggregates);
    if (only.has('reviews')) loadRows('reviews', aggregates);
    const memory = { passage: groupPeakRssMiB(passage.child.pid!), bare: groupPeakRssMiB(bare!.child.pid!) };
    row('load', 'server peak resident memory, MiB: Passage · bare Next', `${fmt(memory.passage)} · ${fmt(memory.bare)}`);
    details.load = { memory, config: { runs: config.runs, seconds: config.seconds, connections: config.connections, learners: config.learners }, aggregates, runs: all };
    await floor.stop();
  });

  if (passage && only.has('workers')) await section('workers', async () => {
    const two = await startWorkers(2);
    const learners = await createLearners(passage.url, config.learners);
    const pool = new RequestPool();
    const answerIds = idMaker('wk');
    const targets = [
      { name: '1 process', service: passage },
      { name: '2 processes', service: two },
    ];
    const results = new Map<string, number[]>();
    const perCpu = new Map<string, number[]>();
    for (const connections of [16, 64]) {
      for (let run = 0; run <= config.runs; run++) {
        for (const { name, service } of targets) {
          const seconds = run === 0 ? config.warmupSeconds : config.seconds;
          while (pool.remaining() < 2000 * seconds) pool.add(answerRequests(await createAttempts(passage.url, learners), answerIds));
          await settle([passage, two], { idleMs: 60_000, quietMs: 3000 });
          const r = await withTimeout(
            runLoad({ url: service.url, target: name, endpoint: 'answers', source: pool, connections, seconds, serverCpuSeconds: () => service.cpuSeconds(), bystanderCpuSeconds: () => 0 }),
            (seconds + 60) * 1000,
            `workers ${name} @${connections}`,
          );
          if (run === 0) continue;
          const key = `${name}@${connections}`;
          results.set(key, [...(results.get(key) ?? []), r.rps]);
          // Answers per CPU-second of the server's processes (npm start's primary included): what the machine's cores would give when nothing else runs.
          perCpu.set(key, [...(perCpu.get(key) ?? []), r.serverCores > 0 ? r.rps / r.serverCores : 0]);
          log(`workers ${name} @${connections} run ${run}: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}; CPU server ${r.serverCores.toFixed(2)}, other ${r.otherCores.toFixed(2)} cores${failuresOf(r)}`);
          if (r.non2xx + r.errors + r.timeouts > 0) row('workers', `${name} @${connections} non-2xx / errors`, String(r.non2xx + r.errors + r.timeouts), '0', false);
        }
      }
      const one = median(results.get(`1 process@${connections}`)!);
      const both = median(results.get(`2 processes@${connections}`)!);
      row('workers', `answers @${connections} req/s: 1 process · 2 processes`, `${fmt(one)} · ${fmt(both)}`, '');
      row('workers', `answers @${connections} 2 processes / 1`, fmt(both / one), '');
      row(
        'workers',
        `answers @${connections} per server CPU-second: 1 process · 2 processes`,
        `${fmt(median(perCpu.get(`1 process@${connections}`)!))} · ${fmt(median(perCpu.get(`2 processes@${connections}`)!))}`,
        '',
      );
    }
    await two.stop();

    // 1, 2 and 3 instances on each database, @64: SQLite (one file) and PostgreSQL (a throwaway
    // durable server on this machine). One set of instances runs at a time.
    const instances = new Map<string, number>();
    const measureInstances = async (db: string, env: NodeJS.ProcessEnv) => {
      for (const count of [1, 2, 3]) {
        const service = await startWorkers(count, env, `${db} ×${count}`);
        try {
          const own = await createLearners(service.url, 200);
          const source = new RequestPool();
          const rates: number[] = [];
          for (let run = 0; run <= config.runs; run++) {
            const seconds = run === 0 ? config.warmupSeconds : config.seconds;
            while (source.remaining() < 2000 * seconds) source.add(answerRequests(await createAttempts(service.url, own), answerIds));
            await settle([service], { idleMs: 60_000, quietMs: 3000 });
            const r = await withTimeout(
              runLoad({ url: service.url, target: `${db} ×${count}`, endpoint: 'answers', source, connections: 64, seconds, serverCpuSeconds: () => service.cpuSeconds(), bystanderCpuSeconds: () => 0 }),
              (seconds + 60) * 1000,
              `instances ${db} ×${count}`,
            );
            if (run === 0) continue;
            rates.push(r.rps);
            log(`instances ${db} ×${count} @64 run ${run}: ${fmt(r.rps)} req/s, p99 ${fmt(r.p99)} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}${failuresOf(r)}`);
            if (r.non2xx + r.errors + r.timeouts > 0) row('workers', `${db} ×${count} non-2xx / errors`, String(r.non2xx + r.errors + r.timeouts), '0', false);
          }
          instances.set(`${db} ×${count}`, median(rates));
        } finally {
          await service.stop();
        }
      }
      row('workers', `answers @64 req/s, ${db}: 1 · 2 · 3 instances`, [1, 2, 3].map((n) => fmt(instances.get(`${db} ×${n}`)!)).join(' · '), '');
    };
    await measureInstances('SQLite', appEnv());
    let pg: PgServer | null = null;
    try {
      pg = await startPgServer({ durable: true });
      const url = await pg.createDatabase('passage_bench');
      const env = { ...process.env, DATABASE_URL: url, BETTER_AUTH_SECRET: randomId().repeat(3), ...benchEnv };
      runStep('prepare the PostgreSQL database', 'npx', ['tsx', '--conditions=react-server', 'scripts/prepare-db.ts'], { env, timeoutMs: 180_000 });
      await measureInstances('PostgreSQL', env);
    } catch (error) {
      row('workers', 'PostgreSQL instances', `not measured: ${(error as Error).message.split('\n')[0]}`, '', false);
    } finally {
      await pg?.stop();
    }
    details.workers = { rps: Object.fromEntries(results), perCpuSecond: Object.fromEntries(perCpu), instances: Object.fromEntries(instances) };
  });

  if (passage && bare && only.has('pages')) await section('pages', async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the teacher signs up in it`);
    log(`pages: ${config.pageLearners} learners with an attempt each, and a class of ${config.classSize} who answer and submit`);
    const learners = await createLearners(passage.url, config.pageLearners);
    const attempts = await createAttempts(passage.url, learners);
    const browser = await launchChromium();
    let classroom: Classroom;
    try {
      classroom = await seedClassroom(browser, passage.url, dbFile, config.classSize);
    } finally {
      await browser.close();
    }
    log(`  the class: ${classroom.students} students, ${classroom.answers.toLocaleString('en-US')} answers`);
    const cookieOf = (token: string) => `passage_learner=${token}`;
    const page = (service: Service, route: string, make: (i: number) => { path: string; cookie?: string }) => ({ service, route, source: generated((i) => ({ method: 'GET' as const, token: '', body: '', ...make(i) })) });
    const pages = [
      page(bare, 'bare Next page', () => ({ path: '/' })),
      page(passage, '/', (i) => ({ path: '/', cookie: cookieOf(learners[i % learners.length]!.token) })),
      page(passage, '/sets/[id]', (i) => ({ path: '/sets/key-facts', cookie: cookieOf(learners[i % learners.length]!.token) })),
      page(passage, '/quiz/[attemptId]', (i) => ({ path: `/quiz/${attempts[i % attempts.length]!.attemptId}`, cookie: cookieOf(attempts[i % attempts.length]!.token) })),
      page(passage, '/review', (i) => ({ path: '/review', cookie: cookieOf(learners[i % learners.length]!.token) })),
      page(passage, `/teach/assignments/[id], ${config.classSize} students`, () => ({ path: classroom.reportPath, cookie: classroom.teacherCookie })),
    ];
    const others = (service: Service) => [passage, bare].filter((s) => s !== service);
    const measured: { route: string; results: LoadResult[] }[] = [];
    for (const p of pages) {
      const results: LoadResult[] = [];
      for (let run = 0; run <= config.runs; run++) {
        await settle([passage, bare], { idleMs: 60_000, quietMs: 3000 });
        const r = await withTimeout(
          runLoad({ url: p.service.url, target: p.route, endpoint: 'pages', source: p.source, connections: 16, seconds: run === 0 ? config.warmupSeconds : config.seconds, serverCpuSeconds: () => p.service.cpuSeconds(), bystanderCpuSeconds: () => others(p.service).reduce((sum, s) => sum + s.cpuSeconds(), 0) }),
          (config.seconds + 60) * 1000,
          `pages ${p.route}`,
        );
        if (run === 0) continue;
        results.push(r);
        log(`pages ${p.route} run ${run}: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}${failuresOf(r)}`);
      }
      measured.push({ route: p.route, results });
    }
    const [floorPage, ...passagePages] = measured.map((m) => ({ route: m.route, rps: median(m.results.map((r) => r.rps)), p99: median(m.results.map((r) => r.p99)), failed: m.results.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0) }));
    row('pages', `@16 bare Next page req/s · p99 ms`, `${fmt(floorPage!.rps)} · ${fmt(floorPage!.p99)}`, '');
    for (const p of passagePages) {
      row('pages', `@16 ${p.route} req/s · p99 ms`, `${fmt(p.rps)} · ${fmt(p.p99)}`, '');
      row('pages', `@16 ${p.route} / bare Next page (req/s)`, fmt(p.rps / floorPage!.rps), '');
      if (p.failed) row('pages', `@16 ${p.route} non-2xx / errors`, String(p.failed), '0', false);
    }

    // Answering while the class's teachers watch: the live report must not starve the students.
    const pool = new RequestPool();
    const answerIds = idMaker('pg');
    const quiet: LoadResult[] = [];
    const watched: LoadResult[] = [];
    let polls = { polls: 0, notModified: 0, failures: 0 };
    for (let run = 0; run < config.runs * 2; run++) {
      const needed = 1500 * config.seconds;
      while (pool.remaining() < needed) pool.add(answerRequests(await createAttempts(passage.url, learners), answerIds));
      const poller = run % 2 === 1 ? pollReports(passage.url, classroom, config.pollingTeachers, config.pollEveryMs) : null;
      await settle([passage, bare], { idleMs: 60_000, quietMs: poller ? 0 : 3000 });
      const r = await runLoad({ url: passage.url, target: poller ? 'passage+reports' : 'passage', endpoint: 'answers', source: pool, connections: 16, seconds: config.seconds, serverCpuSeconds: () => passage.cpuSeconds(), bystanderCpuSeconds: () => bare.cpuSeconds() });
      if (poller) {
        const p = await poller.stop();
        polls = { polls: polls.polls + p.polls, notModified: polls.notModified + p.notModified, failures: polls.failures + p.failures };
      }
      (poller ? watched : quiet).push(r);
      log(`answers @16 ${poller ? `with ${config.pollingTeachers} reports polling` : 'with no report open'}: ${fmt(r.rps)} req/s, p99 ${fmt(r.p99)} ms`);
    }
    const quietRps = median(quiet.map((r) => r.rps));
    const watchedRps = median(watched.map((r) => r.rps));
    row('pages', `@16 answers req/s, no report open · ${config.pollingTeachers} reports polling every ${config.pollEveryMs / 1000} s`, `${fmt(quietRps)} · ${fmt(watchedRps)}`, '');
    row('pages', `answers with reports polling / without`, fmt(watchedRps / quietRps), '≥ 0.8', watchedRps / quietRps >= 0.8);
    row('pages', `report polls answered (304 not modified, failed)`, `${polls.polls} (${polls.notModified}, ${polls.failures})`, '0 failed', polls.failures === 0);
    details.pages = { measured, quiet, watched, polls, classroom: { students: classroom.students, answers: classroom.answers } };
  });

  if (passage && only.has('page-weight')) await section('page weight', async () => {
    log('page weight: first-load JavaScript per route');
    const [learner] = await createLearners(passage.url, 1);
    const [attempt] = await createAttempts(passage.url, [learner!]);
    const cookie = `passage_learner=${learner!.token}`;
    const routes: { route: string; path: string; cookie: string }[] = [
      { route: '/', path: '/', cookie },
      { route: '/quiz/[attemptId]', path: `/quiz/${attempt!.attemptId}`, cookie },
      { route: '/review', path: '/review', cookie },
    ];
    const teach = fs.existsSync(path.join(root, 'app/teach/assignments/[id]/page.tsx'));
    let teachNote = 'no such route in this build';
    const weights: RouteWeight[] = [];
    let browser: Browser | null = null;
    try {
      browser = fs.existsSync(CHROMIUM) ? await launchChromium() : null;
      if (teach) {
        const report = browser ? await openTeacherReport(browser, passage.url) : { error: 'needs Chromium to sign a teacher up' };
        if ('path' in report) routes.push({ route: '/teach/assignments/[id]', ...report });
        else teachNote = `present, not measured: ${report.error}`;
      }
      for (const r of routes) {
        const html = await htmlScriptWeight(passage.url, r.route, r.path, r.cookie);
        const seen = browser ? await browserScriptWeight(browser, passage.url, r.path, r.cookie) : null;
        weights.push({ ...html, browserScripts: seen?.scripts ?? null, browserGzipKB: seen?.gzipKB ?? null });
      }
    } finally {
      await browser?.close();
    }
    for (const w of weights) {
      const target = w.route === '/quiz/[attemptId]' || w.route === '/review' ? 130 : null;
      row('page weight', `${w.route} first-load JS, gzip kB (${w.scripts} <script src>, ${fmt(w.rawKB)} kB raw)`, fmt(w.gzipKB), target ? `≤ ${target}` : '', target ? w.gzipKB <= target : null);
      if (w.browserGzipKB !== null) row('page weight', `${w.route} JS Chromium fetched, gzip kB (${w.browserScripts} files)`, fmt(w.browserGzipKB), '');
      if (w.status !== 200) row('page weight', `${w.route} HTTP status`, String(w.status), '200', false);
    }
    if (!weights.some((w) => w.route === '/teach/assignments/[id]')) row('page weight', '/teach/assignments/[id]', teachNote, '');
    const served = weights.filter((w) => w.status === 200);
    if (served.length > 1) {
      const counted = (w: RouteWeight) => w.files.filter((f) => !f.nomodule);
      const shared = counted(served[0]!).filter((f) => served.every((w) => counted(w).some((g) => g.src === f.src)));
      const sharedKB = round(shared.reduce((sum, f) => sum + f.gzipKB, 0), 1);
      row('page weight', `shared by all ${served.length} routes (React, Next's runtime, the root layout), gzip kB`, fmt(sharedKB), '');
      for (const w of served) row('page weight', `${w.route} beyond the shared files, gzip kB`, fmt(round(w.gzipKB - sharedKB, 1)), '');
      details.pageWeightShared = { files: shared, gzipKB: sharedKB };
    }
    if (bare) {
      const floor = await htmlScriptWeight(bare.url, 'bare Next page', '/');
      row('page weight', `bare Next page first-load JS, gzip kB (the framework's floor)`, fmt(floor.gzipKB), '');
      for (const w of served) {
        const above = round(w.gzipKB - floor.gzipKB, 1);
        row('page weight', `${w.route} above the bare Next floor, gzip kB`, fmt(above), '≤ 10', above <= 10);
      }
      details.pageWeightFloor = floor;
    }
    const polyfills = Math.max(...weights.map((w) => w.nomoduleGzipKB));
    if (polyfills > 0) row('page weight', 'nomodule polyfills (not counted: no current browser runs them), gzip kB', fmt(polyfills), '');
    details.pageWeight = { routes: weights, teachRoutePresent: teach };
  });

  if (passage && only.has('next-card')) await section('next card', async () => {
    if (!fs.existsSync(CHROMIUM)) {
      row('next card', 'Chromium', `not found at ${CHROMIUM}`, '', false);
    } else {
      log(`next card: ${config.ratings} ratings in Chromium`);
      const browser = await launchChromium();
      let result: NextCardResult;
      try {
        result = await withTimeout(nextCardLatency(browser, passage.url, dbFile, config.ratings), 300_000, 'next-card measurement');
      } finally {
        await browser.close();
      }
      row('next card', `'3' → next card painted, p50 / p95 ms (${result.ratings - result.missed} ratings)`, `${fmt(result.paintP50)} / ${fmt(result.paintP95)}`, 'p95 ≤ 50', result.paintP95 <= 50);
      row('next card', `'3' → next card in the DOM, p50 / p95 ms`, `${fmt(result.domP50)} / ${fmt(result.domP95)}`, '');
      if (result.missed) row('next card', 'ratings with no next card seen within 10 s', String(result.missed), '0', false);
      details.nextCard = result;
    }
  });

  if (passage) await passage.stop();
  if (bare) await bare.stop();

  if (only.has('due-queue')) await section('due queue', async () => {
    const dir = path.join(tmp, 'due-queue');
    const out = path.join(dir, 'result.json');
    runStep('due queue at scale', 'npx', ['tsx', '--conditions=react-server', 'scripts/bench/due-queue.ts', `--dir=${dir}`, `--out=${out}`, `--scales=${config.dueScales.join(',')}`, `--runs=${config.dueRuns}`], { timeoutMs: 900_000 });
    const due = JSON.parse(fs.readFileSync(out, 'utf8')) as DueQueueOutput;
    for (const r of due.results) {
      const at1M = r.cards >= 1_000_000;
      const label = r.cards >= 1_000_000 ? `${r.cards / 1_000_000}M` : r.cards >= 1000 ? `${r.cards / 1000}k` : String(r.cards);
      row('due queue', `${label} cards: indexed SQL p50 / p99 ms`, `${fmt(r.raw.p50)} / ${fmt(r.raw.p99)}`, at1M ? 'p50 ≤ 2' : '', at1M ? r.raw.p50 <= 2 : null);
      row('due queue', `${label} cards: getReviewQueue() p50 / p99 ms`, `${fmt(r.getReviewQueue.p50)} / ${fmt(r.getReviewQueue.p99)}`, at1M ? 'p50 ≤ 2' : '', at1M ? r.getReviewQueue.p50 <= 2 : null);
    }
    row('due queue', `query plan: ${due.plan.join('; ')}`, due.usesIndex ? 'indexed' : 'NOT indexed', 'Card_learnerId_due_idx', due.usesIndex);
    details.dueQueue = due;
  });

  printTable();
  const results = {
    timestamp: new Date().toISOString(),
    machine: { ...machine, loadAverageBefore: load },
    mode: quick ? 'quick' : 'full',
    sections: [...only],
    failed: failures,
    notes: [
      'Load: autocannon in this process, one request in flight per connection; every answer is a new answer to an unanswered question of the learner\'s own attempt, every review a new reviewId. req/s counts 2xx answers only; latencies are per response (ms). Medians over the runs.',
      'bare Next: scripts/bench/bare-next, an app built with the installed next whose route handler /api/noop returns { ok: true }, with no proxy, no instrumentation and no headers of its own: the framework\'s ceiling, and the headline ratio.',
      "bare Next, same request: Passage's very requests (path, Bearer token, JSON body) sent to the same bare app, whose routes at Passage's paths read the dynamic segment, the token through headers() and the body, and reply with a small JSON: what Next itself spends on such a request, Passage's code left out.",
      'in-app no-op: POST /api/bench/noop on the same Passage server (a route handler returning { ok: true }, behind whatever Passage runs for every request).',
      'floor: scripts/bench/floor-server.mjs (node:http + better-sqlite3, WAL, synchronous=NORMAL) on a copy of the same database, the same SQL statements per request, without grading or FSRS; its extra attempts are SQL copies of the API-made ones.',
      'CPU cores: server = the server process group, bench = this process (autocannon), other = the rest of the machine; a busy machine makes every figure worse.',
      'Page weight: gzip -9 of every <script src> in the HTML (nomodule polyfills left out), in kB of 1000 bytes.',
    ],
    seconds: Math.round((Date.now() - startedAt) / 1000),
    rows,
    details,
  };
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`wrote bench/results.json (${results.seconds} s in all)`);
  if (failures.length) throw new Error(`these sections failed: ${failures.join(', ')}`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    await cleanup().catch(() => {});
    process.exit(1);
  });
