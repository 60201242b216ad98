import { describe, expect, it } from 'vitest';
import { judgeAttempts, keysShownAt, type AttemptForScoring } from './attempt-scoring';

const t = (minute: number) => new Date(Date.UTC(2026, 2, 2, 12, minute));
const due = t(30);

function attempt(id: string, start: number, end: number | null, score: number, extra: Partial<AttemptForScoring> = {}): AttemptForScoring {
  return {
    id,
    startedAt: t(start),
    submittedAt: end === null ? null : t(end),
    resetAt: null,
    firstAnsweredAt: t(start + 1),
    lastAnsweredAt: t(end ?? start + 2),
    score,
    ...extra,
  };
}

describe('keysShownAt', () => {
  const a = attempt('a', 0, 10, 2);
  it('follows the reveal policy', () => {
    expect(keysShownAt(a, 'immediately', due)).toEqual(t(1));
    expect(keysShownAt(a, 'after_submit', due)).toEqual(t(10));
    expect(keysShownAt(a, 'after_due', due)).toEqual(due);
    expect(keysShownAt(a, 'after_due', null)).toEqual(t(10));
    expect(keysShownAt(attempt('b', 40, 50, 1), 'after_due', due)).toEqual(t(50));
    expect(keysShownAt(a, 'never', due)).toBeNull();
    expect(keysShownAt(attempt('c', 0, null, 0), 'after_submit', due)).toBeNull();
  });
});

describe('judgeAttempts', () => {
  it('keeps the best score from before the keys: a late retry after reading them is flagged and not counted', () => {
    const verdicts = judgeAttempts([attempt('first', 0, 10, 2), attempt('retry', 40, 50, 31)], 'after_due', due);
    expect(verdicts).toEqual([
      { id: 'first', afterKeys: false, counted: true },
      { id: 'retry', afterKeys: true, counted: false },
    ]);
  });

  it('flags an attempt started before the due date but answered after the keys appeared', () => {
    const verdicts = judgeAttempts(
      [attempt('first', 0, 10, 2), attempt('waiting', 11, 45, 30, { lastAnsweredAt: t(44) })],
      'after_due',
      due,
    );
    expect(verdicts.map((v) => v.afterKeys)).toEqual([false, true]);
  });

  it('counts the best of several attempts when no keys were ever shown', () => {
    const verdicts = judgeAttempts([attempt('a', 0, 10, 5), attempt('b', 11, 20, 7), attempt('c', 21, 25, 6)], 'never', due);
    expect(verdicts.filter((v) => v.counted).map((v) => v.id)).toEqual(['b']);
    expect(verdicts.some((v) => v.afterKeys)).toBe(false);
  });

  it('never counts a reset attempt, but its keys were still seen', () => {
    const verdicts = judgeAttempts([attempt('reset', 0, 10, 9, { resetAt: t(12) }), attempt('again', 13, 20, 4)], 'after_submit', due);
    expect(verdicts).toEqual([
      { id: 'reset', afterKeys: false, counted: false },
      { id: 'again', afterKeys: true, counted: true },
    ]);
  });

  it('counts an open attempt when nothing is submitted, and nothing when there is no attempt', () => {
    expect(judgeAttempts([attempt('open', 0, null, 1)], 'after_submit', due)).toEqual([{ id: 'open', afterKeys: false, counted: true }]);
    expect(judgeAttempts([], 'after_submit', due)).toEqual([]);
  });
});
