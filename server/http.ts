import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, parseOrThrow } from './errors';

export function errorResponse(error: AppError): NextResponse {
  return NextResponse.json({ error: { code: error.code, message: error.message, path: error.path } }, { status: error.status });
}

/**
 * Wraps a route handler: AppErrors become `{ error: { code, message, path } }` with their
 * status; anything else is logged and answered with a plain 500 that leaks nothing.
 */
export function apiRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      console.error(error);
      return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on the server.', path: [] } }, { status: 500 });
    }
  };
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body (≤ 64 KiB) and parses it with `schema`, or throws a 400 naming the problem. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
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
  return parseOrThrow(schema, body);
}
