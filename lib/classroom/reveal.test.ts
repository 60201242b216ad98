import { describe, expect, it } from 'vitest';
import {
  REVEAL_POLICIES,
  type RevealPolicy,
  assignmentStatus,
  heldBackWording,
  itemVisibility,
  itemsWithheldFromSelfStudy,
  lateStatus,
  revealDecision,
} from './reveal';

const DUE = new Date('2026-03-10T17:00:00Z');
const at = (iso: string) => new Date(iso);
const BEFORE = at('2026-03-10T16:59:59.999Z');
const AFTER = at('2026-03-10T17:00:00.001Z');

const ALL = { showCorrectness: true, showKey: true, showExplanation: true, showSource: true };
const NONE = { showCorrectness: false, showKey: false, showExplanation: false, showSource: false };

function decide(policy: RevealPolicy, submitted: boolean, dueAt: Date | null, now: Date) {
  return revealDecision({ policy, submitted, dueAt, now });
}

describe('revealDecision', () => {
  it('immediately: everything after each answer, submitted or not, due or not', () => {
    for (const submitted of [false, true]) {
      for (const dueAt of [null, DUE]) {
        for (const now of [BEFORE, AFTER]) expect(decide('immediately', submitted, dueAt, now)).toEqual(ALL);
      }
    }
  });

  it('after_submit: nothing until submitted, then everything, whatever the due date', () => {
    for (const dueAt of [null, DUE]) {
      for (const now of [BEFORE, AFTER]) {
        expect(decide('after_submit', false, dueAt, now)).toEqual(NONE);
        expect(decide('after_submit', true, dueAt, now)).toEqual(ALL);
      }
    }
  });

  it('after_due: nothing before the due date, even once submitted', () => {
    expect(decide('after_due', true, DUE, BEFORE)).toEqual(NONE);
    expect(decide('after_due', false, DUE, BEFORE)).toEqual(NONE);
  });

  it('after_due: everything for a submitted attempt from the due instant on', () => {
    expect(decide('after_due', true, DUE, DUE)).toEqual(ALL);
    expect(decide('after_due', true, DUE, AFTER)).toEqual(ALL);
  });

  it('after_due: nothing for an unsubmitted attempt, even past the due date', () => {
    expect(decide('after_due', false, DUE, AFTER)).toEqual(NONE);
  });

  it('after_due without a due date behaves like after_submit', () => {
    for (const submitted of [false, true]) {
      for (const now of [BEFORE, AFTER]) {
        expect(decide('after_due', submitted, null, now)).toEqual(decide('after_submit', submitted, null, now));
      }
    }
  });

  it('never: only "recorded", even after submitting and past the due date', () => {
    for (const submitted of [false, true]) {
      for (const dueAt of [null, DUE]) {
        for (const now of [BEFORE, AFTER]) expect(decide('never', submitted, dueAt, now)).toEqual(NONE);
      }
    }
  });

  it('returns a fresh object each time', () => {
    const a = decide('immediately', false, null, BEFORE);
    a.showKey = false;
    expect(decide('immediately', false, null, BEFORE).showKey).toBe(true);
    expect(REVEAL_POLICIES).toHaveLength(4);
  });
});

describe('lateStatus', () => {
  it('is on time with no due date', () => {
    expect(lateStatus({ dueAt: null, lateWork: 'refuse', now: AFTER })).toBe('on_time');
    expect(lateStatus({ dueAt: null, lateWork: 'accept', now: AFTER })).toBe('on_time');
  });

  it('is on time up to and including the due instant', () => {
    for (const lateWork of ['refuse', 'accept'] as const) {
      expect(lateStatus({ dueAt: DUE, lateWork, now: BEFORE })).toBe('on_time');
      expect(lateStatus({ dueAt: DUE, lateWork, now: DUE })).toBe('on_time');
    }
  });

  it('after the due date: accepted late or refused, as the teacher chose', () => {
    expect(lateStatus({ dueAt: DUE, lateWork: 'accept', now: AFTER })).toBe('late_accepted');
    expect(lateStatus({ dueAt: DUE, lateWork: 'refuse', now: AFTER })).toBe('refused');
  });
});

describe('assignmentStatus', () => {
  const status = (closedAt: Date | null, dueAt: Date | null, now: Date, soonHours?: number) =>
    assignmentStatus({ closedAt, dueAt, now, soonHours });

  it('is open with no dates, or a due date far off', () => {
    expect(status(null, null, BEFORE)).toBe('open');
    expect(status(null, DUE, at('2026-03-09T16:59:59.999Z'))).toBe('open');
  });

  it('is due soon within 24 hours of the due date, inclusive', () => {
    expect(status(null, DUE, at('2026-03-09T17:00:00Z'))).toBe('due_soon');
    expect(status(null, DUE, BEFORE)).toBe('due_soon');
    expect(status(null, DUE, DUE)).toBe('due_soon');
  });

  it('takes another window from soonHours', () => {
    expect(status(null, DUE, at('2026-03-08T17:00:00Z'), 48)).toBe('due_soon');
    expect(status(null, DUE, at('2026-03-10T15:59:59Z'), 1)).toBe('open');
    expect(status(null, DUE, at('2026-03-10T16:00:00Z'), 1)).toBe('due_soon');
    expect(status(null, DUE, BEFORE, 0)).toBe('open');
  });

  it('is past due after the due date', () => {
    expect(status(null, DUE, AFTER)).toBe('past_due');
  });

  it('is closed from closedAt on, whatever the due date', () => {
    const closedAt = at('2026-03-12T00:00:00Z');
    expect(status(closedAt, DUE, closedAt)).toBe('closed');
    expect(status(closedAt, null, at('2026-04-01T00:00:00Z'))).toBe('closed');
    expect(status(BEFORE, DUE, BEFORE)).toBe('closed'); // closed early, before the due date
  });

  it('is not closed before a future closedAt', () => {
    const closedAt = at('2026-03-12T00:00:00Z');
    expect(status(closedAt, DUE, AFTER)).toBe('past_due');
    expect(status(closedAt, DUE, BEFORE)).toBe('due_soon');
    expect(status(closedAt, null, BEFORE)).toBe('open');
  });
});

