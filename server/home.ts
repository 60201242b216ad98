import 'server-only';
import { getDb } from './db';
import type { LearnerRef } from './learners';
import { lastScoresBySet } from './quizzes';
import { getReviewQueue } from './review-queue';

export interface SetStatus {
  due: number;
  fresh: number;
  lastScore: { score: number; maxScore: number } | null;
}

/**
 * What a returning learner sees on each set of the home page: today's review counts (from the
 * review queue itself, so they match /review) and the last quiz score. Only for learners who
 * have studied: a set they never touched has no status.
 */
export async function learnerSetStatus(learner: LearnerRef, setIds: string[], now = new Date()): Promise<Map<string, SetStatus> | null> {
  const db = await getDb();
  const [scores, cards] = await Promise.all([lastScoresBySet(learner), db.card.count({ where: { learnerId: learner.id } })]);
  if (scores.size === 0 && cards === 0) return null;
  const status = new Map<string, SetStatus>();
  for (const setId of setIds) {
    const { counts } = await getReviewQueue(learner, { setId, limit: 1 }, now);
    status.set(setId, { due: counts.learning + counts.review, fresh: counts.new, lastScore: scores.get(setId) ?? null });
  }
  return status;
}
