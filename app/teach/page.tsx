import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AssignmentCards } from '@/components/teach/assignment-cards';
import { AssignmentTable } from '@/components/teach/assignment-table';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
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
          <p className="text-muted wrap-anywhere">
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
        <>
          <AssignmentCards assignments={assignments} />
          <AssignmentTable assignments={assignments} />
        </>
      )}
    </div>
  );
}
