import type { Metadata } from 'next';
import { QuizStart } from '@/components/quiz/quiz-start';
import { parseItemList } from '@/lib/quiz/item-list';
import { typeCounts } from '@/lib/quiz/options';
import { findOpenAttempt, findOpenSetAttempt, quizCandidates } from '@/server/quizzes';
import { currentLearner } from '@/server/session';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { withheldFromSelfStudy } from '@/server/feedback';
import { setOr404 } from '@/server/pages';
import { withheldSummary } from '@/server/sets';
import { startQuizAction } from '@/app/quiz/actions';

type Props = PageProps<'/sets/[id]/quiz'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Quiz: ${(await setOr404(params)).title}` };
}

export default async function SetQuizPage({ params, searchParams }: Props) {
  const set = await setOr404(params);
  const chosen = parseItemList((await searchParams).items);
  const withheld = await withheldFromSelfStudy();
  const candidates = (await quizCandidates(set.id)).filter((c) => !withheld.has(c.id));
  const all = candidates.map((c) => c.id);
  const ids = chosen ? chosen.filter((id) => all.includes(id)) : all;
  const learner = await currentLearner();
  return (
    <div className="space-y-6">
      <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary({ setId: set.id })} />
      <QuizStart
        title={set.title}
        description={
          chosen ? `A quiz on ${ids.length} chosen ${ids.length === 1 ? 'question' : 'questions'} from this set.` : set.description
        }
        questionCount={ids.length}
        setId={set.id}
        itemIds={chosen ? ids : null}
        types={chosen ? null : typeCounts(candidates)}
        openAttempt={chosen ? await findOpenAttempt(learner, set.id, ids) : await findOpenSetAttempt(learner, set.id)}
        action={startQuizAction}
      />
    </div>
  );
}
