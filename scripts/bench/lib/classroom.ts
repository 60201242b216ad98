// A class for the pages section: a teacher (signed up in Chromium), one quiz assignment, and
// students who join by code, answer every question and submit over the JSON API, so the
// teacher's report has a full class to render.
import type { Browser } from '@playwright/test';
import { mapLimit } from '../../../lib/collections/map-limit';
import { openTeacherReport } from './browser';
import { idMaker, responseFor, type PublicItem } from './load';
import { openDb } from './sqlite';

export interface Classroom {
  assignmentId: string;
  /** The teacher's report page and the JSON the page polls while it is open. */
  reportPath: string;
  reportApiPath: string;
  teacherCookie: string;
  students: number;
  answers: number;
}

async function post<T>(base: string, urlPath: string, token: string, body: unknown, expect: number): Promise<T> {
  const response = await fetch(base + urlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== expect) throw new Error(`POST ${urlPath} answered ${response.status} (expected ${expect}): ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function get<T>(base: string, urlPath: string, token: string): Promise<T> {
  const response = await fetch(base + urlPath, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${urlPath} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function seedClassroom(browser: Browser, base: string, dbFile: string, students: number): Promise<Classroom> {
  const report = await openTeacherReport(browser, base);
  if ('error' in report) throw new Error(`could not open a teacher report: ${report.error}`);
  const assignmentId = report.path.split('/').pop()!;
  const db = openDb(dbFile);
  let code: string;
  try {
    code = (db.prepare('SELECT code FROM Assignment WHERE id = ?').get(assignmentId) as { code: string }).code;
  } finally {
    db.close();
  }
  const answerId = idMaker('cls');
  const counts = await mapLimit(
    Array.from({ length: students }, (_, i) => i),
    8,
    async (i) => {
      const { token } = await post<{ token: string }>(base, '/api/v1/learners', '', {}, 201);
      await post(base, '/api/v1/assignments/join', token, { code, nickname: `Student ${i + 1}` }, 201);
      const { attemptId } = await post<{ attemptId: string }>(base, `/api/v1/assignments/${assignmentId}/attempts`, token, {}, 201);
      const { items } = await get<{ items: { item: PublicItem }[] }>(base, `/api/v1/attempts/${attemptId}`, token);
      for (const { item } of items) await post(base, `/api/v1/attempts/${attemptId}/answers`, token, { answerId: answerId(), itemId: item.id, response: responseFor(item), durationMs: 4000 }, 200);
      await post(base, `/api/v1/attempts/${attemptId}/submit`, token, {}, 200);
      return items.length;
    },
  );
  return {
    assignmentId,
    reportPath: report.path,
    reportApiPath: `/api/v1/teach/assignments/${assignmentId}/report`,
    teacherCookie: report.cookie,
    students,
    answers: counts.reduce((a, b) => a + b, 0),
  };
}

/**
 * `teachers` report pages open at once, each polling the report JSON every `everyMs` as the live
 * page does, staggered, until stopped. Returns the stop function and the polls' statuses.
 */
export function pollReports(
  base: string,
  classroom: Classroom,
  teachers: number,
  everyMs: number,
): { stop: () => Promise<{ polls: number; notModified: number; failures: number }> } {
  let stopped = false;
  let polls = 0;
  let notModified = 0;
  let failures = 0;
  const timers: Promise<void>[] = [];
  for (let t = 0; t < teachers; t++) {
    timers.push(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, (everyMs * t) / teachers));
        // As the live page does: send back the last ETag, keep the last report on a 304.
        let etag: string | null = null;
        while (!stopped) {
          const started = Date.now();
          try {
            const response: Response = await fetch(base + classroom.reportApiPath, {
              headers: { cookie: classroom.teacherCookie, ...(etag ? { 'if-none-match': etag } : {}) },
              signal: AbortSignal.timeout(30_000),
            });
            await response.arrayBuffer();
            polls++;
            if (response.status === 304) notModified++;
            else if (response.ok) etag = response.headers.get('etag');
            else failures++;
          } catch {
            failures++;
          }
          const wait = everyMs - (Date.now() - started);
          if (wait > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      })(),
    );
  }
  return {
    async stop() {
      stopped = true;
      await Promise.all(timers);
      return { polls, notModified, failures };
    },
  };
}
