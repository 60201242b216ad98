import 'server-only';
import {
  cardColumnsOf,
  cardStateFromColumns,
  ratingFromNumber,
  schedulerFor,
  stateFromNumber,
  RATINGS,
  type CardColumns,
  type CardState,
  type Rating,
  type ReviewLogEntry,
  type Scheduler,
} from '@/lib/scheduler';
import type { Previews } from '@/lib/review/types';
import { fsrsFuzz } from './config';
import type { Card as CardRow, ReviewLog as ReviewLogRow } from './generated/prisma/client';
import { dateFromSql, dateOrNullFromSql } from './sql';

/** The scheduler for a learner's settings (fuzz on in production, off in tests). */
export function schedulerForLearner(learner: { desiredRetention: number }): Scheduler {
  return schedulerFor({ desiredRetention: learner.desiredRetention, fuzz: fsrsFuzz() });
}

export const cardStateFromRow = (row: CardRow): CardState => cardStateFromColumns(row);

/** A card's scheduling columns as the SQL seam returns them (dates as the dialect gives them). */
export type CardSqlRow = Omit<CardColumns, 'due' | 'lastReview'> & { due: string | Date; lastReview: string | Date | null };

export function cardFromSql(row: CardSqlRow): CardState {
  return cardStateFromColumns({ ...row, due: dateFromSql(row.due), lastReview: dateOrNullFromSql(row.lastReview) });
}

/** When each rating would bring the card back, for the answer buttons. */
export function previewsFor(scheduler: Scheduler, card: CardState, now: Date): Previews {
  const preview = scheduler.preview(card, now);
  return Object.fromEntries(RATINGS.map((r) => [r, { due: preview[r].due.toISOString(), interval: preview[r].interval }])) as Previews;
}

export const cardColumns = cardColumnsOf;

export function logEntryFromRow(row: ReviewLogRow): ReviewLogEntry {
  return {
    rating: ratingFromNumber(row.rating),
    state: stateFromNumber(row.state),
    due: row.due,
    lastReview: row.lastReview,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    review: row.review,
  };
}

export type { Rating };
