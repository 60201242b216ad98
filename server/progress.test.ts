import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, learnerForToken, rotateTokens, type LearnerRef } from './learners';
import { answersCsv, deleteLearner, exportJson, reviewsCsv } from './my-data';
import { getProgress } from './progress';
import { answerQuestion } from './answers';
import { startAttempt } from './quizzes';
import { createResumeCode, redeemResumeCode } from './resume-codes';
import { rateCard } from './reviews';
import { updateSettings } from './settings';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let learner: LearnerRef;
let token: string;
// Europe/London in March, before the clocks change: local time = UTC.
const at = (iso: string) => new Date(iso);
let n = 0;
const rid = () => `review-${String(++n).padStart(6, '0')}`;

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  ({ learner, token } = await createLearner({ timeZone: 'Europe/London' }));
});
afterEach(() => cleanup());

async function rate(itemId: string, rating: 'again' | 'hard' | 'good' | 'easy', when: string) {
  return rateCard(learner, { reviewId: rid(), itemId, rating, durationMs: 2000 }, at(when));
}

describe('progress from a seeded history', () => {
  it('equals the hand-computed figures', async () => {
    // Day 1 (2 Mar): two new cards. Day 2 (3 Mar, 03:30 local still counts as 2 Mar!). Day 3: 4 Mar.
    await rate('tl-001', 'good', '2026-03-02T10:00:00Z');
    await rate('tl-002', 'again', '2026-03-02T10:01:00Z');
    await rate('tl-001', 'good', '2026-03-02T10:11:00Z'); // graduates: review, due in 2 days
    await rate('tl-002', 'good', '2026-03-03T03:30:00Z'); // before 04:00: still 2 March
    await rate('tl-002', 'good', '2026-03-04T09:00:00Z');
    await rate('tl-001', 'again', '2026-03-04T09:05:00Z'); // a lapse on a review card
    const p = await getProgress(learner, at('2026-03-04T12:00:00Z'));

    expect(p.totalReviews).toBe(6);
    expect(p.heatmap.days.filter((d) => d.count > 0)).toEqual([
      { day: '2026-03-02', count: 4 },
      { day: '2026-03-04', count: 2 },
    ]);
    expect(p.streak).toEqual({ current: 1, longest: 1, reviewedToday: true });
    // Retention counts only reviews of cards in the Review state: tl-002 was still learning until it
    // graduated on 4 Mar, so the one such review is tl-001's Again.
    expect(p.retention.week).toEqual({ reviews: 1, passed: 0, rate: 0 });
    expect(p.weakest[0]).toMatchObject({ questionId: 'tl-001', lapses: 1 });
    const timeline = p.sets.find((s) => s.setId === 'timeline')!;
    const timelineItems = await (await getDb()).question.count({ where: { setId: 'timeline' } });
    expect(timeline.states.new + timeline.states.learning + timeline.states.young + timeline.states.mature).toBe(timelineItems);
    expect(timeline.states.learning).toBe(1); // tl-001 relearning
    expect(timeline.states.young).toBe(1); // tl-002
    expect(p.today.reviewsDoneToday).toBe(2);
  });

  it('lists quiz attempts with their scores', async () => {
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline', itemIds: ['tl-001'] });
    const item = items[0]!;
    if (item.type !== 'single') throw new Error('tl-001 is a single-choice item');
    await answerQuestion(
      learner,
      attemptId,
      { answerId: 'answer-0001', itemId: item.id, response: { choice: item.options[0]!.id } },
      at('2026-03-02T10:00:00Z'),
    );
    const p = await getProgress(learner, at('2026-03-02T12:00:00Z'));
    expect(p.quizzes).toHaveLength(1);
    expect(p.quizzes[0]).toMatchObject({ id: attemptId, setTitle: 'Timeline', answered: 1, total: 1, submittedAt: null });
  });
});

