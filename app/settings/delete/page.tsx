import type { Metadata } from 'next';
import Link from 'next/link';
import { LeaveClassForm } from '@/components/classroom/leave-class-form';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { classEnrolments } from '@/server/my-data';
import { currentLearner } from '@/server/session';
import { deleteMyDataAction, leaveClassAction } from '../actions';

export const metadata: Metadata = { title: 'Delete my data' };

export default async function DeletePage({ searchParams }: PageProps<'/settings/delete'>) {
  const { error } = await searchParams;
  const learner = await currentLearner();
  const classes = learner ? await classEnrolments(learner) : [];
  const current = classes.filter((c) => !c.leftAt);
  const left = classes.filter((c) => c.leftAt);
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <h1>Delete my data</h1>
      {current.length > 0 ? (
        <>
          {error === 'classes' ? <Alert tone="danger">Nothing was deleted: you are still in a class.</Alert> : null}
          <section aria-labelledby="in-classes" className="space-y-4">
            <h2 id="in-classes">First, leave your {current.length === 1 ? 'class' : 'classes'}</h2>
            <p>
              Work you handed in to a teacher is part of their class record, so deleting your data cannot erase it or start you again. To
              delete the rest of your data, leave {current.length === 1 ? 'this class' : 'each of these classes'} first.
            </p>
            <ul className="space-y-4">
              {current.map((c) => (
                <li key={c.assignmentId} className="rounded-xl border border-border p-4">
                  <p className="font-medium">
                    {c.title} <span className="font-normal text-muted">(as {c.nickname})</span>
                  </p>
                  <LeaveClassForm assignmentId={c.assignmentId} title={c.title} returnTo="delete" action={leaveClassAction} />
                </li>
              ))}
            </ul>
            <Link href="/settings" className={buttonClass('secondary')}>
              Back to settings
            </Link>
          </section>
        </>
      ) : (
        <>
          <p>
            This removes your cards, every review, your quiz answers and your settings from this server, on every device. It cannot be
            undone. Download your data first if you may want it.
          </p>
          {left.length > 0 ? (
            <Alert tone="info" title="What stays with your teachers">
              Your nickname and the attempts you made in {left.map((c) => `“${c.title}”`).join(', ')} stay in{' '}
              {left.length === 1 ? 'that class' : 'those classes'}’ records, no longer linked to any device. Everything else is deleted.
            </Alert>
          ) : null}
          {error === 'confirm' ? <Alert tone="danger">Tick the box to confirm; nothing was deleted.</Alert> : null}
          <form action={deleteMyDataAction} className="space-y-4">
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="confirm" value="delete" required className="size-5" />
              <span>I understand that my progress will be gone for good.</span>
            </label>
            <div className="flex flex-wrap gap-3">
              <button type="submit" className={buttonClass('danger')}>
                Delete everything
              </button>
              <Link href="/settings" className={buttonClass('secondary')}>
                Keep my data
              </Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
