import 'server-only';
import {
  cardStatesBySet,
  forecast,
  heatmap,
  masteryBySet,
  retentionWindows,
  schedulerRecall,
  streaks,
  todaySummary,
  toCardRow,
  toReviewRow,
  weakestItems,
  type CardStateCounts,
  type DayCount,
  type Mastery,
} from '@/lib/progress';
import { schedulerForLearner } from './cards';
import { getDb, inReadSession } from './db';
import type { RevealDecision } from '@/lib/classroom/reveal';
import { assignmentVisibilityIn } from './feedback';
import type { LearnerRef } from './learners';

/**
 * For each of the learner's assignments, the items whose correctness it has not revealed to them
 * yet. A quiz answer is also a review of the learner's card, so until then the answer's rating,
 * the card's schedule and the attempt's score would tell them what the teacher holds back.
 */
function heldBack(learnerId: string, assignmentIds: readonly string[], now: Date): Promise<Map<string, Set<string>>> {
  if (assignmentIds.length === 0) return Promise.resolve(new Map());
  return inReadSession(async (session) => {
    const held = new Map<string, Set<string>>();
    for (const id of assignmentIds) {
      const shown = (await assignmentVisibilityIn(session, learnerId, id, now)) ?? new Map<string, RevealDecision>();
      held.set(id, new Set([...shown].filter(([, decision]) => !decision.showCorrectness).map(([itemId]) => itemId)));
    }
    return held;
  });
}

export interface SetProgress {
  setId: string;
  title: string;
  states: CardStateCounts;
  mastery: Mastery;
}

export interface Progress {
  today: ReturnType<typeof todaySummary>;
  streak: ReturnType<typeof streaks>;
  heatmap: ReturnType<typeof heatmap>;
  forecast: DayCount[];
  retention: ReturnType<typeof retentionWindows>;
  desiredRetention: number;
  sets: SetProgress[];
  weakest: { questionId: string; prompt: string; setTitle: string; misses: number; lapses: number; recall: number }[];
  quizzes: {
    id: string;
    setTitle: string | null;
    startedAt: Date;
    submittedAt: Date | null;
    score: number | null;
    maxScore: number | null;
    answered: number;
    total: number;
  }[];
  totalReviews: number;
}

/** Everything the progress page shows, computed from the stored cards, reviews and attempts. */
export async function getProgress(learner: LearnerRef, now = new Date()): Promise<Progress> {
  const db = await getDb();
  const [sets, questions, cardRows, reviewRows, attempts] = await Promise.all([
    db.questionSet.findMany({
      where: { retiredAt: null },
      orderBy: [{ articleSlug: 'asc' }, { position: 'asc' }],
      select: { id: true, title: true },
    }),
    db.question.findMany({ where: { retiredAt: null, set: { retiredAt: null } }, select: { id: true, setId: true, data: true } }),
    db.card.findMany({
      where: { learnerId: learner.id, question: { retiredAt: null } },
      include: { question: { select: { setId: true } } },
    }),
    db.reviewLog.findMany({ where: { learnerId: learner.id }, orderBy: { review: 'asc' } }),
    db.quizAttempt.findMany({
      where: { learnerId: learner.id },
      orderBy: { startedAt: 'desc' },
      take: 50,
      include: { set: { select: { title: true } }, _count: { select: { responses: true } } },
    }),
  ]);
  const assignmentIds = [...new Set([...reviewRows, ...attempts].flatMap((r) => (r.assignmentId ? [r.assignmentId] : [])))];
  const held = await heldBack(learner.id, assignmentIds, now);
  const heldItems = new Set([...held.values()].flatMap((items) => [...items]));
  const allCards = cardRows.map((c) => toCardRow({ ...c, setId: c.question.setId }));
  const cards = allCards.filter((c) => !heldItems.has(c.questionId));
  const reviews = reviewRows.filter((r) => !(r.assignmentId && held.get(r.assignmentId)?.has(r.questionId))).map(toReviewRow);
  const seen = new Set(allCards.map((c) => c.questionId));
  const unseenBySet = new Map(sets.map((s) => [s.id, questions.filter((q) => q.setId === s.id && !seen.has(q.id)).length]));
  const unseen = [...unseenBySet.values()].reduce((a, b) => a + b, 0);
  const statesBySet = cardStatesBySet(cards, unseenBySet);
  const masteries = masteryBySet(statesBySet);
  const recall = schedulerRecall(schedulerForLearner(learner));
  const questionById = new Map(questions.map((q) => [q.id, q]));
  const setTitle = new Map(sets.map((s) => [s.id, s.title]));

  return {
    // Today's counts are the review queue's, which keeps its own rules for withheld items.
    today: todaySummary(allCards, reviewRows.map(toReviewRow), now, learner.timeZone, learner, unseen),
    streak: streaks(reviews, now, learner.timeZone),
    heatmap: heatmap(reviews, now, learner.timeZone),
    forecast: forecast(cards, now, learner.timeZone),
    retention: retentionWindows(reviews, now),
    desiredRetention: learner.desiredRetention,
    sets: sets.map((s) => ({ setId: s.id, title: s.title, states: statesBySet.get(s.id)!, mastery: masteries.get(s.id)! })),
    weakest: weakestItems(cards, reviews, now, recall).flatMap((w) => {
      const q = questionById.get(w.questionId);
      return q ? [{ ...w, prompt: (JSON.parse(q.data) as { prompt: string }).prompt, setTitle: setTitle.get(q.setId) ?? '' }] : [];
    }),
    quizzes: attempts.map((a) => ({
      id: a.id,
      setTitle: a.set?.title ?? null,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      ...(a.assignmentId && [...(held.get(a.assignmentId) ?? [])].some((itemId) => (JSON.parse(a.itemIds) as string[]).includes(itemId))
        ? { score: null, maxScore: null }
        : { score: a.score, maxScore: a.maxScore }),
      answered: a._count.responses,
      total: (JSON.parse(a.itemIds) as string[]).length,
    })),
    totalReviews: reviews.length,
  };
}
