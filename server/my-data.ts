import 'server-only';
import { toCsv } from '@/lib/classroom/csv';
import { getDb, type Db, type DbTransaction } from './db';
import { AppError } from './errors';
import { reveals } from './feedback';
import type { LearnerRef } from './learners';

/**
 * Exports follow the reveal policy like the pages: where an assignment does not yet show the
 * learner whether an answer was right, the export does not either, nor anything that gives it
 * away (the quiz review's rating and the card's schedule, which follow from right or wrong).
 */
async function hiddenAnswers(learnerId: string, now: Date) {
  const db = await getDb();
  const attempts = await db.quizAttempt.findMany({
    where: { learnerId, assignmentId: { not: null } },
    select: {
      id: true,
      submittedAt: true,
      assignment: { select: { reveal: true, dueAt: true } },
      responses: { select: { questionId: true, answeredAt: true } },
    },
  });
  const hiddenAttempts = new Set<string>();
  /** Per item, the first answer whose correctness is hidden: its reviews from then on are hidden too. */
  const hiddenSince = new Map<string, Date>();
  for (const attempt of attempts) {
    if (reveals(attempt, now).showCorrectness) continue;
    hiddenAttempts.add(attempt.id);
    for (const r of attempt.responses) {
      const since = hiddenSince.get(r.questionId);
      if (!since || r.answeredAt < since) hiddenSince.set(r.questionId, r.answeredAt);
    }
  }
  const reviewHidden = (questionId: string, at: Date) => {
    const since = hiddenSince.get(questionId);
    return since !== undefined && at.getTime() >= since.getTime();
  };
  return { hiddenAttempts, hiddenItems: new Set(hiddenSince.keys()), reviewHidden };
}

/**
 * The learner's reviews in the columns FSRS optimizers read: card_id (an integer per item, in
 * order of first review), review_time (ms since the epoch), review_rating (1–4), review_state
 * (0 new, 1 learning, 2 review, 3 relearning, before the review), review_duration (ms).
 */
export async function reviewsCsv(learner: LearnerRef, now = new Date()): Promise<string> {
  const db = await getDb();
  const logs = await db.reviewLog.findMany({ where: { learnerId: learner.id }, orderBy: [{ review: 'asc' }, { id: 'asc' }] });
  const { reviewHidden } = await hiddenAnswers(learner.id, now);
  const cardIds = new Map<string, number>();
  for (const log of logs) if (!cardIds.has(log.questionId)) cardIds.set(log.questionId, cardIds.size + 1);
  return toCsv(
    ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration', 'item_id', 'source'],
    logs.map((l) => {
      const hidden = reviewHidden(l.questionId, l.review);
      return [
        cardIds.get(l.questionId)!,
        l.review.getTime(),
        hidden ? '' : l.rating,
        hidden ? '' : l.state,
        l.durationMs,
        l.questionId,
        l.source,
      ];
    }),
  );
}

export async function answersCsv(learner: LearnerRef, now = new Date()): Promise<string> {
  const db = await getDb();
  const { hiddenAttempts } = await hiddenAnswers(learner.id, now);
  const rows = await db.quizResponse.findMany({
    where: { attempt: { learnerId: learner.id } },
    orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    include: { attempt: { select: { id: true, setId: true } } },
  });
  return toCsv(
    ['attempt_id', 'set_id', 'item_id', 'answered_at', 'response', 'score', 'correct', 'duration_ms'],
    rows.map((r) => {
      const hidden = hiddenAttempts.has(r.attempt.id);
      return [
        r.attempt.id,
        r.attempt.setId,
        r.questionId,
        r.answeredAt,
        r.response,
        hidden ? '' : r.score,
        hidden ? '' : r.correct,
        r.durationMs,
      ];
    }),
  );
}

