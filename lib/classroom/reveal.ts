/**
 * What a learner may see of an item (its key, explanation, source, and whether their answer was
 * right), and where an assignment stands in time. The one place these rules live: every page,
 * API, export and server action asks `itemVisibility` (through server/feedback.ts). All pure:
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
  /** The quoted source (it often contains the answer), and its highlight in the reader. */
  showSource: boolean;
}

const SHOW_ALL: RevealDecision = Object.freeze({ showCorrectness: true, showKey: true, showExplanation: true, showSource: true });
/** Only that the answer was recorded. */
const SHOW_NOTHING: RevealDecision = Object.freeze({ showCorrectness: false, showKey: false, showExplanation: false, showSource: false });

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

export const SECURITY_MODES = ['practice', 'secure'] as const;
/**
 * practice (the default): the items stay in everyone's self-study, keys included, so the report
 * measures practice, not secrecy. secure: while the assignment accepts work, its items are
 * withheld from everyone's self-study (quizzes, flashcards, the sets API, the reader highlight).
 */
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** Where a learner meets an item. */
export type VisibilityContext =
  /** Self-study: the public bank, unless an open Secure assignment withholds the item. */
  | { kind: 'self_study'; withheld: boolean }
  /**
   * Inside an assignment. Flashcard practice shows backs by design. In a quiz, `attempt` is the
   * learner's attempt holding the item (null: none), `answered` whether it was answered there.
   */
  | {
      kind: 'assignment';
      mode: 'quiz' | 'flashcards';
      policy: RevealPolicy;
      dueAt: Date | null;
      attempt: { submitted: boolean; answered: boolean } | null;
      now: Date;
    };

/**
 * What a learner may see of one item in one context. An item not yet answered shows nothing in
 * a quiz assignment, whatever the policy: the key of a question still to answer never leaves.
 */
export function itemVisibility(context: VisibilityContext): RevealDecision {
  if (context.kind === 'self_study') return { ...(context.withheld ? SHOW_NOTHING : SHOW_ALL) };
  if (context.mode === 'flashcards') return { ...SHOW_ALL };
  const { attempt } = context;
  if (!attempt || (!attempt.answered && !attempt.submitted)) return { ...SHOW_NOTHING };
  return revealDecision({ policy: context.policy, submitted: attempt.submitted, dueAt: context.dueAt, now: context.now });
}

/** The assignment fields that decide whether it withholds its items from self-study. */
export interface HoldingAssignment {
  security: SecurityMode;
  itemIds: readonly string[];
  closedAt: Date | null;
  dueAt: Date | null;
  lateWork: LateWorkPolicy;
}

/** Whether a Secure assignment still accepts work (not closed; not past a due date that refuses late work). */
export function withholdsItems(a: HoldingAssignment, now: Date): boolean {
  if (a.security !== 'secure') return false;
  if (a.closedAt !== null && now.getTime() >= a.closedAt.getTime()) return false;
  return lateStatus({ dueAt: a.dueAt, lateWork: a.lateWork, now }) !== 'refused';
}

/** When a withholding assignment gives its items back: its due date when late work is refused, else null (when the teacher closes it). */
function returnsAt(a: HoldingAssignment, now: Date): Date | null {
  const ends = [a.closedAt && a.closedAt > now ? a.closedAt : null, a.lateWork === 'refuse' ? a.dueAt : null].filter(
    (d): d is Date => d !== null,
  );
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

/**
 * The items withheld from self-study now, each with when it returns (null: not known, it returns
 * when the teacher closes the assignment). An item held by several assignments returns when the
 * last of them lets go.
 */
export function itemsWithheldFromSelfStudy(assignments: readonly HoldingAssignment[], now: Date): Map<string, Date | null> {
  const withheld = new Map<string, Date | null>();
  for (const a of assignments) {
    if (!withholdsItems(a, now)) continue;
    const back = returnsAt(a, now);
    for (const id of a.itemIds) {
      const known = withheld.get(id);
      if (!withheld.has(id)) withheld.set(id, back);
      else if (known !== null && known !== undefined) withheld.set(id, back === null || back > known ? back : known);
    }
  }
  return withheld;
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

export interface HeldBackWording {
  /** Under an answer whose feedback is held back. */
  afterAnswer: string;
  /** On the end screen when the score is held back too. */
  handedIn: string;
  /** In the results, where a correct answer is held back. */
  answersLater: string;
}

/**
 * What a student is told while the policy holds back how they did. It says what revealDecision
 * will actually do: under after_submit the score and the answers come with the hand-in, under
 * after_due (with a due date) only once that date has passed, under never not at all.
 */
export function heldBackWording(policy: RevealPolicy, dueAt: Date | null): HeldBackWording {
  if (policy === 'never')
    return {
      afterAnswer: 'This assignment does not show scores or correct answers; your teacher sees your answers.',
      handedIn: 'Your answers are saved. This assignment does not show scores or correct answers; your teacher sees your answers.',
      answersLater: 'This assignment does not show the correct answers.',
    };
  if (policy === 'after_due' && dueAt !== null)
    return {
      afterAnswer: 'Your score and the correct answers appear after the due date, once you have handed in the quiz.',
      handedIn: 'Your answers are saved. Your score and the correct answers appear here after the due date.',
      answersLater: 'The correct answers appear here after the due date.',
    };
  return {
    afterAnswer: 'You will see your score and the correct answers when you hand in the quiz at the end.',
    handedIn: 'Your answers are saved. Your score and the correct answers appear here once the quiz is handed in.',
    answersLater: 'The correct answers appear here once the quiz is handed in.',
  };
}
