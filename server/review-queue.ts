import 'server-only';
import { z } from 'zod';
import { idSchema } from '@/lib/questions/schema';
import { cardBack, cardFront, typedKey } from '@/lib/quiz/card-faces';
import { beyondLimits, dayCounts, type DayCountsInput } from '@/lib/review/day-counts';
import type { Previews, QueueCard, ReviewQueue } from '@/lib/review/types';
import { dayStart, LEARN_AHEAD_MS, learnerDay, nextDayStart, type CardState } from '@/lib/scheduler';
import { cardFromSql, previewsFor, schedulerForLearner, type CardSqlRow } from './cards';
import { inReadSession } from './db';
import { notFound, parseOrThrow } from './errors';
import { itemsIn, readerHref } from './items';
import type { LearnerRef } from './learners';
import { assignmentVisibilityIn, withheldIn } from './feedback';
import { boolFromSql, dateFromSql, inList, numberFromSql, sql, type SqlSession } from './sql';
import { ROW_ID } from '@/lib/row-id';

const STATE_NEW = 0;
const STATE_REVIEW = 2;
/** Spare new and review cards sent beyond the limits, so burying one lets the next take its place. */
const SPARE = 10;

export const queueQuery = z.strictObject({
  setId: idSchema.optional(),
  items: z
    .string()
    .max(5000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(idSchema).min(1).max(200))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** "Study more": raises today's new and review limits by this many cards. */
  more: z.coerce.number().int().min(0).max(1000).default(0),
  /** Flashcard practice for an assignment: its items, without the daily limits. */
  assignmentId: z.string().regex(ROW_ID).optional(),
});

/**
 * The live questions in scope: `setId` and `items` narrow it when they are not null; `withheld`
 * lists the items the learner may not see here (see server/feedback.ts).
 */
const inScope = (setId: string | null, items: string[] | null, withheld: string[]) => sql`q.retiredAt IS NULL AND s.retiredAt IS NULL
  AND (${setId === null} OR q.setId = ${setId})
  AND (${items === null} OR q.id IN ${inList(items ?? [])})
  AND q.id NOT IN ${inList(withheld)}`;

type DueRow = CardSqlRow & { questionId: string; buriedUntil: string | Date | null };
type ScopeRow = { id: string; state: number | null; suspended: number | boolean | null; buriedUntil: string | Date | null };

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

interface QueueScope {
  learner: LearnerRef;
  more: number;
  setId: string | null;
  items: string[] | null;
  /** Items whose backs the learner may not see in this queue. */
  withheld: string[];
  limit: number;
  now: Date;
}

