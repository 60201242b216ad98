import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AssignmentHeader } from '@/components/classroom/assignment-header';
import { ReviewPage } from '@/components/review/review-page';
import { or404 } from '@/server/pages';
import { getReviewQueue } from '@/server/review-queue';
import { currentLearner } from '@/server/session';
import { assignmentBanner, getPublicAssignment } from '@/server/students';

export const metadata: Metadata = { title: 'Practise the cards' };

export default async function AssignmentReviewPage({ params }: PageProps<'/a/[id]/review'>) {
  const { id } = await params;
  const learner = await currentLearner();
  if (!learner) redirect(`/a/${id}`);
  const assignment = await or404(getPublicAssignment(id));
  const queue = await or404(getReviewQueue(learner, { assignmentId: id }));
  const banner = await assignmentBanner(learner, id);
  return (
    <>
      <AssignmentHeader {...banner} />
      <ReviewPage
        title={assignment.title}
        queue={queue}
        typeAnswers={learner.typeAnswers}
        assignmentId={id}
        next={{ back: { href: `/a/${id}`, label: 'Back to the assignment' } }}
      />
    </>
  );
}
