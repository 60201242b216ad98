import type { ReportStudent } from './report-types';

export type StudentSortKey = 'nickname' | 'score' | 'status';

type Sortable = Pick<ReportStudent, 'nickname' | 'score' | 'status'>;

/** Status in the order a class moves through it: who has not started comes first, who is done last. */
const PROGRESS: Record<ReportStudent['status'], number> = { joined: 0, working: 1, retrying: 2, finished: 3 };

const names = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName = (a: Sortable, b: Sortable) => names.compare(a.nickname, b.nickname);

const ORDER: Record<StudentSortKey, (a: Sortable, b: Sortable) => number> = {
  // "Sam 2" before "Sam 10", "ana" beside "Ana".
  nickname: byName,
  // Highest first; no score yet after every score.
  score: (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || byName(a, b),
  status: (a, b) => PROGRESS[a.status] - PROGRESS[b.status] || byName(a, b),
};

/** The report's rows in the order the teacher chose, ties by name. */
export function sortStudents<T extends Sortable>(students: readonly T[], key: StudentSortKey): T[] {
  return [...students].sort(ORDER[key]);
}
