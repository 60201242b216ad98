import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_WRITES, assignmentWriteDecision, REFUSALS, type AssignmentRules } from './write-rules';

const due = new Date('2026-03-02T12:00:00Z');
const before = new Date('2026-03-02T11:00:00Z');
const after = new Date('2026-03-02T12:00:01Z');
const open: AssignmentRules = { closedAt: null, dueAt: due, lateWork: 'refuse' };

describe('assignmentWriteDecision', () => {
  it('accepts every write on time, none of them late', () => {
    for (const write of ASSIGNMENT_WRITES)
      expect(assignmentWriteDecision({ write, assignment: open, now: before })).toEqual({ allowed: true, late: false });
    expect(assignmentWriteDecision({ write: 'answer', assignment: open, now: due })).toEqual({ allowed: true, late: false });
  });

  it('refuses every write after the due date when late work is refused', () => {
    for (const write of ASSIGNMENT_WRITES)
      expect(assignmentWriteDecision({ write, assignment: open, now: after })).toEqual({ allowed: false, reason: REFUSALS.late });
  });

  it('accepts late work where allowed, marking answers and ratings late but never a submit, start or join', () => {
    const accepting = { ...open, lateWork: 'accept' as const };
    expect(assignmentWriteDecision({ write: 'answer', assignment: accepting, now: after })).toEqual({ allowed: true, late: true });
    expect(assignmentWriteDecision({ write: 'rate', assignment: accepting, now: after })).toEqual({ allowed: true, late: true });
    for (const write of ['submit', 'start', 'join'] as const)
      expect(assignmentWriteDecision({ write, assignment: accepting, now: after })).toEqual({ allowed: true, late: false });
  });

  it('refuses every write once the assignment is closed, with or without a due date', () => {
    const closed = { closedAt: before, dueAt: null, lateWork: 'accept' as const };
    for (const write of ASSIGNMENT_WRITES)
      expect(assignmentWriteDecision({ write, assignment: closed, now: before })).toEqual({ allowed: false, reason: REFUSALS.closed });
  });

  it('refuses a student who left and an attempt that was reset', () => {
    expect(assignmentWriteDecision({ write: 'answer', assignment: open, now: before, student: { leftAt: before } })).toEqual({
      allowed: false,
      reason: REFUSALS.left,
    });
    expect(assignmentWriteDecision({ write: 'submit', assignment: open, now: before, attempt: { resetAt: before } })).toEqual({
      allowed: false,
      reason: REFUSALS.reset,
    });
  });

  it('refuses only joins while the class list is locked', () => {
    const locked = { ...open, rosterLockedAt: before };
    expect(assignmentWriteDecision({ write: 'join', assignment: locked, now: before })).toEqual({
      allowed: false,
      reason: REFUSALS.locked,
    });
    expect(assignmentWriteDecision({ write: 'start', assignment: locked, now: before })).toEqual({ allowed: true, late: false });
  });
});
