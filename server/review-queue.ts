import 'server-only';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { idSchema } from '@/lib/questions/schema';
import { cardBack, cardFront, typedKey } from '@/lib/quiz/card-faces';
import { beyondLimits, dayCounts, type DayCountsInput } from '@/lib/review/day-counts';
import type { Previews, QueueCard, ReviewQueue } from '@/lib/review/types';
import { dayStart, LEARN_AHEAD_MS, learnerDay, nextDayStart, type CardState } from '@/lib/scheduler';
import { cardFromSql, previewsFor, schedulerForLearner, type CardSqlRow } from './cards';
import { withSqlite } from './db';
import { notFound, parseOrThrow } from './errors';
import { itemsIn, readerHref } from './items';
import type { LearnerRef } from './learners';
import { assignmentVisibilityIn, withheldIn } from './feedback';
import { dateOrNullFromSql, prepared, sqlDate } from './sql';
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

// Every query below is limited to the live questions in scope: `@setId` and `@items` (a JSON
// array) narrow it when they are not null.
// `@withheld` (a JSON array) lists the items the learner may not see here (see server/feedback.ts).
const IN_SCOPE = `q.retiredAt IS NULL AND s.retiredAt IS NULL
  AND (@setId IS NULL OR q.setId = @setId)
  AND (@items IS NULL OR q.id IN (SELECT value FROM json_each(@items)))
  AND q.id NOT IN (SELECT value FROM json_each(@withheld))`;

const SQL = {
  liveSet: 'SELECT 1 FROM QuestionSet WHERE id = ? AND retiredAt IS NULL',
  // Card_learnerId_due_idx drives this: only the learner's cards due before tomorrow are read.
  due: `SELECT c.questionId, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview, c.buriedUntil
    FROM Card c JOIN Question q ON q.id = c.questionId JOIN QuestionSet s ON s.id = q.setId
    WHERE c.learnerId = @learnerId AND c.due < @tomorrow AND c.suspended = 0 AND c.state <> ${STATE_NEW} AND ${IN_SCOPE}
    ORDER BY c.due`,
  // The questions in scope in study order, with the learner's card where there is one.
  scope: `SELECT q.id, c.state, c.suspended, c.buriedUntil
    FROM Question q JOIN QuestionSet s ON s.id = q.setId
    LEFT JOIN Card c ON c.learnerId = @learnerId AND c.questionId = q.id
    WHERE ${IN_SCOPE}
    ORDER BY s.position, q.position`,
  reviewedToday: `SELECT count(*) FROM ReviewLog WHERE learnerId = ? AND review >= ? AND source = 'flashcard' AND state = ${STATE_REVIEW}`,
  newToday: `SELECT count(DISTINCT questionId) FROM ReviewLog WHERE learnerId = ? AND review >= ? AND source = 'flashcard' AND state = ${STATE_NEW}`,
  nextDue: `SELECT min(c.due) FROM Card c JOIN Question q ON q.id = c.questionId JOIN QuestionSet s ON s.id = q.setId
    WHERE c.learnerId = @learnerId AND c.due >= @tomorrow AND c.suspended = 0 AND c.state <> ${STATE_NEW} AND ${IN_SCOPE}`,
};

type DueRow = CardSqlRow & { questionId: string; buriedUntil: string | null };
type ScopeRow = { id: string; state: number | null; suspended: number | null; buriedUntil: string | null };

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
function readQueue(sqlite: Database.Database, { learner, setId, items, withheld, limit, more, now }: QueueScope): ReviewQueue {
  if (setId && !prepared(sqlite, SQL.liveSet).get(setId)) throw notFound(`Set "${setId}"`);
  const todayStart = sqlDate(dayStart(learnerDay(now, learner.timeZone), learner.timeZone));
  const tomorrow = nextDayStart(now, learner.timeZone);
  const scope = {
    learnerId: learner.id,
    tomorrow: sqlDate(tomorrow),
    setId,
    items: items && JSON.stringify(items),
    withheld: JSON.stringify(withheld),
  };
  const notBuried = (buriedUntil: string | null) => buriedUntil === null || (dateOrNullFromSql(buriedUntil) as Date) <= now;

  const due = (prepared(sqlite, SQL.due).all(scope) as DueRow[]).filter((c) => notBuried(c.buriedUntil));
  const learning = due.filter((c) => c.state !== STATE_REVIEW).map((c) => ({ itemId: c.questionId, card: cardFromSql(c) }));
  const reviewsDue = due.filter((c) => c.state === STATE_REVIEW);
  const newAvailable = (prepared(sqlite, SQL.scope).all(scope) as ScopeRow[]).filter(
    (q) => q.state === null || (q.state === STATE_NEW && q.suspended === 0 && notBuried(q.buriedUntil)),
  );
  const countsInput: DayCountsInput = {
    limits: { newPerDay: learner.newPerDay + more, reviewsPerDay: learner.reviewsPerDay + more },
    introducedToday: prepared(sqlite, SQL.newToday).pluck().get(learner.id, todayStart) as number,
    reviewedToday: prepared(sqlite, SQL.reviewedToday).pluck().get(learner.id, todayStart) as number,
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
  const stored = itemsIn(
    sqlite,
    chosen.map((c) => c.itemId),
  );
  const nextDue = prepared(sqlite, SQL.nextDue).pluck().get(scope) as string | null;
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
    nextDue: nextDue === null ? null : new Date(nextDue).toISOString(),
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
  return withSqlite((sqlite) => {
    if (!assignmentId)
      return readQueue(sqlite, {
        learner,
        setId: setId ?? null,
        items: requested ?? null,
        withheld: [...withheldIn(sqlite, now).keys()],
        limit,
        more,
        now,
      });
    const shown = assignmentVisibilityIn(sqlite, learner.id, assignmentId, now);
    if (!shown) throw notFound('That assignment');
    const items = [...shown].filter(([, show]) => show.showKey).map(([itemId]) => itemId);
    return readQueue(sqlite, { learner, setId: setId ?? null, items, withheld: [], limit, more, now });
  });
}
