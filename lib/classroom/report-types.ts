import type { QuizStatistics, WrongAnswerCount } from './item-stats';
import type { AssignmentStatus } from './reveal';

/** The teacher report's shape, shared by server/reports.ts and the live report page. */
export type Cell = 'right' | 'partial' | 'wrong' | null;

export interface ReportStudent {
  studentId: string;
  nickname: string;
  joinedAt: string;
  status: 'joined' | 'working' | 'finished';
  attempts: number;
  score: number | null;
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

export interface AssignmentReport {
  assignment: { id: string; title: string; code: string; mode: string; setTitle: string; dueAt: string | null; closed: boolean; status: AssignmentStatus };
  items: { itemId: string; prompt: string; type: string }[];
  students: ReportStudent[];
  statistics: QuizStatistics | null;
  wrongAnswers: Record<string, WrongAnswerCount[]>;
  /** Cronbach's alpha is shown once at least this many students have submitted. */
  alphaShownFrom: number;
  generatedAt: string;
}