/** Everything stored about the learner, as one JSON document. */
export async function exportJson(learner: LearnerRef, now = new Date()) {
  const db = await getDb();
  const { hiddenAttempts, hiddenItems, reviewHidden } = await hiddenAnswers(learner.id, now);
  const [profile, cards, reviews, attempts] = await Promise.all([
    db.learner.findUniqueOrThrow({
      where: { id: learner.id },
      select: {
        id: true,
        displayName: true,
        timeZone: true,
        desiredRetention: true,
        newPerDay: true,
        reviewsPerDay: true,
        typeAnswers: true,
        createdAt: true,
      },
    }),
    db.card.findMany({ where: { learnerId: learner.id }, omit: { learnerId: true }, orderBy: { questionId: 'asc' } }),
    db.reviewLog.findMany({ where: { learnerId: learner.id }, omit: { learnerId: true }, orderBy: { review: 'asc' } }),
    db.quizAttempt.findMany({
      where: { learnerId: learner.id },
      omit: { learnerId: true, seed: true },
      include: { responses: { omit: { attemptId: true } } },
      orderBy: { startedAt: 'asc' },
    }),
  ]);
  return {
    exportedAt: now.toISOString(),
    learner: profile,
    cards: cards.map((c) => (hiddenItems.has(c.questionId) ? { questionId: c.questionId, scheduleHidden: true } : c)),
    reviews: reviews.map((r) =>
      reviewHidden(r.questionId, r.review)
        ? {
            id: r.id,
            reviewId: r.reviewId,
            questionId: r.questionId,
            review: r.review,
            durationMs: r.durationMs,
            source: r.source,
            assignmentId: r.assignmentId,
            ratingHidden: true,
          }
        : r,
    ),
    quizAttempts: attempts.map((a) => {
      const hidden = hiddenAttempts.has(a.id);
      return {
        ...a,
        score: hidden ? null : a.score,
        itemIds: JSON.parse(a.itemIds) as string[],
        responses: a.responses.map((r) => ({
          ...r,
          score: hidden ? null : r.score,
          correct: hidden ? null : r.correct,
          response: JSON.parse(r.response) as unknown,
        })),
      };
    }),
  };
}

export interface ClassEnrolment {
  assignmentId: string;
  title: string;
  nickname: string;
  leftAt: Date | null;
}

/** The classes the learner is on the list of, left ones included. */
async function enrolmentsIn(db: Db | DbTransaction, learnerId: string): Promise<ClassEnrolment[]> {
  const rows = await db.assignmentStudent.findMany({
    where: { learnerId },
    orderBy: { joinedAt: 'asc' },
    select: { assignmentId: true, nickname: true, leftAt: true, assignment: { select: { title: true } } },
  });
  return rows.map((r) => ({ assignmentId: r.assignmentId, title: r.assignment.title, nickname: r.nickname, leftAt: r.leftAt }));
}

export async function classEnrolments(learner: LearnerRef): Promise<ClassEnrolment[]> {
  return enrolmentsIn(await getDb(), learner.id);
}

/**
 * Removes the learner and everything that belongs to them. Work handed to a teacher is not theirs
 * alone to erase: while the learner is in a class they have not left, this is refused (leave the
 * class first). Once every class is left, the class entries, their attempts and their ratings
 * stay with the teachers, under an empty learner record that no device can sign in to; all the
 * rest (devices, cards, other reviews, self-study quizzes, settings, name) is deleted. The check
 * and the deletes are one write transaction, so a class joined meanwhile is either seen or waits.
 */
export async function deleteLearner(learner: LearnerRef): Promise<void> {
  const learnerId = learner.id;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const classes = await enrolmentsIn(tx, learnerId);
    const current = classes.filter((c) => !c.leftAt);
    if (current.length > 0) {
      const names = current.map((c) => `“${c.title}”`).join(', ');
      throw new AppError(
        'conflict',
        `You are in ${current.length === 1 ? 'a class' : `${current.length} classes`} (${names}). Your teacher keeps the work you did there, so leave the class first; then your other data can be deleted.`,
      );
    }
    if (classes.length === 0) {
      await tx.learner.delete({ where: { id: learnerId } });
      return;
    }
    const kept = classes.map((c) => c.assignmentId);
    await tx.learnerToken.deleteMany({ where: { learnerId } });
    await tx.resumeCode.deleteMany({ where: { learnerId } });
    await tx.card.deleteMany({ where: { learnerId } });
    await tx.reviewLog.deleteMany({ where: { learnerId, OR: [{ assignmentId: null }, { assignmentId: { notIn: kept } }] } });
    await tx.quizAttempt.deleteMany({ where: { learnerId, studentId: null } });
    await tx.learner.update({
      where: { id: learnerId },
      data: { displayName: null, timeZone: 'UTC', desiredRetention: 0.9, newPerDay: 20, reviewsPerDay: 200, typeAnswers: true },
    });
  });
}
