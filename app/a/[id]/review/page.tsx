import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ReviewPage } from '@/components/review/review-page';
import { or404 } from '@/server/pages';
import { getReviewQueue } from '@/server/review-queue';
import { currentLearner } from '@/server/session';
import { getPublicAssignment } from '@/server/students';

export const metadata: Metadata = { title: 'Practise the cards' };

export default async function AssignmentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const learner = await currentLearner();
  if (!learner) redirect(`/a/${id}`);
  const assignment = await or404(getPublicAssignment(id));
  const queue = await or404(getReviewQueue(learner, { assignmentId: id }));
  return <ReviewPage title={assignment.title} queue={queue} typeAnswers={learner.typeAnswers} assignmentId={id} />;
}
