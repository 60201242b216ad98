// Simulated students for the load tests: each creates a learner, joins by code, starts the
// assignment's attempt, reads it, answers every question and submits, over the JSON API.
import type { Item } from '@/lib/questions/schema';
import type { PublicItem } from '@/lib/quiz/present';
import { request, responseFor, sleep, type HttpResult, type RequestOptions } from './support';

export interface LoadStats {
  requests: number;
  byStatus: Record<string, number>;
  networkErrors: number;
  retries: number;
  /** Every 5xx answer seen (path, status, start of the body). */
  serverErrors: { path: string; status: number; text: string }[];
  /** Every 4xx answer seen. */
  clientErrors: { path: string; status: number; text: string }[];
  /** Milliseconds each answered try took (network errors excluded). */
  latencies: number[];
}

export function newStats(): LoadStats {
  return { requests: 0, byStatus: {}, networkErrors: 0, retries: 0, serverErrors: [], clientErrors: [], latencies: [] };
}

export interface ClientContext {
  url: string;
  stats: LoadStats;
  /**
   * Crash mode: on a network error or a 5xx, wait briefly and send the same request again, until
   * a 2xx or 4xx arrives or `retryForMs` has passed.
   */
  retry?: boolean;
  retryForMs?: number;
}

/** One logical request: retried (crash mode) until a 2xx or 4xx. Throws when no answer came. */
export async function call(
  ctx: ClientContext,
  path: string,
  options: RequestOptions,
): Promise<HttpResult & { tries: number; lastTryAt: number }> {
  const deadline = Date.now() + (ctx.retryForMs ?? 120_000);
  for (let tries = 1; ; tries++) {
    const lastTryAt = Date.now();
    ctx.stats.requests++;
    let result: HttpResult;
    try {
      result = await request(ctx.url, path, { timeoutMs: 60_000, ...options });
    } catch (error) {
      ctx.stats.networkErrors++;
      if (!ctx.retry || Date.now() > deadline) throw error;
      ctx.stats.retries++;
      await sleep(100 + Math.floor(Math.random() * 150));
      continue;
    }
    ctx.stats.latencies.push(Date.now() - lastTryAt);
    const key = String(result.status);
    ctx.stats.byStatus[key] = (ctx.stats.byStatus[key] ?? 0) + 1;
    if (result.status >= 500) {
      ctx.stats.serverErrors.push({ path, status: result.status, text: result.text.slice(0, 300) });
      if (ctx.retry && Date.now() <= deadline) {
        ctx.stats.retries++;
        await sleep(100 + Math.floor(Math.random() * 150));
        continue;
      }
    } else if (result.status >= 400) {
      ctx.stats.clientErrors.push({ path, status: result.status, text: result.text.slice(0, 300) });
    }
    return { ...result, tries, lastTryAt };
  }
}

/** Nearest-rank percentile (p in 0..100) of a sample, or NaN when it is empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface AnswerOutcome {
  score: number | null;
  correct: boolean | null;
}

export interface AnswerRecord {
  answerId: string;
  itemId: string;
  right: boolean;
  /** When the first try was sent. */
  firstSentAt: number;
  /** When the try that got the final answer was sent. */
  lastTryAt: number;
  tries: number;
  status: number | null;
  /** Every 2xx body for this answerId (the first send, then any deliberate resend). */
  acks: AnswerOutcome[];
  ackedAt: number | null;
  error?: string;
}

export interface StudentResult {
  index: number;
  nickname: string;
  learnerId?: string;
  token?: string;
  studentId?: string;
  attemptId?: string;
  answers: AnswerRecord[];
  submit?: { status: number; score: number | null; maxScore: number | null };
  /** The step that failed, if any, with what the server said. */
  failure?: string;
}

export interface StudentPlan {
  index: number;
  /** The class code, as the teacher shows it (the student types it in lower case). */
  code: string;
  keys: ReadonlyMap<string, Item>;
  /** A tag making answerIds unique across runs. */
  tag: string;
  /** Whether this student answers question `q` (0-based, in the order presented) right. */
  right?: (index: number, q: number) => boolean;
  /** Resend every n-th acknowledged answer once more (same answerId), as a client after a timeout. */
  resendEvery?: number;
  submit?: boolean;
  onAck?: (record: AnswerRecord) => void;
}

const ok = (status: number) => status >= 200 && status < 300;

function outcome(body: unknown): AnswerOutcome {
  const b = body as { score?: unknown; correct?: unknown };
  return { score: typeof b.score === 'number' ? b.score : null, correct: typeof b.correct === 'boolean' ? b.correct : null };
}

