import 'server-only';
import { z } from 'zod';
import { idSchema } from '@/lib/questions/schema';
import type { RateResult } from '@/lib/review/types';
import { formatInterval, nextDayStart, ratingSchema } from '@/lib/scheduler';
import { checkAssignmentWrite } from './assignment-rules';
import { clientIdSchema } from './client-ids';
import { cardColumns, cardStateFromRow, logEntryFromRow, previewsFor, schedulerForLearner } from './cards';
import { getDb, inWriteTransaction } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { loadItems } from './items';
import { resolveLearner, type LearnerRef, type LearnerSource } from './learners';
import { recordReview } from './review-recorder';
import { joinedAssignment } from './students';
import { ROW_ID } from '@/lib/row-id';

export type { RateResult };

export const rateInput = z.strictObject({
  reviewId: clientIdSchema,
  itemId: idSchema,
  rating: ratingSchema,
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
  /** When the learner rated, if the rating was queued offline; within the last week. */
  reviewedAt: z.iso.datetime().optional(),
  /** Set when the card is practised for an assignment the learner has joined. */
  assignmentId: z.string().regex(ROW_ID).optional(),
});

function reviewTime(reviewedAt: string | undefined, now: Date): Date {
  if (!reviewedAt) return now;
  const at = new Date(reviewedAt);
  const week = 7 * 24 * 60 * 60 * 1000;
  if (at.getTime() > now.getTime() + 60_000 || at.getTime() < now.getTime() - week) {
    throw new AppError('invalid_input', 'reviewedAt: must be within the last seven days', ['reviewedAt']);
  }
  return at > now ? now : at;
}

/** Records a flashcard rating (idempotent by reviewId) and returns the new schedule. */
export async function rateCard(source: LearnerSource, input: unknown, now = new Date()): Promise<RateResult> {
  const body = parseOrThrow(rateInput, input);
  const at = reviewTime(body.reviewedAt, now);
  const stored = (await loadItems([body.itemId])).get(body.itemId);
  if (!stored || stored.retired) throw notFound(`Item "${body.itemId}"`);
  const learner = await resolveLearner(source);
  if (body.assignmentId) {
    const joined = await joinedAssignment(learner.id, body.assignmentId);
    if (!joined.itemIds.includes(body.itemId))
      throw new AppError('invalid_input', `itemId: "${body.itemId}" is not part of that assignment`, ['itemId']);
    // Judged at the moment the rating reaches the server: a rating queued offline cannot backdate itself into an open assignment.
    checkAssignmentWrite({ write: 'rate', assignment: joined.rules, student: joined.student, now });
  }
  const recorded = await inWriteTransaction((tx) =>
    recordReview(tx, {
      learner,
      questionId: body.itemId,
      reviewId: body.reviewId,
      rating: body.rating,
      durationMs: body.durationMs,
      source: 'flashcard',
      now: at,
      assignmentId: body.assignmentId ?? null,
    }),
  );
  const { card } = recorded;
  return {
    duplicate: recorded.duplicate,
    card: {
      itemId: body.itemId,
      due: card.due.toISOString(),
      state: card.state,
      interval: formatInterval(card.due.getTime() - (card.lastReview ?? at).getTime()),
      reps: card.reps,
      lapses: card.lapses,
    },
    previews: previewsFor(schedulerForLearner(learner), card, card.due > now ? card.due : now),
  };
}

/**
 * Undoes a rating: ts-fsrs rollback of the card plus deleting the log row, in one transaction.
 * Only a card's latest review can be undone; undoing its first review forgets the card.
 */
export async function undoReview(learner: LearnerRef, reviewId: string): Promise<{ itemId: string }> {
  const id = parseOrThrow(clientIdSchema, reviewId, ['reviewId']);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { learnerId_reviewId: { learnerId: learner.id, reviewId: id } } });
    if (!log) throw notFound('That review');
    const latest = await tx.reviewLog.findFirst({
      where: { learnerId: learner.id, questionId: log.questionId },
      orderBy: [{ review: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    if (latest?.id !== log.id) throw new AppError('conflict', 'Only the latest review of a card can be undone.');
    const key = { learnerId_questionId: { learnerId: learner.id, questionId: log.questionId } };
    const row = await tx.card.findUniqueOrThrow({ where: key });
    await tx.reviewLog.delete({ where: { id: log.id } });
    const remaining = await tx.reviewLog.count({ where: { learnerId: learner.id, questionId: log.questionId } });
    if (remaining === 0 && !row.suspended && !row.buriedUntil) {
      await tx.card.delete({ where: key });
    } else {
      const restored = schedulerForLearner(learner).rollback(cardStateFromRow(row), logEntryFromRow(log));
      await tx.card.update({ where: key, data: cardColumns(restored) });
    }
    return { itemId: log.questionId };
  });
}

export type CardAction = 'bury' | 'unbury' | 'suspend' | 'unsuspend';

/** Bury (until the learner's next day), suspend, or undo either; a never-seen card gets a row. */
export async function setCardFlag(
  source: LearnerSource,
  itemId: string,
  action: CardAction,
  now = new Date(),
): Promise<{ itemId: string; suspended: boolean; buriedUntil: string | null }> {
  const id = parseOrThrow(idSchema, itemId, ['itemId']);
  const db = await getDb();
  const stored = (await loadItems([id])).get(id);
  if (!stored || stored.retired) throw notFound(`Item "${id}"`);
  const learner = await resolveLearner(source);
  const data =
    action === 'bury'
      ? { buriedUntil: nextDayStart(now, learner.timeZone) }
      : action === 'unbury'
        ? { buriedUntil: null }
        : { suspended: action === 'suspend' };
  const key = { learnerId_questionId: { learnerId: learner.id, questionId: id } };
  const row = await db.card.upsert({
    where: key,
    create: { learnerId: learner.id, questionId: id, ...cardColumns(schedulerForLearner(learner).newCard(now)), ...data },
    update: data,
  });
  return { itemId: id, suspended: row.suspended, buriedUntil: row.buriedUntil?.toISOString() ?? null };
}
