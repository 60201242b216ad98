import type { RevealPolicy } from './reveal';

/**
 * Which of a student's attempts the teacher's report counts, given that answer keys may already
 * have been shown. Passage's choice (docs/security.md): new attempts stay allowed after keys are
 * revealed, but one that was started or answered after the student could see the keys of another
 * attempt is flagged "after the answers were shown" and does not count while an attempt from
 * before exists. The report lists every attempt, flagged ones and reset ones included.
 */
export interface AttemptForScoring {
  id: string;
  startedAt: Date;
  submittedAt: Date | null;
  /** Set when the teacher reset the attempt: it never counts, but the keys it showed were seen. */
  resetAt: Date | null;
  firstAnsweredAt: Date | null;
  lastAnsweredAt: Date | null;
  score: number;
}

/** When the keys of one attempt became visible to its student, or null while they are not. */
export function keysShownAt(attempt: AttemptForScoring, policy: RevealPolicy, dueAt: Date | null): Date | null {
  switch (policy) {
    case 'immediately':
      return attempt.firstAnsweredAt;
    case 'after_submit':
      return attempt.submittedAt;
    case 'after_due':
      if (!attempt.submittedAt) return null;
      return dueAt && dueAt > attempt.submittedAt ? dueAt : attempt.submittedAt;
    case 'never':
      return null;
  }
}

export interface AttemptVerdict {
  id: string;
  afterKeys: boolean;
  counted: boolean;
}

/**
 * For each attempt (in the order given): whether it came after another attempt's keys were shown
 * (started after them, or answered after them), and which one attempt counts: the best submitted
 * attempt from before any keys (the earliest on a tie); else the latest such attempt still open;
 * else, flagged, the latest attempt that was not reset. A reset attempt never counts.
 */
export function judgeAttempts(attempts: readonly AttemptForScoring[], policy: RevealPolicy, dueAt: Date | null): AttemptVerdict[] {
  const shown = attempts.map((a) => ({ id: a.id, at: keysShownAt(a, policy, dueAt) }));
  const afterKeys = new Map(
    attempts.map((a) => {
      const latest = Math.max(a.startedAt.getTime(), a.lastAnsweredAt?.getTime() ?? 0);
      return [a.id, shown.some((s) => s.id !== a.id && s.at !== null && latest > s.at.getTime())];
    }),
  );
  const live = attempts.filter((a) => !a.resetAt);
  const before = live.filter((a) => !afterKeys.get(a.id));
  const submitted = before.filter((a) => a.submittedAt);
  const best = submitted.reduce<AttemptForScoring | null>((top, a) => (top === null || a.score > top.score ? a : top), null);
  const counted = best ?? before.at(-1) ?? live.at(-1) ?? null;
  return attempts.map((a) => ({ id: a.id, afterKeys: afterKeys.get(a.id)!, counted: a.id === counted?.id }));
}
