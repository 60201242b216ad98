import 'server-only';
import {
  cardColumnsOf,
  cardStateFromColumns,
  ratingFromNumber,
  ratingToNumber,
  schedulerFor,
  stateFromNumber,
  stateToNumber,
  type CardState,
  type Rating,
  type ReviewLogEntry,
  type Scheduler,
} from '@/lib/scheduler';
import { fsrsFuzz } from './config';
import type { Card as CardRow, ReviewLog as ReviewLogRow } from './generated/prisma/client';

/** The scheduler for a learner's settings (fuzz on in production, off in tests). */
export function schedulerForLearner(learner: { desiredRetention: number }): Scheduler {
  return schedulerFor({ desiredRetention: learner.desiredRetention, fuzz: fsrsFuzz() });
}

export const cardStateFromRow = (row: CardRow): CardState => cardStateFromColumns(row);

export const cardColumns = cardColumnsOf;

export function logColumns(log: ReviewLogEntry) {
  return {
    rating: ratingToNumber(log.rating),
    state: stateToNumber(log.state),
    due: log.due,
    lastReview: log.lastReview,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    review: log.review,
  };
}

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
