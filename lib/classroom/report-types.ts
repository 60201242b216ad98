import type { QuizStatistics, WrongAnswerCount } from './item-stats';
import type { AssignmentStatus } from './reveal';

/** The teacher report's shape, shared by server/reports.ts and the live report page. */
export type Cell = 'right' | 'partial' | 'wrong' | null;

export interface ReportStudent {
  studentId: string;
  nickname: string;
  joinedAt: string;
  /** Set when the student left the class; their work stays here. */
  leftAt: string | null;
  /**
   * Quiz: finished once an attempt is submitted, retrying while a later one is open. Flashcards:
   * finished once every card is done.
   */
  status: 'joined' | 'working' | 'retrying' | 'finished';
  attempts: number;
  /** Every attempt, reset ones and ones after the answers were shown included (see attempt-scoring). */
  attemptList: ReportAttempt[];
  /** The counted submitted attempt's score (see judgeAttempts); null until something is submitted. */
  score: number | null;
  /** The attempt still open, shown apart from the score: it never replaces a submitted one. */
  inProgress: { answered: number; score: number } | null;
  /** The counted attempt came after the student could see answers (there is none from before). */
  scoreAfterKeys: boolean;
  maxScore: number;
  startedAt: string | null;
  submittedAt: string | null;
  timeTakenMs: number | null;
  late: boolean;
  /** Flashcard mode: items rated Good or Easy at least once. */
  cardsDone: number;
  cells: Record<string, Cell>;
  answers: Record<string, { text: string; score: number; round: number } | null>;
}

export interface ReportAttempt {
  attemptId: string;
  number: number;
  startedAt: string;
  submittedAt: string | null;
  /** When the teacher reset it: it stays on record and no longer counts. */
  resetAt: string | null;
  score: number;
  late: boolean;
  /** Started or answered after the student could see the answers of another attempt. */
  afterKeys: boolean;
  counted: boolean;
}

export interface AssignmentReport {
  assignment: {
    id: string;
    title: string;
    code: string;
    mode: string;
    setTitle: string;
    dueAt: string | null;
    closed: boolean;
    rosterLocked: boolean;
    status: AssignmentStatus;
  };
  /** Of the students with a submitted score. */
  summary: { submitted: number; average: number | null; median: number | null; maxScore: number };
  /** percentCorrect: of the students with a submitted score, the share who got it fully right. */
  items: { itemId: string; prompt: string; type: string; percentCorrect: number | null }[];
  students: ReportStudent[];
  statistics: QuizStatistics | null;
  wrongAnswers: Record<string, WrongAnswerCount[]>;
  /** Cronbach's alpha is shown once at least this many students have submitted. */
  alphaShownFrom: number;
  generatedAt: string;
}
