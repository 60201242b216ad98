/** Mastery mode asks a missed question again at the end, up to this many rounds in all. */
export const MAX_ROUNDS = 3;

export interface AnsweredRound {
  itemId: string;
  round: number;
  correct: boolean;
}

export interface PendingQuestion {
  itemId: string;
  round: number;
}

/**
 * The questions still to answer, in the order to ask them: every question once (round 1, in
 * the attempt's order); then, in mastery mode, each question missed in round r again in round
 * r + 1, up to MAX_ROUNDS, once the previous round is complete.
 */
export function pendingQuestions(
  itemIds: readonly string[],
  answered: readonly AnsweredRound[],
  { mastery }: { mastery: boolean },
): PendingQuestion[] {
  const byRound = new Map<number, Map<string, boolean>>();
  for (const a of answered) {
    const round = byRound.get(a.round) ?? new Map<string, boolean>();
    round.set(a.itemId, a.correct);
    byRound.set(a.round, round);
  }
  let asked = [...itemIds];
  for (let round = 1; round <= (mastery ? MAX_ROUNDS : 1); round++) {
    const done = byRound.get(round) ?? new Map<string, boolean>();
    const missing = asked.filter((id) => !done.has(id));
    if (missing.length > 0) return missing.map((itemId) => ({ itemId, round }));
    asked = asked.filter((id) => done.get(id) === false);
    if (asked.length === 0) return [];
  }
  return [];
}

/** Each question's final result: its answer in the last round it was asked. */
export function finalAnswers<T extends AnsweredRound>(answered: readonly T[]): Map<string, T> {
  const final = new Map<string, T>();
  for (const a of answered) {
    const seen = final.get(a.itemId);
    if (!seen || a.round > seen.round) final.set(a.itemId, a);
  }
  return final;
}
