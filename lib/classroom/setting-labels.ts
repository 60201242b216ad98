import type { LateWorkPolicy, RevealPolicy } from './reveal';

/** How the teacher's pages name each reveal and late-work policy. */
export const REVEAL_LABELS: Record<RevealPolicy, string> = {
  immediately: 'Immediately after each answer',
  after_submit: 'After the student submits',
  after_due: 'After the due date',
  never: 'Never',
};

export const LATE_WORK_LABELS: Record<LateWorkPolicy, string> = {
  accept: 'Accept and mark late',
  refuse: 'Refuse after the due date',
};

/** An assignment's mode in a line of text (lists, headings). */
export const modeLabel = (mode: string) => (mode === 'quiz' ? 'Quiz' : 'Flashcard practice');