describe('settings', () => {
  it('saves valid settings and refuses bad ones with the field named', async () => {
    const saved = await updateSettings(learner, {
      displayName: '  Ana ',
      timeZone: 'Asia/Tokyo',
      desiredRetention: '0.85',
      newPerDay: '10',
      reviewsPerDay: '100',
      typeAnswers: false,
    });
    expect(saved).toMatchObject({ displayName: 'Ana', timeZone: 'Asia/Tokyo', desiredRetention: 0.85, newPerDay: 10, typeAnswers: false });
    const bad = await updateSettings(learner, {
      displayName: '',
      timeZone: 'Mars/Olympus',
      desiredRetention: 0.5,
      newPerDay: 1,
      reviewsPerDay: 1,
      typeAnswers: true,
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).message).toMatch(/^timeZone: /);
  });
});

describe('devices', () => {
  it('a resume code signs another device in once, within 15 minutes', async () => {
    const { code } = await createResumeCode(learner, at('2026-03-02T10:00:00Z'));
    const { token: second, learnerId } = await redeemResumeCode(code, at('2026-03-02T10:10:00Z'));
    expect(learnerId).toBe(learner.id);
    expect((await learnerForToken(second))?.id).toBe(learner.id);
    expect((await learnerForToken(token))?.id).toBe(learner.id);
    await expect(redeemResumeCode(code, at('2026-03-02T10:11:00Z'))).rejects.toThrow(/expired or was already used/);
    const late = await createResumeCode(learner, at('2026-03-02T10:00:00Z'));
    await expect(redeemResumeCode(late.code, at('2026-03-02T10:15:01Z'))).rejects.toThrow(/expired or was already used/);
    await expect(redeemResumeCode('not a code')).rejects.toThrow(/not valid/);
  });

  it('signing out other devices leaves only the new token', async () => {
    const { code } = await createResumeCode(learner);
    const { token: second } = await redeemResumeCode(code);
    const fresh = await rotateTokens(learner.id);
    expect(await learnerForToken(token)).toBeNull();
    expect(await learnerForToken(second)).toBeNull();
    expect((await learnerForToken(fresh))?.id).toBe(learner.id);
  });
});

describe('one’s own data', () => {
  it('exports reviews in the FSRS optimizer columns, answers and everything as JSON', async () => {
    await rate('tl-001', 'good', '2026-03-02T10:00:00Z');
    await rate('tl-002', 'again', '2026-03-02T10:01:00Z');
    await rate('tl-001', 'good', '2026-03-02T10:11:00Z');
    const csv = await reviewsCsv(learner);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"card_id","review_time","review_rating","review_state","review_duration","item_id","source"');
    expect(lines.slice(1)).toEqual([
      `"1","${Date.parse('2026-03-02T10:00:00Z')}","3","0","2000","tl-001","flashcard"`,
      `"2","${Date.parse('2026-03-02T10:01:00Z')}","1","0","2000","tl-002","flashcard"`,
      `"1","${Date.parse('2026-03-02T10:11:00Z')}","3","1","2000","tl-001","flashcard"`,
    ]);
    expect((await answersCsv(learner)).split('\r\n')[0]).toContain('"attempt_id"');
    const json = await exportJson(learner);
    expect(json.reviews).toHaveLength(3);
    expect(JSON.stringify(json)).not.toContain('tokenHash');
  });

  it('deleting a learner leaves nothing of theirs behind', async () => {
    await rate('tl-001', 'good', '2026-03-02T10:00:00Z');
    const { attemptId, items } = await startAttempt(learner, { setId: 'timeline', itemIds: ['tl-002'] });
    const item = items[0]!;
    if (item.type !== 'single') throw new Error('tl-002 is a single-choice item');
    await answerQuestion(learner, attemptId, { answerId: 'answer-0001', itemId: item.id, response: { choice: item.options[0]!.id } });
    await createResumeCode(learner);
    const other = (await createLearner()).learner;
    await rateCard(other, { reviewId: rid(), itemId: 'tl-001', rating: 'good', durationMs: 1 });

    await deleteLearner(learner);
    const db = await getDb();
    const mine = { learnerId: learner.id };
    expect(
      await Promise.all([
        db.learner.count({ where: { id: learner.id } }),
        db.learnerToken.count({ where: mine }),
        db.resumeCode.count({ where: mine }),
        db.card.count({ where: mine }),
        db.reviewLog.count({ where: mine }),
        db.quizAttempt.count({ where: mine }),
        db.quizResponse.count({ where: { attemptId } }),
      ]),
    ).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await db.reviewLog.count({ where: { learnerId: other.id } })).toBe(1);
  });
});
