import 'server-only';
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/scheduler';
import { getDb, inReadSession } from './db';
import { rotatePersonalCodes } from './personal-codes';
import { boolFromSql, sql } from './sql';
import { hashToken, randomId, randomToken } from './tokens';

export interface LearnerRef {
  id: string;
  timeZone: string;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  typeAnswers: boolean;
  displayName: string | null;
}

const learnerSelect = {
  id: true,
  timeZone: true,
  desiredRetention: true,
  newPerDay: true,
  reviewsPerDay: true,
  typeAnswers: true,
  displayName: true,
} as const;

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Settings a learner has before choosing any: what a visitor with no account sees. */
export const ANONYMOUS_LEARNER: LearnerRef = {
  id: '',
  timeZone: 'UTC',
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  typeAnswers: true,
  displayName: null,
};

/** A new anonymous learner and the token that proves it (returned once, stored only hashed). */
export async function createLearner(options: { timeZone?: string | null } = {}): Promise<{ learner: LearnerRef; token: string }> {
  const db = await getDb();
  const token = randomToken();
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : undefined;
  const learner = await db.learner.create({
    data: { id: randomId(), timeZone, tokens: { create: { tokenHash: hashToken(token) } } },
    select: learnerSelect,
  });
  return { learner, token };
}

/** The learner a bearer token speaks for. Runs on every request, so it is one cached statement. */
export async function learnerForToken(token: string | undefined | null): Promise<LearnerRef | null> {
  if (!token || !tokenSchema.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  const row = await inReadSession((session) =>
    session.get<Omit<LearnerRef, 'typeAnswers'> & { typeAnswers: number | boolean }>(
      sql`SELECT l.id, l.timeZone, l.desiredRetention, l.newPerDay, l.reviewsPerDay, l.typeAnswers, l.displayName
        FROM LearnerToken t JOIN Learner l ON l.id = t.learnerId WHERE t.tokenHash = ${tokenHash}`,
    ),
  );
  return row ? { ...row, typeAnswers: boolFromSql(row.typeAnswers) } : null;
}

/** A fresh token for another device of the same learner. */
export async function issueToken(learnerId: string): Promise<string> {
  const db = await getDb();
  const token = randomToken();
  await db.learnerToken.create({ data: { tokenHash: hashToken(token), learnerId } });
  return token;
}

/**
 * Signs out every other device: all tokens are replaced by one new token for this device, and
 * the learner's personal codes in assignments are replaced too (someone who saw one cannot come back).
 */
export async function rotateTokens(learnerId: string): Promise<string> {
  const db = await getDb();
  const token = randomToken();
  await db.$transaction([
    db.learnerToken.deleteMany({ where: { learnerId } }),
    db.learnerToken.create({ data: { tokenHash: hashToken(token), learnerId } }),
  ]);
  await rotatePersonalCodes(learnerId);
  return token;
}

/**
 * A learner, or the way to get one once the input has been validated: routes pass a function
 * that creates a learner on first write, so bad input never leaves a learner behind.
 */
export type LearnerSource = LearnerRef | (() => Promise<LearnerRef>);

export function resolveLearner(source: LearnerSource): Promise<LearnerRef> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}
