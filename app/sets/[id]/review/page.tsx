import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewPage } from '@/components/review/review-page';
import { idSchema } from '@/lib/questions/schema';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { getReviewQueue } from '@/server/reviews';
import { currentLearner } from '@/server/session';
import { getSet } from '@/server/sets';

interface Props {
  params: Promise<{ id: string }>;
}

async function load(params: Props['params']) {
  const parsed = idSchema.safeParse((await params).id);
  const set = parsed.success ? await getSet(parsed.data) : null;
  if (!set) notFound();
  return set;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review: ${(await load(params)).title}` };
}

export default async function SetReviewPage({ params }: Props) {
  const set = await load(params);
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  return <ReviewPage title={set.title} queue={await getReviewQueue(learner, { setId: set.id })} typeAnswers={learner.typeAnswers} />;
}
