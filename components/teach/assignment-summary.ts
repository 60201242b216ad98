import type { AssignmentStatus } from '@/lib/classroom/reveal';

/** One line of a teacher's assignment list, as the list page gets it from the server. */
export interface AssignmentSummary {
  id: string;
  title: string;
  code: string;
  mode: string;
  setTitle: string;
  dueAt: Date | null;
  status: AssignmentStatus;
  students: number;
  submitted: number;
}

export const modeLabel = (mode: string) => (mode === 'quiz' ? 'Quiz' : 'Flashcard practice');
