import 'server-only';
import { z } from 'zod';
import { idSchema } from '@/lib/questions/schema';
import { cardBack, cardFront, typedKey } from '@/lib/quiz/card-faces';
import type { Previews, QueueCard, RateResult, ReviewQueue } from '@/lib/review/types';
import { dayStart, formatInterval, learnerDay, nextDayStart, ratingSchema, RATINGS, type CardState } from '@/lib/scheduler';
import { cardColumns, cardStateFromRow, logEntryFromRow, schedulerForLearner } from './cards';
import { getDb, inWriteTransaction } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { loadItems, readerHref } from './items';
import { resolveLearner, type LearnerRef, type LearnerSource } from './learners';
import { recordReview } from './review-recorder';

const STATE_NEW = 0;
const STATE_REVIEW = 2;

export type { Previews, QueueCard, RateResult, ReviewQueue };

export const queueQuery = z.strictObject({
  setId: idSchema.optional(),
  items: z
    .string()
    .max(5000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(idSchema).min(1).max(200))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Flashcard practice for an assignment: its items, without the daily limits. */
  assignmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

/** The items of an assignment the learner has joined, or a 404. */
async function assignmentItems(learnerId: string, assignmentId: string): Promise<string[]> {
  const db = await getDb();
  const student = await db.assignmentStudent.findUnique({
    where: { assignmentId_learnerId: { assignmentId, learnerId } },
    select: { assignment: { select: { itemIds: true } } },
  });
  if (!student) throw notFound('That assignment');
  return JSON.parse(student.assignment.itemIds) as string[];
}

function previewsFor(learner: LearnerRef, card: CardState, now: Date): Previews {
  const preview = schedulerForLearner(learner).preview(card, now);
  return Object.fromEntries(RATINGS.map((r) => [r, { due: preview[r].due.toISOString(), interval: preview[r].interval }])) as Previews;
}

/** Interleaves new cards evenly among reviews, as Anki's default "mix" order does. */
function mix<T>(reviews: T[], fresh: T[]): T[] {
  if (fresh.length === 0) return reviews;
  const out: T[] = [];
  const every = Math.max(1, Math.floor(reviews.length / fresh.length));
  let r = 0;
  for (const card of fresh) {
    out.push(...reviews.slice(r, r + every), card);
    r += every;
  }
  return [...out, ...reviews.slice(r)];
}

/**
 * Today's review queue for a learner: learning cards due today, review cards due before the
 * learner's day ends (up to the daily review limit) and new cards (up to the daily new limit),
 * skipping suspended and buried cards. Limits count flashcard reviews only.
 */
export async function getReviewQueue(learner: LearnerRef, query: unknown, now = new Date()): Promise<ReviewQueue> {
  const { setId, items: requested, limit, assignmentId } = parseOrThrow(queueQuery, query);
  const onlyItems = assignmentId ? await assignmentItems(learner.id, assignmentId) : requested;
  if (assignmentId) learner = { ...learner, newPerDay: 10_000, reviewsPerDay: 100_000 };
  const db = await getDb();
  if (setId && !(await db.questionSet.findFirst({ where: { id: setId, retiredAt: null }, select: { id: true } }))) throw notFound(`Set "${setId}"`);
  const todayStart = dayStart(learnerDay(now, learner.timeZone), learner.timeZone);
  const tomorrow = nextDayStart(now, learner.timeZone);
  const questionScope = { retiredAt: null, set: { retiredAt: null }, ...(setId ? { setId } : {}), ...(onlyItems ? { id: { in: onlyItems } } : {}) };

  const [cards, scope, reviewsToday, newToday] = await Promise.all([
    db.card.findMany({
      where: { learnerId: learner.id, due: { lt: tomorrow }, suspended: false, state: { not: STATE_NEW }, question: questionScope },
      orderBy: { due: 'asc' },
    }),
    db.question.findMany({ where: questionScope, orderBy: [{ set: { position: 'asc' } }, { position: 'asc' }], select: { id: true } }),
    db.reviewLog.count({ where: { learnerId: learner.id, source: 'flashcard', review: { gte: todayStart }, state: STATE_REVIEW } }),
    db.reviewLog.findMany({ where: { learnerId: learner.id, source: 'flashcard', review: { gte: todayStart }, state: STATE_NEW }, distinct: ['questionId'], select: { questionId: true } }),
  ]);
  const seen = await db.card.findMany({
    where: { learnerId: learner.id, questionId: { in: scope.map((q) => q.id) } },
    select: { questionId: true, state: true, suspended: true, buriedUntil: true },
  });
  const seenById = new Map(seen.map((c) => [c.questionId, c]));
  const notBuried = (c: { buriedUntil: Date | null }) => !c.buriedUntil || c.buriedUntil <= now;

  const active = cards.filter(notBuried);
  const learning = active.filter((c) => c.state !== STATE_REVIEW);
  const reviewsDue = active.filter((c) => c.state === STATE_REVIEW).slice(0, Math.max(0, learner.reviewsPerDay - reviewsToday));
  const newLimit = Math.max(0, learner.newPerDay - newToday.length);
  const fresh = scope
    .map((q) => q.id)
    .filter((id) => {
      const card = seenById.get(id);
      return !card || (card.state === STATE_NEW && !card.suspended && notBuried(card));
    })
    .slice(0, newLimit);

  type Entry = { itemId: string; kind: QueueCard['kind']; state: CardState | null };
  const ordered: Entry[] = [
    ...learning.map((c): Entry => ({ itemId: c.questionId, kind: 'learning', state: cardStateFromRow(c) })),
    ...mix<Entry>(
      reviewsDue.map((c) => ({ itemId: c.questionId, kind: 'review', state: cardStateFromRow(c) })),
      fresh.map((id) => ({ itemId: id, kind: 'new', state: null })),
    ),
  ];
  const chosen = ordered.slice(0, limit);
  const stored = await loadItems(chosen.map((c) => c.itemId));
  const scheduler = schedulerForLearner(learner);
  const nextCard = await db.card.findFirst({
    where: { learnerId: learner.id, suspended: false, state: { not: STATE_NEW }, due: { gte: tomorrow }, question: questionScope },
    orderBy: { due: 'asc' },
    select: { due: true },
  });
  return {
    counts: {
      new: fresh.length,
      learning: learning.filter((c) => c.due <= now).length,
      review: reviewsDue.length,
    },
    cards: chosen.map(({ itemId, kind, state }) => {
      const { item, setId: itemSet, articleSlug } = stored.get(itemId)!;
      const card = state ?? scheduler.newCard(now);
      return {
        itemId,
        setId: itemSet,
        kind,
        due: state ? state.due.toISOString() : null,
        front: cardFront(item),
        back: { ...cardBack(item), readerHref: readerHref(articleSlug, itemId) },
        typed: typedKey(item),
        previews: previewsFor(learner, card, now),
      };
    }),
    nextDue: nextCard?.due.toISOString() ?? null,
    dayEndsAt: tomorrow.toISOString(),
  };
}

const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be 8–64 letters, digits, "-" or "_" (a UUID works)' });

export const rateInput = z.strictObject({
  reviewId: clientId,
  itemId: idSchema,
  rating: ratingSchema,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
  /** When the learner rated, if the rating was queued offline; within the last week. */
  reviewedAt: z.iso.datetime().optional(),
  /** Set when the card is practised for an assignment the learner has joined. */
  assignmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
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
  if (body.assignmentId && !(await assignmentItems(learner.id, body.assignmentId)).includes(body.itemId)) {
    throw new AppError('invalid_input', `itemId: "${body.itemId}" is not part of that assignment`, ['itemId']);
  }
  const recorded = await inWriteTransaction((sqlite) =>
    recordReview(sqlite, {
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
    previews: previewsFor(learner, card, card.due > now ? card.due : now),
  };
}

/**
 * Undoes a rating: ts-fsrs rollback of the card plus deleting the log row, in one transaction.
 * Only a card's latest review can be undone; undoing its first review forgets the card.
 */
export async function undoReview(learner: LearnerRef, reviewId: string): Promise<{ itemId: string }> {
  const id = parseOrThrow(clientId, reviewId, ['reviewId']);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { learnerId_reviewId: { learnerId: learner.id, reviewId: id } } });
    if (!log) throw notFound('That review');
    const latest = await tx.reviewLog.findFirst({ where: { learnerId: learner.id, questionId: log.questionId }, orderBy: [{ review: 'desc' }, { id: 'desc' }], select: { id: true } });
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
export async function setCardFlag(source: LearnerSource, itemId: string, action: CardAction, now = new Date()): Promise<{ itemId: string; suspended: boolean; buriedUntil: string | null }> {
  const id = parseOrThrow(idSchema, itemId, ['itemId']);
  const db = await getDb();
  const stored = (await loadItems([id])).get(id);
  if (!stored || stored.retired) throw notFound(`Item "${id}"`);
  const learner = await resolveLearner(source);
  const data =
    action === 'bury' ? { buriedUntil: nextDayStart(now, learner.timeZone) } : action === 'unbury' ? { buriedUntil: null } : { suspended: action === 'suspend' };
  const key = { learnerId_questionId: { learnerId: learner.id, questionId: id } };
  const row = await db.card.upsert({
    where: key,
    create: { learnerId: learner.id, questionId: id, ...cardColumns(schedulerForLearner(learner).newCard(now)), ...data },
    update: data,
  });
  return { itemId: id, suspended: row.suspended, buriedUntil: row.buriedUntil?.toISOString() ?? null };
}
