import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { ownedAssignment } from '@/server/assignments';
import { currentTeacher } from '@/server/auth';
import { or404 } from '@/server/pages';
import { deleteAction } from '../../../actions';

export const metadata: Metadata = { title: 'Delete assignment' };

export default async function DeleteAssignmentPage({ params, searchParams }: PageProps<'/teach/assignments/[id]/delete'>) {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  const { id } = await params;
  const assignment = await or404(ownedAssignment(teacher, id));
  const missing = (await searchParams).error === 'confirm';
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1>Delete “{assignment.title}”?</h1>
      <p>This removes the assignment, its students and all their attempts. Download the results first if you need them.</p>
      {missing ? <Alert tone="danger">Tick the box to confirm; nothing was deleted.</Alert> : null}
      <form action={deleteAction} className="space-y-4">
        <input type="hidden" name="assignmentId" value={assignment.id} />
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="confirm" value="delete" required className="size-5" />
          <span>Delete this assignment and its students’ work</span>
        </label>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass('danger')}>
            Delete the assignment
          </button>
          <Link href={`/teach/assignments/${assignment.id}`} className={buttonClass('secondary')}>
            Keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
