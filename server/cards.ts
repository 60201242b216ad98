import 'server-only';
import {
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

export function cardStateFromRow(row: CardRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: stateFromNumber(row.state),
    lastReview: row.lastReview,
  };
}

export function cardColumns(card: CardState) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateToNumber(card.state),
    lastReview: card.lastReview,
  };
}

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
