import 'server-only';
import { inWriteTransaction } from './db';
import { purgeRateLimits } from './rate-limits';
import { sql } from './sql';

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_INACTIVE_DAYS = 180;

/**
 * PASSAGE_PURGE_INACTIVE_DAYS: anonymous learners with no activity for this many days are
 * deleted (default 180); `off` keeps them forever. Throws on anything else.
 */
export function inactiveDays(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.PASSAGE_PURGE_INACTIVE_DAYS?.trim();
  if (!raw) return DEFAULT_INACTIVE_DAYS;
  if (raw === 'off') return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 36_500) {
    throw new Error(`PASSAGE_PURGE_INACTIVE_DAYS must be a whole number of days from 1 to 36500, or "off"; got "${raw}"`);
  }
  return Number(raw);
}

// Inactive: nothing of the learner's (device sign-ins, settings, answers, reviews, joins) is
// newer than the cutoff. Never a learner with work in a teacher's assignment: that work is the
// teacher's record.
const deleteInactive = (cutoff: Date) => sql`DELETE FROM Learner WHERE id IN (SELECT l.id FROM Learner l
  WHERE l.createdAt < ${cutoff} AND l.updatedAt < ${cutoff}
    AND NOT EXISTS (SELECT 1 FROM LearnerToken t WHERE t.learnerId = l.id AND t.createdAt >= ${cutoff})
    AND NOT EXISTS (SELECT 1 FROM ReviewLog r WHERE r.learnerId = l.id AND (r.review >= ${cutoff} OR r.assignmentId IS NOT NULL))
    AND NOT EXISTS (SELECT 1 FROM QuizAttempt a WHERE a.learnerId = l.id AND (a.startedAt >= ${cutoff} OR a.submittedAt >= ${cutoff} OR a.assignmentId IS NOT NULL))
    AND NOT EXISTS (SELECT 1 FROM QuizResponse q JOIN QuizAttempt a ON a.id = q.attemptId WHERE a.learnerId = l.id AND q.answeredAt >= ${cutoff})
    AND NOT EXISTS (SELECT 1 FROM AssignmentStudent s WHERE s.learnerId = l.id AND s.joinedAt >= ${cutoff})
  LIMIT 500)`;

/** Deletes anonymous learners inactive for `days` (500 per transaction, so writers are never held up long). */
export async function purgeInactiveLearners(days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY);
  let total = 0;
  for (;;) {
    const removed = await inWriteTransaction((tx) => tx.run(deleteInactive(cutoff)));
    total += removed;
    if (removed < 500) return total;
  }
}

const state = globalThis as typeof globalThis & { passagePurgeTimer?: NodeJS.Timeout };

/** Purges just after start-up (off the start's critical path), then once a day; errors are logged, never fatal. */
export function schedulePurges(): void {
  if (state.passagePurgeTimer) return;
  const days = inactiveDays();
  const run = async () => {
    try {
      const learners = days === null ? 0 : await purgeInactiveLearners(days);
      await purgeRateLimits();
      if (learners > 0) console.log(`Purged ${learners} anonymous learners inactive for ${days} days.`);
    } catch (error) {
      console.error('The purge of inactive learners failed:', error);
    }
  };
  state.passagePurgeTimer = setTimeout(function tick() {
    void run();
    state.passagePurgeTimer = setTimeout(tick, DAY).unref();
  }, 5_000).unref();
}
