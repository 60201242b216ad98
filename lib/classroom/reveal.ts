/**
 * What a student may see about their answers, and where an assignment stands in time. All pure:
 * the caller passes `now`.
 *
 * Deadlines: a submission at exactly `dueAt` is on time (late means strictly after, as in Moodle),
 * and the assignment counts as past due from the instant after. Keys under 'after_due' unlock at
 * `now >= dueAt`; because they unlock only for submitted attempts (see revealDecision), the shared
 * instant cannot let anyone see a key and still change an on-time answer.
 */

export const REVEAL_POLICIES = ['immediately', 'after_submit', 'after_due', 'never'] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

export const LATE_WORK_POLICIES = ['refuse', 'accept'] as const;
export type LateWorkPolicy = (typeof LATE_WORK_POLICIES)[number];

export interface RevealDecision {
  /** Right or wrong (and the mark). */
  showCorrectness: boolean;
  /** The correct answer. */
  showKey: boolean;
  /** The item's explanation. */
  showExplanation: boolean;
}

const SHOW_ALL: RevealDecision = Object.freeze({ showCorrectness: true, showKey: true, showExplanation: true });
/** Only that the answer was recorded. */
const SHOW_NOTHING: RevealDecision = Object.freeze({ showCorrectness: false, showKey: false, showExplanation: false });

/**
 * For an answered item in a student's attempt:
 * - immediately: everything, straight after each answer;
 * - after_submit: nothing until the attempt is submitted, then everything;
 * - after_due: nothing until the attempt is submitted AND `now >= dueAt`, then everything; with no
 *   due date it behaves like after_submit. (Requiring the submission too is deliberate: where late
 *   work is accepted, an unsubmitted attempt past the due date could otherwise still be answered
 *   with the key on screen.)
 * - never: nothing, even after submitting; the student sees only that the answer was recorded.
 */
export function revealDecision(input: { policy: RevealPolicy; submitted: boolean; dueAt: Date | null; now: Date }): RevealDecision {
  const { policy, submitted, dueAt, now } = input;
  switch (policy) {
    case 'immediately':
      return { ...SHOW_ALL };
    case 'after_submit':
      return { ...(submitted ? SHOW_ALL : SHOW_NOTHING) };
    case 'after_due': {
      const dueHasPassed = dueAt === null || now.getTime() >= dueAt.getTime();
      return { ...(submitted && dueHasPassed ? SHOW_ALL : SHOW_NOTHING) };
    }
    case 'never':
      return { ...SHOW_NOTHING };
  }
}

export type LateStatus = 'on_time' | 'late_accepted' | 'refused';

/** Whether work handed in at `now` is on time, late but accepted, or refused. No due date: on time. */
export function lateStatus(input: { dueAt: Date | null; lateWork: LateWorkPolicy; now: Date }): LateStatus {
  const { dueAt, lateWork, now } = input;
  if (dueAt === null || now.getTime() <= dueAt.getTime()) return 'on_time';
  return lateWork === 'accept' ? 'late_accepted' : 'refused';
}

export type AssignmentStatus = 'open' | 'due_soon' | 'closed' | 'past_due';

const HOUR_MS = 60 * 60 * 1000;

/**
 * closed: `closedAt` is set and has arrived (it wins over everything else);
 * past_due: after `dueAt`;
 * due_soon: `dueAt` is at most `soonHours` away (and not yet passed);
 * open: otherwise, including when there is no due date.
 */
export function assignmentStatus(input: { closedAt: Date | null; dueAt: Date | null; now: Date; soonHours?: number }): AssignmentStatus {
  const { closedAt, dueAt, now, soonHours = 24 } = input;
  const t = now.getTime();
  if (closedAt !== null && t >= closedAt.getTime()) return 'closed';
  if (dueAt === null) return 'open';
  const due = dueAt.getTime();
  if (t > due) return 'past_due';
  if (due - t <= soonHours * HOUR_MS) return 'due_soon';
  return 'open';
}
