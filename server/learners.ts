import 'server-only';
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/scheduler';
import { getDb } from './db';
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
  const learner = await db.learner.create({ data: { id: randomId(), tokenHash: hashToken(token), timeZone }, select: learnerSelect });
  return { learner, token };
}

export async function learnerForToken(token: string | undefined | null): Promise<LearnerRef | null> {
  if (!token || !tokenSchema.safeParse(token).success) return null;
  const db = await getDb();
  return db.learner.findUnique({ where: { tokenHash: hashToken(token) }, select: learnerSelect });
}
