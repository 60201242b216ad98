import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import type { AssignmentListRow } from '@/lib/classroom/assignment-list';
import { modeLabel } from '@/lib/classroom/setting-labels';
import { StatusBadge } from './status-badge';

/** The assignment list on a phone: one card per assignment, its values named, nothing off to the side. */
export function AssignmentCards({ assignments }: { assignments: AssignmentListRow[] }) {
  return (
    <ul className="space-y-3 md:hidden">
      {assignments.map((a) => (
        <li key={a.id} className="rounded-lg border border-border bg-surface p-4">
          <div className="flex items-start justify-between gap-3">
            <h2 className="min-w-0 text-lg wrap-anywhere">
              <Link href={`/teach/assignments/${a.id}`}>{a.title}</Link>
            </h2>
            <span className="mt-0.5 shrink-0">
              <StatusBadge status={a.status} />
            </span>
          </div>
          <p className="text-sm text-muted">
            {a.setTitle} · {modeLabel(a.mode)}
          </p>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Due</dt>
            <dd>{a.dueAt ? <LocalTime iso={a.dueAt} /> : 'No due date'}</dd>
            <dt className="text-muted">Students</dt>
            <dd className="tabular-nums">
              {a.students} joined, {a.submitted} submitted
            </dd>
            <dt className="text-muted">Code</dt>
            <dd className="font-mono">{a.code}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