describe('itemVisibility', () => {
  const inQuiz = (policy: RevealPolicy, attempt: { submitted: boolean; answered: boolean } | null, now = AFTER) =>
    itemVisibility({ kind: 'assignment', mode: 'quiz', policy, dueAt: DUE, attempt, now });

  it('self-study shows everything, unless a Secure assignment withholds the item', () => {
    expect(itemVisibility({ kind: 'self_study', withheld: false })).toEqual(ALL);
    expect(itemVisibility({ kind: 'self_study', withheld: true })).toEqual(NONE);
  });

  it('a quiz assignment shows nothing of an item the learner has not answered, under every policy', () => {
    for (const policy of REVEAL_POLICIES) {
      expect(inQuiz(policy, null)).toEqual(NONE);
      expect(inQuiz(policy, { submitted: false, answered: false })).toEqual(NONE);
    }
  });

  it('after answering, follows the reveal policy', () => {
    expect(inQuiz('immediately', { submitted: false, answered: true })).toEqual(ALL);
    expect(inQuiz('after_submit', { submitted: false, answered: true })).toEqual(NONE);
    expect(inQuiz('after_submit', { submitted: true, answered: false })).toEqual(ALL);
    expect(inQuiz('after_due', { submitted: true, answered: true }, BEFORE)).toEqual(NONE);
    expect(inQuiz('after_due', { submitted: true, answered: true }, AFTER)).toEqual(ALL);
    expect(inQuiz('never', { submitted: true, answered: true })).toEqual(NONE);
  });

  it('flashcard practice shows backs', () => {
    expect(itemVisibility({ kind: 'assignment', mode: 'flashcards', policy: 'never', dueAt: null, attempt: null, now: AFTER })).toEqual(
      ALL,
    );
  });
});

describe('itemsWithheldFromSelfStudy', () => {
  const secure = { security: 'secure' as const, itemIds: ['q1', 'q2'], closedAt: null, dueAt: DUE, lateWork: 'refuse' as const };

  it('withholds the items of an open Secure assignment until its due date when late work is refused', () => {
    expect([...itemsWithheldFromSelfStudy([secure], BEFORE)]).toEqual([
      ['q1', DUE],
      ['q2', DUE],
    ]);
    expect(itemsWithheldFromSelfStudy([secure], AFTER).size).toBe(0);
  });

  it('never withholds for Practice, nor once the assignment is closed', () => {
    expect(itemsWithheldFromSelfStudy([{ ...secure, security: 'practice' }], BEFORE).size).toBe(0);
    expect(itemsWithheldFromSelfStudy([{ ...secure, closedAt: BEFORE }], BEFORE).size).toBe(0);
  });

  it('with late work accepted, holds on until the teacher closes it (no known return)', () => {
    const late = { ...secure, lateWork: 'accept' as const };
    expect(itemsWithheldFromSelfStudy([late], AFTER).get('q1')).toBeNull();
    expect(itemsWithheldFromSelfStudy([late, secure], BEFORE).get('q1')).toBeNull();
  });

  it('an item held twice returns when the later assignment lets go', () => {
    const later = { ...secure, itemIds: ['q2'], dueAt: at('2026-03-12T00:00:00Z') };
    const held = itemsWithheldFromSelfStudy([secure, later], BEFORE);
    expect(held.get('q1')).toEqual(DUE);
    expect(held.get('q2')).toEqual(later.dueAt);
  });
});

describe('heldBackWording', () => {
  it('promises the score and answers at hand-in exactly where revealDecision shows them on submitting', () => {
    for (const policy of REVEAL_POLICIES) {
      for (const dueAt of [null, DUE]) {
        const words = heldBackWording(policy, dueAt);
        const atHandIn = decide(policy, true, dueAt, BEFORE).showCorrectness;
        expect(/when you hand in/.test(words.afterAnswer), `${policy}, due ${String(dueAt)}`).toBe(atHandIn);
        expect(/after the due date/.test(words.afterAnswer)).toBe(!atHandIn && decide(policy, true, dueAt, AFTER).showCorrectness);
        expect(/does not show/.test(words.afterAnswer)).toBe(policy === 'never');
        expect(words.afterAnswer).not.toMatch(/teacher will share/);
      }
    }
  });
});
