import type { AnswerMarks } from '../grading/marks';

/** What a learner is shown about one graded answer (shared by server/feedback.ts and the quiz UI). */
export interface AnswerFeedback {
  itemId: string;
  correct: boolean;
  score: number;
  yourAnswer: string;
  key: string;
  explanation: string;
  /** The item's source quotes from the article, one or more. */
  sources: string[];
  readerHref: string;
  typo: boolean;
  /** Which parts were right, by the ids shown; null where there is nothing to mark or the key is held back. */
  marks: AnswerMarks | null;
}
