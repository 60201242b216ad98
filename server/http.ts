import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, parseOrThrow } from './errors';

export function errorResponse(error: AppError): NextResponse {
  const response = NextResponse.json({ error: { code: error.code, message: error.message, path: error.path } }, { status: error.status });
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') response.headers.set('retry-after', String(retryAfter));
  return response;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser always sends Origin on a cross-site write; scripts (curl, the bench) send none, and
 * carry their own bearer token rather than a cookie a browser would attach.
 */
export function crossSiteWrite(request: Request): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return true;
  }
}

/**
 * Wraps a route handler: cross-site writes are refused (403) before it runs; AppErrors become
 * `{ error: { code, message, path } }` with their status; anything else is logged and answered
 * with a plain 500 that leaks nothing. Answers are personal unless the handler says otherwise,
 * so they carry `Cache-Control: no-store` unless it set its own.
 */
export function apiRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    let response: Response;
    try {
      if (crossSiteWrite(request)) throw new AppError('forbidden', 'Cross-site requests are not accepted.');
      response = await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) response = errorResponse(error);
      else {
        console.error(error);
        response = NextResponse.json(
          { error: { code: 'internal', message: 'Something went wrong on the server.', path: [] } },
          { status: 500 },
        );
      }
    }
    return withCacheControl(response);
  };
}

function withCacheControl(response: Response): Response {
  if (response.headers.has('cache-control')) return response;
  try {
    response.headers.set('cache-control', 'no-store');
    return response;
  } catch {
    // Some responses (redirects, fetched ones) have immutable headers: copy them.
    const headers = new Headers(response.headers);
    headers.set('cache-control', 'no-store');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body (≤ 64 KiB) or throws a 400 naming the problem. Its shape is the use case's
 * to check, with the use case's own schema; `schema` is for routes that hand the body elsewhere.
 */
export async function readJson(request: Request): Promise<unknown>;
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>>;
export async function readJson(request: Request, schema?: z.ZodType): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('invalid_input', 'body: send JSON with Content-Type: application/json');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError('invalid_input', `body: larger than ${MAX_BODY_BYTES / 1024} KiB`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'body: is not valid JSON');
  }
  return schema ? parseOrThrow(schema, body) : body;
}
