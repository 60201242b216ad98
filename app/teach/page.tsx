import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { StatusBadge } from '@/components/teach/status-badge';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { listAssignments } from '@/server/assignments';
import { currentTeacher } from '@/server/auth';
import { signOutAction } from './actions';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage({ searchParams }: PageProps<'/teach'>) {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  const assignments = await listAssignments(teacher);
  const deleted = (await searchParams).deleted === '1';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1>Your assignments</h1>
          <p className="text-muted">
            Signed in as {teacher.name} ({teacher.email}).
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/teach/new">New assignment</ButtonLink>
          <form action={signOutAction}>
            <button type="submit" className="min-h-11 rounded-lg border border-border px-4">
              Sign out
            </button>
          </form>
        </div>
      </div>
      {deleted ? <Alert tone="success">The assignment and its students’ work were deleted.</Alert> : null}
      {assignments.length === 0 ? (
        <p className="text-muted">No assignments yet. Create one from a question set and share its link or code with your class.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Assignments, scrollable">
          <table className="w-full min-w-[40rem] text-left">
            <caption className="sr-only">Your assignments</caption>
            <thead>
              <tr className="border-b border-border text-sm text-muted">
                <th scope="col" className="py-2 font-medium">
                  Assignment
                </th>
                <th scope="col" className="py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="py-2 font-medium">
                  Code
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Students
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Submitted
                </th>
                <th scope="col" className="py-2 pl-4 font-medium">
                  Due
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id} className="border-b border-border">
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/teach/assignments/${a.id}`}>{a.title}</Link>
                    <span className="block text-sm text-muted">
                      {a.setTitle} · {a.mode === 'quiz' ? 'Quiz' : 'Flashcard practice'}
                    </span>
                  </th>
                  <td className="py-2">
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="py-2 font-mono">{a.code}</td>
                  <td className="py-2 text-right tabular-nums">{a.students}</td>
                  <td className="py-2 text-right tabular-nums">{a.submitted}</td>
                  <td className="py-2 pl-4 text-sm">{a.dueAt ? <LocalTime iso={a.dueAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
