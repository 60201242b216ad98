import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AssignmentForm } from '@/components/teach/assignment-form';
import { currentTeacher } from '@/server/auth';
import { listSetsWithItems } from '@/server/sets';
import { createAssignmentAction } from '../actions';

export const metadata: Metadata = { title: 'New assignment' };

export default async function NewAssignmentPage() {
  if (!(await currentTeacher())) redirect('/teach/sign-in');
  return (
    <div className="space-y-6">
      <h1>New assignment</h1>
      <AssignmentForm sets={await listSetsWithItems()} action={createAssignmentAction} />
    </div>
  );
}
