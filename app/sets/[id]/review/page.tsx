import type { Metadata } from 'next';
import { ReviewPage } from '@/components/review/review-page';
import { parseMore, studyMoreHref } from '@/lib/review/study-more';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { getReviewQueue } from '@/server/review-queue';
import { currentLearner } from '@/server/session';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { setOr404 } from '@/server/pages';
import { withheldSummary } from '@/server/sets';

type Props = PageProps<'/sets/[id]/review'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review: ${(await setOr404(params)).title}` };
}

export default async function SetReviewPage({ params, searchParams }: Props) {
  const set = await setOr404(params);
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  const more = parseMore((await searchParams).more);
  return (
    <div className="space-y-6">
      <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary({ setId: set.id })} />
      <ReviewPage
        title={set.title}
        queue={await getReviewQueue(learner, { setId: set.id, more })}
        typeAnswers={learner.typeAnswers}
        next={{
          studyMoreHref: studyMoreHref(`/sets/${set.id}/review`, {}, more),
          also: { href: `/sets/${set.id}/quiz`, label: 'Take the quiz' },
          back: { href: `/sets/${set.id}`, label: `Back to ${set.title}` },
        }}
      />
    </div>
  );
}