/** Runs one student through the whole assignment. Never throws: a failed step is recorded. */
export async function runStudent(ctx: ClientContext, plan: StudentPlan): Promise<StudentResult> {
  const nickname = `Student ${plan.index}`;
  const result: StudentResult = { index: plan.index, nickname, answers: [] };
  const right = plan.right ?? ((i, q) => (i + q) % 2 === 0);
  try {
    const learner = await call(ctx, '/api/v1/learners', { method: 'POST' });
    if (learner.status !== 201) return { ...result, failure: `POST /learners → ${learner.status} ${learner.text.slice(0, 200)}` };
    const { learnerId, token } = learner.body as { learnerId: string; token: string };
    Object.assign(result, { learnerId, token });

    const joined = await call(ctx, '/api/v1/assignments/join', { token, json: { code: plan.code.toLowerCase(), nickname } });
    if (joined.status !== 201) return { ...result, failure: `POST /assignments/join → ${joined.status} ${joined.text.slice(0, 200)}` };
    const { assignmentId, studentId } = joined.body as { assignmentId: string; studentId: string };
    result.studentId = studentId;

    const started = await call(ctx, `/api/v1/assignments/${assignmentId}/attempts`, { method: 'POST', token });
    if (started.status !== 201)
      return { ...result, failure: `POST /assignments/<id>/attempts → ${started.status} ${started.text.slice(0, 200)}` };
    const { attemptId } = started.body as { attemptId: string };
    result.attemptId = attemptId;

    const view = await call(ctx, `/api/v1/attempts/${attemptId}`, { token });
    if (view.status !== 200) return { ...result, failure: `GET /attempts/<id> → ${view.status} ${view.text.slice(0, 200)}` };
    const items = (view.body as { items: { item: PublicItem }[] }).items.map((i) => i.item);

    for (const [q, presented] of items.entries()) {
      const item = plan.keys.get(presented.id);
      if (!item) throw new Error(`no key for ${presented.id}`);
      const isRight = right(plan.index, q);
      const answerId = `ans-${plan.tag}-s${plan.index}-q${q}`;
      const body = { answerId, itemId: presented.id, response: responseFor(item, presented, isRight), durationMs: 1000 + q };
      const record: AnswerRecord = {
        answerId,
        itemId: presented.id,
        right: isRight,
        firstSentAt: Date.now(),
        lastTryAt: 0,
        tries: 0,
        status: null,
        acks: [],
        ackedAt: null,
      };
      result.answers.push(record);
      try {
        const sent = await call(ctx, `/api/v1/attempts/${attemptId}/answers`, { token, json: body });
        record.status = sent.status;
        record.tries = sent.tries;
        record.lastTryAt = sent.lastTryAt;
        if (ok(sent.status)) {
          record.acks.push(outcome(sent.body));
          record.ackedAt = Date.now();
          plan.onAck?.(record);
          if (plan.resendEvery && (plan.index * 31 + q) % plan.resendEvery === 0) {
            const again = await call(ctx, `/api/v1/attempts/${attemptId}/answers`, { token, json: body });
            if (ok(again.status)) record.acks.push(outcome(again.body));
            else record.error = `resend → ${again.status} ${again.text.slice(0, 200)}`;
          }
        } else {
          record.error = `${sent.status} ${sent.text.slice(0, 200)}`;
        }
      } catch (error) {
        record.error = `no answer: ${(error as Error).message}`;
      }
    }

    if (plan.submit !== false) {
      const submitted = await call(ctx, `/api/v1/attempts/${attemptId}/submit`, { method: 'POST', token });
      const b = submitted.body as { score?: number | null; maxScore?: number | null };
      result.submit = { status: submitted.status, score: b?.score ?? null, maxScore: b?.maxScore ?? null };
      if (!ok(submitted.status)) result.failure = `POST /attempts/<id>/submit → ${submitted.status} ${submitted.text.slice(0, 200)}`;
    }
  } catch (error) {
    result.failure = `no answer: ${(error as Error).message}`;
  }
  return result;
}

/** The acknowledged answers of a run, with their attempt. */
export function acknowledged(results: readonly StudentResult[]): { attemptId: string; learnerId: string; record: AnswerRecord }[] {
  return results.flatMap((s) =>
    s.attemptId && s.learnerId
      ? s.answers.filter((a) => a.acks.length > 0).map((record) => ({ attemptId: s.attemptId!, learnerId: s.learnerId!, record }))
      : [],
  );
}
