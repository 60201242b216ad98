import 'server-only';
import type { z } from 'zod';

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'rate_limited' | 'gone';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
};

/** A failure the client caused or can act on; every other error is a bug (500). */
export class AppError extends Error {
  readonly status: number;
  /** The message without its leading "path: " (the JSON contract keeps both; forms show this beside the field). */
  readonly detail: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path: (string | number)[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
    const prefix = `${path.join('.')}: `;
    this.detail = path.length && message.startsWith(prefix) ? message.slice(prefix.length) : message;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** The first zod issue as a 400, in words that name the field. */
export function invalidInput(error: z.ZodError, prefix: (string | number)[] = []): AppError {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map((p) => (typeof p === 'symbol' ? String(p) : p));
  const field = path.length ? path.join('.') : 'body';
  let message = issue?.message ?? 'is not valid';
  if (issue?.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  else if (issue?.code === 'unrecognized_keys') message = `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return new AppError('invalid_input', `${field}: ${message}`, path);
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, prefix: (string | number)[] = []): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error, prefix);
  return result.data;
}
