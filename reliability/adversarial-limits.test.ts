// An adversarial student, a stranger and a guesser against a real production server: limits that
// hold without locking out anyone else, growth that is bounded, deleted data that is gone from the
// file, and the production surface. Clients with different addresses are real: each request is
// sent from its own loopback address (127.0.0.0/8 all reaches the server on 127.0.0.1), so the
// server sees their sockets, not headers they wrote.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeacherRef } from '@/server/auth';
import { mapLimit } from '@/lib/collections/map-limit';
import { startServer, type TestServer } from './server';
import { createQuizAssignment, prepareDatabase, type QuizAssignment, type TestDatabase } from './support';

let database: TestDatabase | undefined;
let server: TestServer | undefined;
let teacher: TeacherRef;
let assignment: QuizAssignment;
const TEACHER = { name: 'Ms Guarded', email: 'guarded@school.test', password: 'correct horse battery staple' };

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request from the loopback address `from` (e.g. '127.0.0.5'). */
function send(
  from: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; json?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server!.port,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        localAddress: from,
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the form on `page` that has a field named `field` (a server action's form). */
async function hiddenFields(from: string, page: string, field: string, cookie?: string): Promise<[string, string][]> {
  const html = (await send(from, page, { headers: cookie ? { cookie } : undefined })).text;
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((f) => f.includes(`name="${field}"`));
  if (!form) throw new Error(`no form with ${field} on ${page}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [
    unescape(m[1]!),
    unescape(m[2] ?? ''),
  ]);
}

/** Posts a form as a browser without JavaScript would (a server action's progressive enhancement), multipart, to the page's own URL. */
async function postForm(
  from: string,
  page: string,
  hidden: [string, string][],
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null } = {},
): Promise<Reply> {
  const data = new FormData();
  for (const [k, v] of hidden) data.append(k, v);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const encoded = new Request('http://x/', { method: 'POST', body: data });
  const headers: Record<string, string> = { 'content-type': encoded.headers.get('content-type')! };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null) headers.origin = options.origin ?? `http://127.0.0.1:${server!.port}`;
  return send(from, page, { method: 'POST', headers, body: new Uint8Array(await encoded.arrayBuffer()) });
}

/** Loads `page` and submits its form (the one with a field named `formWith`, or the first of `fields`). */
async function submitForm(
  from: string,
  page: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null; formWith?: string } = {},
): Promise<Reply> {
  return postForm(from, page, await hiddenFields(from, page, options.formWith ?? Object.keys(fields)[0]!, options.cookie), fields, options);
}

const signInByForm = (from: string, email: string, password: string) => submitForm(from, '/teach/sign-in', { email, password });
const signInByApi = (from: string, email: string, password: string, headers: Record<string, string> = {}) =>
  send(from, '/api/auth/sign-in/email', { json: { email, password }, headers });
const join = (from: string, code: string, nickname: string) => send(from, '/api/v1/assignments/join', { json: { code, nickname } });
const wrongCode = (i: number) =>
  `WR${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i % 31]}${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[Math.floor(i / 31) % 31]}Q7`;
const cookieFrom = (reply: Reply, name: string) => (reply.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0];

beforeAll(async () => {
  database = await prepareDatabase();
  server = await startServer({ databaseFile: database.file });
  const signUp = await send('127.0.0.20', '/api/auth/sign-up/email', { json: TEACHER });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${signUp.text.slice(0, 300)}`);
  const user = signUp.json().user as TeacherRef;
  teacher = { id: user.id, name: user.name, email: user.email };
  assignment = await createQuizAssignment(teacher, 'Guarded quiz', { count: 5 });
});

afterAll(async () => {
  await server?.stop();
  await database?.cleanup();
});

describe('guessing is bounded without locking out anyone else', () => {
  it('rotating X-Forwarded-For (or any header) no longer gives unlimited password guesses at /api/auth/sign-in/email', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const forged = `203.0.113.${i + 1}`;
      statuses.push(
        (
          await signInByApi('127.0.0.2', TEACHER.email, `wrong password ${i}`, {
            'x-forwarded-for': forged,
            'x-real-ip': forged,
            'x-passage-peer': forged,
            'x-passage-client': forged,
          })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Another client's correct password is not refused.
    expect((await signInByApi('127.0.0.3', TEACHER.email, TEACHER.password)).status).toBe(200);
  });

  it('sign-up does not say whether an email has an account, and probing is limited per address', async () => {
    const taken = await send('127.0.0.4', '/api/auth/sign-up/email', { json: { ...TEACHER, name: 'Someone' } });
    expect(taken.status).toBe(400);
    expect(taken.text).not.toMatch(/exists|is registered|is taken|in use/i);
    expect(taken.json().error.message).toBe(
      'Could not create an account with these details. If you already have an account, sign in instead.',
    );
    // The form says the same.
    const byForm = await submitForm('127.0.0.4', '/teach/sign-up', {
      name: 'Someone',
      email: TEACHER.email,
      password: 'another long password',
    });
    expect(byForm.text).not.toMatch(/already exists/i);
    // Probing is bounded per address: of 25 simultaneous sign-ups, those past the allowance wait their turn or are refused.
    const probes = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        send('127.0.0.4', '/api/auth/sign-up/email', {
          json: { name: 'Probe', email: `probe${i}@school.test`, password: 'a long enough password' },
        }),
      ),
    );
    expect(probes.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(10);
    expect(probes.find((r) => r.status === 429)!.headers['retry-after']).toMatch(/^\d+$/);
  }, 60_000);

  it('100 wrong sign-ins from one address over 100 emails do not refuse another client’s correct password (form and API)', async () => {
    // As fast as one client can: the form's fields fetched once, 100 posts, 50 at a time.
    const hidden = await hiddenFields('127.0.0.5', '/teach/sign-in', 'email');
    await mapLimit(
      Array.from({ length: 100 }, (_, i) => i),
      50,
      (i) => postForm('127.0.0.5', '/teach/sign-in', hidden, { email: `nobody${i}@school.test`, password: 'wrong password!' }),
    );
    const byForm = await signInByForm('127.0.0.6', TEACHER.email, TEACHER.password);
    expect(byForm.status).toBe(303);
    expect(byForm.headers.location).toMatch(/\/teach$/);
    const byApi = await signInByApi('127.0.0.6', TEACHER.email, TEACHER.password);
    expect(byApi.status).toBe(200);
  }, 120_000);

  it('300 wrong join codes from rotating addresses do not refuse a correct code from another client', async () => {
    const statuses = await mapLimit(
      Array.from({ length: 300 }, (_, i) => i),
      16,
      (i) => join(`127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`, wrongCode(i), 'Guesser'),
    );
    expect(statuses.every((r) => r.status === 404)).toBe(true);
    const right = await join('127.0.0.7', assignment.code, 'Asha');
    expect(right.status).toBe(201);
  }, 120_000);

  it('25 wrong codes from one shared school address do not lock out a correct code from the same address: it is only slowed', async () => {
    for (let i = 0; i < 25; i++) expect((await join('127.0.0.8', wrongCode(1000 + i), 'Guesser')).status).toBe(404);
    const started = Date.now();
    const right = await join('127.0.0.8', assignment.code, 'Ben');
    expect(right.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 120_000);

  it('a personal code works once, is replaced when used, and a leaked one stops working', async () => {
    const joined = await join('127.0.0.9', assignment.code, 'Chidi');
    expect(joined.status).toBe(201);
    const code = joined.json().personalCode as string;
    const first = await submitForm('127.0.0.10', `/a/${assignment.id}`, { code }, { formWith: 'code' });
    expect(cookieFrom(first, 'passage_learner')).toBeTruthy();
    // A classmate who saw the same code cannot use it again.
    const again = await submitForm('127.0.0.11', `/a/${assignment.id}`, { code }, { formWith: 'code' });
    expect(cookieFrom(again, 'passage_learner')).toBeUndefined();
    expect(again.text).toMatch(/does not belong to this assignment/);
  }, 60_000);
});

describe('growth is bounded and refused requests create nothing', () => {
  it('refuses a 5 MiB name (or an 81-character one) at better-auth’s own sign-up, and stores nothing', async () => {
    const users = () => {
      const db = new Database(database!.file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM user').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = users();
    const huge = await send('127.0.0.12', '/api/auth/sign-up/email', {
      json: { name: 'x'.repeat(5 * 1024 * 1024), email: 'huge@school.test', password: 'a long enough password' },
    });
    expect(huge.status).toBe(400);
    const long = await send('127.0.0.12', '/api/auth/sign-up/email', {
      json: { name: 'x'.repeat(81), email: 'long@school.test', password: 'a long enough password' },
    });
    expect(long.status).toBe(400);
    expect(long.json().error.message).toMatch(/name: Keep your name to 80 characters or fewer\./);
    expect(users()).toBe(before);
  });

  it('a join refused for a taken nickname leaves no learner behind', async () => {
    const count = () => {
      const db = new Database(database!.file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM Learner').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect((await join('127.0.0.13', assignment.code, 'Dana')).status).toBe(201);
    const before = count();
    const clash = await join('127.0.0.14', assignment.code, 'DANA');
    expect(clash.status).toBe(409);
    expect(cookieFrom(clash, 'passage_learner')).toBeUndefined();
    expect(count()).toBe(before);
  });

  it('after "Delete my data" and a checkpoint, the deleted name and answers are not in the database file', async () => {
    const marker = 'Quokkazanzibarre';
    const learner = await send('127.0.0.15', '/api/v1/learners', { method: 'POST' });
    const token = learner.json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    const started = await send('127.0.0.15', '/api/v1/attempts', { json: { setId: 'key-facts' }, headers: auth });
    expect(started.status).toBe(201);
    const { attemptId } = started.json() as { attemptId: string };
    const view = (await send('127.0.0.15', `/api/v1/attempts/${attemptId}`, { headers: auth })).json() as {
      items: { item: { id: string; type: string } }[];
    };
    const typed = view.items.find((i) => i.item.type === 'typed')!.item.id;
    const answered = await send('127.0.0.15', `/api/v1/attempts/${attemptId}/answers`, {
      json: { answerId: 'marker-answer-1', itemId: typed, response: { text: `${marker}Answer` } },
      headers: auth,
    });
    expect(answered.status).toBe(200);
    const cookie = `passage_learner=${token}`;
    await submitForm('127.0.0.15', '/settings', { displayName: `${marker}Name` }, { cookie, formWith: 'displayName' });
    const scan = () => {
      const db = new Database(database!.file);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      const files = [database!.file, `${database!.file}-wal`].filter((f) => fs.existsSync(f));
      return files.some((f) => fs.readFileSync(f).includes(marker));
    };
    expect(scan()).toBe(true);
    const deleted = await submitForm('127.0.0.15', '/settings/delete', { confirm: 'delete' }, { cookie });
    expect(deleted.status).toBe(303);
    expect(scan()).toBe(false);
  }, 60_000);
});

describe('the production surface', () => {
  it('has no bench no-op route outside the bench', async () => {
    expect((await send('127.0.0.16', '/api/bench/noop', { method: 'POST', json: {} })).status).toBe(404);
  });

  it('answers an undecodable percent-escape with a 4xx carrying the security headers, on the API and on pages', async () => {
    for (const path of ['/api/v1/sets/%', '/api/v1/attempts/%ED%A0%80', '/sets/%E0%A4%A', '/a/%FF']) {
      const reply = await send('127.0.0.16', path);
      expect(reply.status, path).toBe(400);
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
      expect(reply.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses a server action posted with a null or foreign Origin with 403 and the security headers', async () => {
    for (const origin of ['null', 'https://evil.example', `http://127.0.0.1:${server!.port + 1}`]) {
      const reply = await submitForm('127.0.0.17', '/teach/sign-in', { email: TEACHER.email, password: TEACHER.password }, { origin });
      expect(reply.status, origin).toBe(403);
      expect(reply.headers['x-frame-options'], origin).toBe('DENY');
      expect(reply.headers['set-cookie'], origin).toBeUndefined();
    }
  });

  it('answers server actions called by hand with wrong argument types without a 500, with the security headers', async () => {
    const problems: string[] = [];
    for (const page of [
      '/join',
      '/teach/sign-in',
      '/teach/sign-up',
      '/settings',
      '/settings/delete',
      `/a/${assignment.id}`,
      '/sets/timeline/quiz',
    ]) {
      const html = (await send('127.0.0.19', page)).text;
      const ids = new Set(
        [...html.matchAll(/&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;|name="\$ACTION_ID_([0-9a-f]{20,})"/g)].map((m) => m[1] ?? m[2]!),
      );
      if (ids.size === 0) problems.push(`${page}: no server action found`);
      for (const id of ids) {
        for (const body of ['[1,2]', '["x",null]', '{}', '[{"code":"ABCDEF"},"nickname"]']) {
          const reply = await send('127.0.0.19', page, {
            method: 'POST',
            body,
            headers: {
              'next-action': id,
              'content-type': 'text/plain;charset=UTF-8',
              accept: 'text/x-component',
              origin: `http://127.0.0.1:${server!.port}`,
            },
          });
          if (reply.status >= 500 || reply.headers['x-content-type-options'] !== 'nosniff')
            problems.push(`${page} ${id.slice(0, 8)} ${body} → ${reply.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('sends personal JSON with Cache-Control: no-store, and a CSP on HTML 404s under /api', async () => {
    const { token } = (await send('127.0.0.18', '/api/v1/learners', { method: 'POST' })).json() as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const { attemptId } = (await send('127.0.0.18', '/api/v1/attempts', { json: { setId: 'timeline' }, headers: auth })).json() as {
      attemptId: string;
    };
    for (const path of [`/api/v1/attempts/${attemptId}`, '/api/v1/reviews/queue', '/api/v1/me/export/passage-data.json']) {
      const reply = await send('127.0.0.18', path, { headers: auth });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toMatch(/no-store/);
    }
    const missing = await send('127.0.0.18', '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect(missing.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });
});
