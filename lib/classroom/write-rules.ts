import { lateStatus, type LateWorkPolicy } from './reveal';

/**
 * The one rule every write tied to an assignment obeys: joining, starting an attempt, answering,
 * submitting and rating a card. Pure: the caller passes `now`, the assignment's settings and, where
 * there is one, the student and the attempt.
 *
 * - A closed assignment takes nothing.
 * - A student who left the class, or an attempt the teacher reset, takes nothing more.
 * - After the due date: refused where late work is refused; otherwise accepted and marked late.
 *   Submitting writes no answer, so it never makes work late: an attempt is late only when an
 *   answer (or a rating) came after the due date.
 * - Joining is refused while the teacher has locked the class list.
 */
export const ASSIGNMENT_WRITES = ['join', 'start', 'answer', 'submit', 'rate'] as const;
export type AssignmentWrite = (typeof ASSIGNMENT_WRITES)[number];

export interface AssignmentRules {
  closedAt: Date | null;
  dueAt: Date | null;
  lateWork: LateWorkPolicy;
  rosterLockedAt?: Date | null;
}

export type WriteDecision = { allowed: true; late: boolean } | { allowed: false; reason: string };

export const REFUSALS = {
  closed: 'Your teacher has closed this assignment.',
  late: 'The due date has passed, and this assignment does not accept late work.',
  locked: 'Your teacher has locked the class list, so nobody new can join. Ask your teacher to let you in.',
  left: 'You left this class, so nothing more can be added to your work here.',
  reset: 'Your teacher reset this attempt; start a new one from the assignment page.',
} as const;

export function assignmentWriteDecision(input: {
  write: AssignmentWrite;
  assignment: AssignmentRules;
  now: Date;
  student?: { leftAt: Date | null } | null;
  attempt?: { resetAt: Date | null } | null;
}): WriteDecision {
  const { write, assignment, now, student, attempt } = input;
  if (assignment.closedAt !== null && now.getTime() >= assignment.closedAt.getTime()) return { allowed: false, reason: REFUSALS.closed };
  if (student?.leftAt) return { allowed: false, reason: REFUSALS.left };
  if (attempt?.resetAt) return { allowed: false, reason: REFUSALS.reset };
  if (write === 'join' && assignment.rosterLockedAt) return { allowed: false, reason: REFUSALS.locked };
  const status = lateStatus({ dueAt: assignment.dueAt, lateWork: assignment.lateWork, now });
  if (status === 'refused') return { allowed: false, reason: REFUSALS.late };
  return { allowed: true, late: status === 'late_accepted' && write !== 'submit' && write !== 'join' && write !== 'start' };
}
