import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import type { AssignmentListRow } from '@/lib/classroom/assignment-list';
import { modeLabel } from '@/lib/classroom/setting-labels';
import { StatusBadge } from './status-badge';

const cell = 'py-2 pr-4 align-top';

/** The assignment list from tablet width up: a table whose columns fit without scrolling. */
export function AssignmentTable({ assignments }: { assignments: AssignmentListRow[] }) {
  return (
    <table className="hidden w-full text-left md:table">
      <caption className="sr-only">Your assignments</caption>
      <thead>
        <tr className="border-b border-border text-sm text-muted">
          <th scope="col" className={`${cell} font-medium`}>
            Assignment
          </th>
          <th scope="col" className={`${cell} font-medium`}>
            Status
          </th>
          <th scope="col" className={`${cell} font-medium`}>
            Code
          </th>
          <th scope="col" className={`${cell} text-right font-medium`}>
            Students
          </th>
          <th scope="col" className={`${cell} text-right font-medium`}>
            Submitted
          </th>
          <th scope="col" className="py-2 align-top font-medium">
            Due
          </th>
        </tr>
      </thead>
      <tbody>
        {assignments.map((a) => (
          <tr key={a.id} className="border-b border-border">
            <th scope="row" className={`${cell} font-normal wrap-anywhere`}>
              <Link href={`/teach/assignments/${a.id}`}>{a.title}</Link>
              <span className="block text-sm text-muted">
                {a.setTitle} · {modeLabel(a.mode)}
              </span>
            </th>
            <td className={`${cell} whitespace-nowrap`}>
              <StatusBadge status={a.status} />
            </td>
            <td className={`${cell} font-mono`}>{a.code}</td>
            <td className={`${cell} text-right tabular-nums`}>{a.students}</td>
            <td className={`${cell} text-right tabular-nums`}>{a.submitted}</td>
            <td className="py-2 align-top text-sm lg:whitespace-nowrap">{a.dueAt ? <LocalTime iso={a.dueAt} /> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
