import type { AssignmentStatus } from './reveal';

/** One line of a teacher's assignment list (`listAssignments`), as `/teach` shows it. */
export interface AssignmentListRow {
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
