// Load generation with autocannon: one request source per target, every request built at send
// time from the source, latencies recorded per response (autocannon's own histogram rounds to
// whole milliseconds).
import autocannon, { type AutocannonRequest } from 'autocannon';
import { randomBytes } from 'node:crypto';
import { systemBusySeconds } from './proc';
import { percentile } from './util';

export interface PlannedRequest {
  path: string;
  /** A POST with a Bearer token and a JSON body, or a page GET with a cookie. */
  token: string;
  body: string;
  method?: 'POST' | 'GET';
  cookie?: string;
}

export interface RequestSource {
  next(): PlannedRequest | null;
  /** How many requests are left (Infinity for generated ones). */
  remaining(): number;
}

export interface LoadResult {
  target: string;
  endpoint: string;
  connections: number;
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few answers that were not 2xx, status and body, so a failure says what it was. */
  failures: string[];
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The run ended early because its request pool ran out. */
  truncated: boolean;
  /** Server CPU use during the run, in cores (1 = one core fully busy). */
  serverCores: number;
  /** The load generator's (this process's) CPU use, in cores. */
  clientCores: number;
  /** Everything else on the machine (other processes), in cores: noise if well above 0. */
  otherCores: number;
  /** When the run started and ended, µs of the monotonic clock (for matching a CPU profile). */
  windowUs: [number, number];
}

/** Runs one load test: `connections` keep-alive connections for `seconds`, one request in flight each. */
export function runLoad(options: {
  url: string;
  target: string;
  endpoint: string;
  source: RequestSource;
  connections: number;
  seconds: number;
  /** CPU seconds of the server under test, and of our other (idle) processes. */
  serverCpuSeconds: () => number;
  bystanderCpuSeconds: () => number;
}): Promise<LoadResult> {
  const { source, connections, seconds } = options;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const failures: string[] = [];
  const requests: AutocannonRequest[] = [
    {
      method: 'POST',
      path: '/',
      setupRequest(request) {
        const next = source.next();
        if (!next) return null;
        if (next.method === 'GET') {
          const headers: Record<string, string> = next.cookie ? { cookie: next.cookie } : {};
          return { ...request, method: 'GET', path: next.path, headers, body: undefined };
        }
        return {
          ...request,
          method: 'POST',
          path: next.path,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token}` },
          body: next.body,
        };
      },
      onResponse(status, body) {
        if ((status < 200 || status > 299) && failures.length < 5) failures.push(`${status} ${body.slice(0, 160)}`);
      },
    },
  ];
  const available = source.remaining();
  const cap = Number.isFinite(available) ? available : undefined;
  if (cap !== undefined && available < connections) return Promise.reject(new Error(`${options.target} ${options.endpoint}: only ${available} requests left for ${connections} connections`));
  const serverBefore = options.serverCpuSeconds();
  const bystandersBefore = options.bystanderCpuSeconds();
  const systemBefore = systemBusySeconds();
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections, duration: seconds, pipelining: 1, timeout: 10, requests, ...(cap !== undefined ? { maxOverallRequests: cap } : {}) },
      (error, result) => {
        if (error) return reject(error);
        const ended = process.hrtime.bigint();
        const elapsed = Number(ended - started) / 1e9;
        const client = process.cpuUsage(clientBefore);
        const server = options.serverCpuSeconds() - serverBefore;
        const clientSeconds = (client.user + client.system) / 1e6;
        const others = systemBusySeconds() - systemBefore - server - clientSeconds - (options.bystanderCpuSeconds() - bystandersBefore);
        const ok = result['2xx'];
        resolve({
          target: options.target,
          endpoint: options.endpoint,
          connections,
          seconds: result.duration,
          requests: latencies.length,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          failures,
          rps: ok / result.duration,
          p50: percentile(latencies, 50),
          p90: percentile(latencies, 90),
          p99: percentile(latencies, 99),
          max: percentile(latencies, 100),
          truncated: result.duration < seconds * 0.95,
          serverCores: server / elapsed,
          clientCores: clientSeconds / elapsed,
          otherCores: Math.max(0, others / elapsed),
          windowUs: [Number(started / 1000n), Number(ended / 1000n)],
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/** The first failures of a run, for its log line: a bench that counts failures must say what they were. */
export const failuresOf = (r: LoadResult) => (r.failures.length ? `; first failures: ${r.failures.join(' | ')}` : '');

/** Unique, valid client ids (8–64 of [A-Za-z0-9_-]): a random prefix and a counter. */
export function idMaker(letter: string): () => string {
  const prefix = letter + randomBytes(6).toString('base64url');
  let n = 0;
  return () => `${prefix}-${(n++).toString(36)}`;
}

/** A finite list of requests, consumed in order. */
export class RequestPool implements RequestSource {
  private items: PlannedRequest[] = [];
  private cursor = 0;
  add(requests: PlannedRequest[]): void {
    if (this.cursor > 50_000) {
      this.items = this.items.slice(this.cursor);
      this.cursor = 0;
    }
    for (const r of requests) this.items.push(r);
  }
  next(): PlannedRequest | null {
    return this.cursor < this.items.length ? this.items[this.cursor++]! : null;
  }
  remaining(): number {
    return this.items.length - this.cursor;
  }
  peek(count: number): PlannedRequest[] {
    return this.items.slice(this.cursor, this.cursor + count);
  }
}

/** An endless source: request `i` is `make(i)`. */
export function generated(make: (i: number) => PlannedRequest): RequestSource {
  let i = 0;
  return { next: () => make(i++), remaining: () => Infinity };
}

export interface PublicItem {
  id: string;
  type: string;
  options?: { id: string }[];
  entries?: { id: string }[];
}

/** A well-formed response for each question type (right or wrong does not matter here). */
export function responseFor(item: PublicItem): unknown {
  switch (item.type) {
    case 'single':
      return { choice: item.options?.[0]?.id };
    case 'multiple':
      return { choices: [item.options?.[0]?.id] };
    case 'truefalse':
      return { value: true };
    case 'typed':
      return { text: 'x' };
    case 'numeric':
      return { value: 1 };
    case 'ordering':
      return { order: (item.entries ?? []).map((e) => e.id) };
    case 'matching':
      return { pairs: {} };
    default:
      throw new Error(`no response shape for question type "${item.type}" (item ${item.id})`);
  }
}

export interface AttemptHandle {
  attemptId: string;
  token: string;
  items: PublicItem[];
}

/**
 * Every answer of `attempts` as requests, interleaved: the first question of every attempt,
 * then the second of every attempt, and so on, so consecutive requests are different learners.
 */
export function answerRequests(attempts: AttemptHandle[], nextAnswerId: () => string): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  const longest = Math.max(0, ...attempts.map((a) => a.items.length));
  for (let q = 0; q < longest; q++) {
    for (const attempt of attempts) {
      const item = attempt.items[q];
      if (!item) continue;
      out.push({
        path: `/api/v1/attempts/${attempt.attemptId}/answers`,
        token: attempt.token,
        body: JSON.stringify({ answerId: nextAnswerId(), itemId: item.id, response: responseFor(item), durationMs: 4000 }),
      });
    }
  }
  return out;
}