/** Everything the queue needs from the database, read in one go (nothing interleaves with it). */
async function readQueue(session: SqlSession, { learner, setId, items, withheld, limit, more, now }: QueueScope): Promise<ReviewQueue> {
  if (setId && !(await session.get(sql`SELECT 1 FROM QuestionSet WHERE id = ${setId} AND retiredAt IS NULL`)))
    throw notFound(`Set "${setId}"`);
  const todayStart = dayStart(learnerDay(now, learner.timeZone), learner.timeZone);
  const tomorrow = nextDayStart(now, learner.timeZone);
  const scope = inScope(setId, items, withheld);
  const notBuried = (buriedUntil: string | Date | null) => buriedUntil === null || dateFromSql(buriedUntil) <= now;

  // Card_learnerId_due_idx drives this: only the learner's cards due before tomorrow are read.
  const dueRows = await session.all<DueRow>(
    sql`SELECT c.questionId, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview, c.buriedUntil
      FROM Card c JOIN Question q ON q.id = c.questionId JOIN QuestionSet s ON s.id = q.setId
      WHERE c.learnerId = ${learner.id} AND c.due < ${tomorrow} AND c.suspended = ${false} AND c.state <> ${STATE_NEW} AND ${scope}
      ORDER BY c.due`,
  );
  const due = dueRows.filter((c) => notBuried(c.buriedUntil));
  const learning = due.filter((c) => c.state !== STATE_REVIEW).map((c) => ({ itemId: c.questionId, card: cardFromSql(c) }));
  const reviewsDue = due.filter((c) => c.state === STATE_REVIEW);
  // The questions in scope in study order, with the learner's card where there is one.
  const scopeRows = await session.all<ScopeRow>(
    sql`SELECT q.id, c.state, c.suspended, c.buriedUntil
      FROM Question q JOIN QuestionSet s ON s.id = q.setId
      LEFT JOIN Card c ON c.learnerId = ${learner.id} AND c.questionId = q.id
      WHERE ${scope}
      ORDER BY s.position, q.position`,
  );
  const newAvailable = scopeRows.filter(
    (q) => q.state === null || (q.state === STATE_NEW && !boolFromSql(q.suspended!) && notBuried(q.buriedUntil)),
  );
  const introduced = await session.get<{ n: number | string }>(
    sql`SELECT count(DISTINCT questionId) AS n FROM ReviewLog
      WHERE learnerId = ${learner.id} AND review >= ${todayStart} AND source = 'flashcard' AND state = ${STATE_NEW}`,
  );
  const reviewed = await session.get<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM ReviewLog WHERE learnerId = ${learner.id} AND review >= ${todayStart} AND source = 'flashcard' AND state = ${STATE_REVIEW}`,
  );
  const countsInput: DayCountsInput = {
    limits: { newPerDay: learner.newPerDay + more, reviewsPerDay: learner.reviewsPerDay + more },
    introducedToday: numberFromSql(introduced!.n),
    reviewedToday: numberFromSql(reviewed!.n),
    newAvailable: newAvailable.length,
    learningDue: learning.filter((c) => c.card.due.getTime() <= now.getTime() + LEARN_AHEAD_MS).length,
    reviewDue: reviewsDue.length,
  };
  const counts = dayCounts(countsInput);
  const reviews = reviewsDue.slice(0, counts.review + SPARE).map((c) => ({ itemId: c.questionId, card: cardFromSql(c) }));
  const fresh = newAvailable.slice(0, counts.new + SPARE).map((q) => ({ itemId: q.id, card: null }));

  type Entry = { itemId: string; kind: QueueCard['kind']; card: CardState | null };
  const ordered: Entry[] = [
    ...learning.map((c): Entry => ({ ...c, kind: 'learning' })),
    ...mix<Entry>(
      reviews.slice(0, counts.review).map((c) => ({ ...c, kind: 'review' })),
      fresh.slice(0, counts.new).map((c) => ({ ...c, kind: 'new' })),
    ),
    ...reviews.slice(counts.review).map((c): Entry => ({ ...c, kind: 'review' })),
    ...fresh.slice(counts.new).map((c): Entry => ({ ...c, kind: 'new' })),
  ];
  const chosen = ordered.slice(0, limit);
  const stored = await itemsIn(
    session,
    chosen.map((c) => c.itemId),
  );
  const nextDue =
    (
      await session.get<{ due: string | Date | null }>(
        sql`SELECT min(c.due) AS due FROM Card c JOIN Question q ON q.id = c.questionId JOIN QuestionSet s ON s.id = q.setId
        WHERE c.learnerId = ${learner.id} AND c.due >= ${tomorrow} AND c.suspended = ${false} AND c.state <> ${STATE_NEW} AND ${scope}`,
      )
    )?.due ?? null;
  const scheduler = schedulerForLearner(learner);
  // Every new card starts from the same state, so one preview serves them all.
  let newCardPreviews: Previews | undefined;
  const previews = (card: CardState | null) =>
    card ? previewsFor(scheduler, card, now) : (newCardPreviews ??= previewsFor(scheduler, scheduler.newCard(now), now));
  return {
    counts,
    beyond: beyondLimits(countsInput),
    cards: chosen.map(({ itemId, kind, card }) => {
      const { item, setId: itemSet, articleSlug } = stored.get(itemId)!;
      return {
        itemId,
        setId: itemSet,
        kind,
        due: card ? card.due.toISOString() : null,
        front: cardFront(item),
        back: { ...cardBack(item), readerHref: readerHref(articleSlug, itemId) },
        typed: typedKey(item),
        previews: previews(card),
      };
    }),
    nextDue: nextDue === null ? null : dateFromSql(nextDue).toISOString(),
    dayEndsAt: tomorrow.toISOString(),
  };
}

/**
 * Today's review queue for a learner: learning cards due today, review cards due before the
 * learner's day ends (up to the daily review limit) and new cards (up to the daily new limit),
 * skipping suspended and buried cards. Limits count flashcard reviews only.
 *
 * A card's back is its key. Self-study queues leave out the items withheld from self-study; an
 * assignment's queue holds only the items whose keys the assignment has revealed to this learner
 * (all of a flashcard assignment; in a quiz, none until its reveal policy allows).
 */
export async function getReviewQueue(learner: LearnerRef, query: unknown, now = new Date()): Promise<ReviewQueue> {
  const { setId, items: requested, limit, more, assignmentId } = parseOrThrow(queueQuery, query);
  if (assignmentId) learner = { ...learner, newPerDay: 10_000, reviewsPerDay: 100_000 };
  return inReadSession(async (session) => {
    if (!assignmentId)
      return readQueue(session, {
        learner,
        setId: setId ?? null,
        items: requested ?? null,
        withheld: [...(await withheldIn(session, now)).keys()],
        limit,
        more,
        now,
      });
    const shown = await assignmentVisibilityIn(session, learner.id, assignmentId, now);
    if (!shown) throw notFound('That assignment');
    const items = [...shown].filter(([, show]) => show.showKey).map(([itemId]) => itemId);
    return readQueue(session, { learner, setId: setId ?? null, items, withheld: [], limit, more, now });
  });
}
