import type { Metadata } from 'next';
import { ReviewPage } from '@/components/review/review-page';
import { parseItemList } from '@/lib/quiz/item-list';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { getReviewQueue } from '@/server/review-queue';
import { withheldSummary } from '@/server/sets';
import { currentLearner } from '@/server/session';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewAllPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  const items = parseItemList((await searchParams).items);
  const queue = await getReviewQueue(learner, items ? { items: items.join(',') } : {});
  return (
    <div className="space-y-6">
      <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary(items ? { itemIds: items } : {})} />
      <ReviewPage title={items ? 'Review chosen cards' : 'Review all sets'} queue={queue} typeAnswers={learner.typeAnswers} />
    </div>
  );
}
