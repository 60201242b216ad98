import 'server-only';
import { z } from 'zod';
import { getDb } from './db';
import { AppError } from './errors';
import { issueToken, type LearnerRef } from './learners';
import { hashToken, randomId } from './tokens';

export const RESUME_CODE_MINUTES = 15;
export const resumeCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'is not a resume code' });

/** A one-time code (valid 15 minutes) that signs another browser in as this learner. */
export async function createResumeCode(learner: LearnerRef, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const db = await getDb();
  const code = randomId();
  const expiresAt = new Date(now.getTime() + RESUME_CODE_MINUTES * 60_000);
  await db.resumeCode.create({ data: { codeHash: hashToken(code), learnerId: learner.id, expiresAt } });
  return { code, expiresAt };
}

/**
 * Spends a resume code: returns a new device token for its learner, or refuses a code that is
 * unknown, used or expired (410) without telling which.
 */
export async function redeemResumeCode(code: unknown, now = new Date()): Promise<{ learnerId: string; token: string }> {
  const parsed = resumeCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError('gone', 'This resume link is not valid. Make a new one on the device you came from.');
  const db = await getDb();
  const learnerId = await db.$transaction(async (tx) => {
    // The conditional update is the lock: only one redemption can flip usedAt from null.
    const spent = await tx.resumeCode.updateMany({
      where: { codeHash: hashToken(parsed.data), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) return null;
    const row = await tx.resumeCode.findUniqueOrThrow({ where: { codeHash: hashToken(parsed.data) }, select: { learnerId: true } });
    return row.learnerId;
  });
  if (!learnerId)
    throw new AppError('gone', 'This resume link has expired or was already used. Make a new one on the device you came from.');
  return { learnerId, token: await issueToken(learnerId) };
}
