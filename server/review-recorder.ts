import 'server-only';
import type { Rating } from '@/lib/scheduler';
import { cardColumns, cardStateFromRow, logColumns, schedulerForLearner } from './cards';
import type { Prisma } from './generated/prisma/client';

export type ReviewSource = 'flashcard' | 'quiz';

export interface RecordReviewInput {
  learner: { id: string; desiredRetention: number };
  questionId: string;
  reviewId: string;
  rating: Rating;
  durationMs: number;
  source: ReviewSource;
  now: Date;
  /** The assignment this review was practice for, if any. */
  assignmentId?: string | null;
}

export interface RecordedReview {
  duplicate: boolean;
  card: ReturnType<typeof cardStateFromRow>;
}

/**
 * The one code path for every review, flashcard or quiz: inside the caller's transaction, read
 * the card (a new one if this is the first review), schedule it with FSRS, write the card and
 * append the log row. A repeated `reviewId` writes nothing and returns the card as it stands.
 */
export async function recordReview(tx: Prisma.TransactionClient, input: RecordReviewInput): Promise<RecordedReview> {
  const { learner, questionId, reviewId, now } = input;
  const key = { learnerId_questionId: { learnerId: learner.id, questionId } };
  const seen = await tx.reviewLog.findUnique({ where: { learnerId_reviewId: { learnerId: learner.id, reviewId } }, select: { id: true } });
  if (seen) {
    const row = await tx.card.findUniqueOrThrow({ where: key });
    return { duplicate: true, card: cardStateFromRow(row) };
  }
  const scheduler = schedulerForLearner(learner);
  const existing = await tx.card.findUnique({ where: key });
  const before = existing ? cardStateFromRow(existing) : scheduler.newCard(now);
  // A review stamped before the card's last one (a clock step back) is recorded at that moment.
  const at = before.lastReview && before.lastReview > now ? before.lastReview : now;
  const { card, log } = scheduler.review(before, input.rating, at);
  await tx.card.upsert({
    where: key,
    create: { learnerId: learner.id, questionId, ...cardColumns(card) },
    update: cardColumns(card),
  });
  await tx.reviewLog.create({
    data: {
      reviewId,
      learnerId: learner.id,
      questionId,
      ...logColumns(log),
      durationMs: input.durationMs,
      source: input.source,
      assignmentId: input.assignmentId ?? null,
    },
  });
  return { duplicate: false, card };
}
