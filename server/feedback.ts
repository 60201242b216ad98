import 'server-only';
import { revealDecision, type RevealPolicy } from '@/lib/classroom/reveal';
import { describeKey, describeResponse } from '@/lib/grading/describe';
import { answerMarks } from '@/lib/grading/marks';
import { sourcesOf } from '@/lib/questions/schema';
import type { AnswerFeedback } from '@/lib/quiz/feedback';
import type { QuizItem } from '@/lib/quiz/present';
import { readerHref } from './items';

/** What the student may see of a graded answer; null fields where the teacher holds them back. */
export interface AnswerResult {
  recorded: true;
  score: number | null;
  correct: boolean | null;
  feedback: AnswerFeedback | null;
}

/** What reveals depend on: whether the attempt is submitted, and its assignment's policy. */
export interface RevealContext {
  submittedAt: Date | null;
  assignment: { reveal: string; dueAt: Date | null } | null;
}

/** What of a graded answer the student may see now, under the assignment's reveal policy. */
export function reveals(attempt: RevealContext, now: Date, submitted = attempt.submittedAt !== null) {
  if (!attempt.assignment) return { showCorrectness: true, showKey: true, showExplanation: true };
  return revealDecision({ policy: attempt.assignment.reveal as RevealPolicy, submitted, dueAt: attempt.assignment.dueAt, now });
}

export function feedbackFor(item: QuizItem, articleSlug: string, response: unknown, seed: string, score: number, correct: boolean, typo: boolean): AnswerFeedback {
  return {
    itemId: item.id,
    correct,
    score,
    yourAnswer: describeResponse(item, response as never, seed),
    key: describeKey(item),
    explanation: item.explanation,
    sources: sourcesOf(item),
    readerHref: readerHref(articleSlug, item.id),
    typo,
    marks: answerMarks(item, response as never, seed),
  };
}

/** The answer's result as the student may see it now. */
export function visibleResult(attempt: RevealContext, now: Date, score: number, correct: boolean, feedback: AnswerFeedback): AnswerResult {
  const show = reveals(attempt, now);
  if (!show.showCorrectness) return { recorded: true, score: null, correct: null, feedback: null };
  return { recorded: true, score, correct, feedback: show.showKey ? feedback : { ...feedback, key: '', marks: null, explanation: show.showExplanation ? feedback.explanation : '' } };
}
