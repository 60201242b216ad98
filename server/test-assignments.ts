import 'server-only';
import type { AssignmentInput } from './assignments';

/** A quiz assignment of two timeline items with the teacher form's defaults, for tests to vary. */
export function quizAssignment(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  return {
    title: 'Timeline check',
    setId: 'timeline',
    itemIds: ['tl-001', 'tl-002'],
    mode: 'quiz',
    dueLocal: '',
    timeZone: 'Europe/London',
    attemptsAllowed: 1,
    shuffle: false,
    reveal: 'immediately',
    lateWork: 'accept',
    mastery: false,
    ...overrides,
  };
}
