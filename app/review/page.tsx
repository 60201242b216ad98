import type { Metadata } from 'next';
import { ReviewPage } from '@/components/review/review-page';
import { parseItemList } from '@/lib/quiz/item-list';
import { parseMore, studyMoreHref } from '@/lib/review/study-more';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { getReviewQueue } from '@/server/review-queue';
import { withheldSummary } from '@/server/sets';
import { currentLearner } from '@/server/session';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewAllPage({ searchParams }: PageProps<'/review'>) {
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  const params = await searchParams;
  const items = parseItemList(params.items);
  const more = parseMore(params.more);
  const queue = await getReviewQueue(learner, { ...(items ? { items: items.join(',') } : {}), more });
  return (
    <div className="space-y-6">
      <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary(items ? { itemIds: items } : {})} />
      <ReviewPage
        title={items ? 'Review chosen cards' : 'Review all sets'}
        queue={queue}
        typeAnswers={learner.typeAnswers}
        next={{
          studyMoreHref: studyMoreHref('/review', { items: items?.join(',') }, more),
          also: { href: '/progress', label: 'See your progress' },
          back: { href: '/', label: 'Back to the sets' },
        }}
      />
    </div>
  );
}
