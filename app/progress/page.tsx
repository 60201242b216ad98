import type { Metadata } from 'next';
import Link from 'next/link';
import { ForecastChart } from '@/components/progress/forecast-chart';
import { Heatmap } from '@/components/progress/heatmap';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatScore } from '@/lib/quiz/score';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { getProgress } from '@/server/progress';
import { currentLearner } from '@/server/session';

export const metadata: Metadata = { title: 'Progress' };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function Stat({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <div className="rounded-lg bg-surface-muted p-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-muted">{note}</dd> : null}
    </div>
  );
}

export default async function ProgressPage({ searchParams }: PageProps<'/progress'>) {
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  const p = await getProgress(learner);
  const resumed = (await searchParams).resumed === '1';
  const weakestIds = p.weakest.map((w) => w.questionId).join(',');
  return (
    <div className="space-y-8">
      <h1>Your progress</h1>
      {resumed ? <Alert tone="success">This device now continues your progress.</Alert> : null}

      <section aria-labelledby="today" className="grid gap-4 lg:grid-cols-3">
        <Card className="space-y-4 lg:col-span-2">
          <h2 id="today">Today</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="New" value={p.today.queue.new} />
            <Stat label="Learning" value={p.today.queue.learning} />
            <Stat label="To review" value={p.today.queue.review} />
            <Stat label="Reviewed today" value={p.today.reviewsDoneToday} />
          </dl>
          <p className="text-sm text-muted">
            What the review session holds now, within your daily limits
            {p.today.dueLaterToday > 0
              ? `; ${p.today.dueLaterToday} more ${p.today.dueLaterToday === 1 ? 'card comes' : 'cards come'} due later today`
              : ''}
            .
          </p>
          <ButtonLink href="/review">Start reviewing</ButtonLink>
        </Card>
        <Card className="space-y-3">
          <h2>Streak</h2>
          <dl className="grid grid-cols-2 gap-3">
            <Stat
              label="Current"
              value={`${p.streak.current} ${p.streak.current === 1 ? 'day' : 'days'}`}
              note={p.streak.reviewedToday ? 'Today counts' : 'Review today to keep it'}
            />
            <Stat label="Longest" value={`${p.streak.longest} ${p.streak.longest === 1 ? 'day' : 'days'}`} />
          </dl>
        </Card>
      </section>

      <Card className="space-y-4">
        <h2>Reviews over the year</h2>
        <Heatmap {...p.heatmap} />
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="min-w-0 space-y-4">
          <h2>Due in the next 30 days</h2>
          <ForecastChart days={p.forecast} />
        </Card>
        <Card className="space-y-4">
          <h2>True retention</h2>
          <p className="text-sm text-muted">
            Share of reviews of mature-path cards (in the Review state) not rated Again, beside the retention you asked the scheduler for.
          </p>
          <table className="w-full text-left">
            <caption className="sr-only">True retention by period</caption>
            <thead>
              <tr className="border-b border-border text-sm text-muted">
                <th scope="col" className="py-2 font-medium">
                  Period
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Reviews
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Retention
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Last 7 days', p.retention.week],
                  ['Last 30 days', p.retention.month],
                  ['Last 365 days', p.retention.year],
                ] as const
              ).map(([label, r]) => (
                <tr key={label} className="border-b border-border">
                  <th scope="row" className="py-2 font-normal">
                    {label}
                  </th>
                  <td className="py-2 text-right tabular-nums">{r.reviews}</td>
                  <td className="py-2 text-right tabular-nums">{percent(r.rate)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 font-normal">
                  Desired
                </th>
                <td />
                <td className="py-2 text-right tabular-nums">{percent(p.desiredRetention)}</td>
              </tr>
            </tbody>
          </table>
        </Card>
      </div>

      <Card className="space-y-4">
        <h2>Cards by set</h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Cards by set, scrollable">
          <table className="w-full min-w-[36rem] text-left">
            <caption className="sr-only">Cards by state in each set</caption>
            <thead>
              <tr className="border-b border-border text-sm text-muted">
                <th scope="col" className="py-2 font-medium">
                  Set
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  New
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Learning
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Young
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Mature
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Suspended
                </th>
                <th scope="col" className="py-2 pl-4 font-medium">
                  Mastery
                </th>
              </tr>
            </thead>
            <tbody>
              {p.sets.map((s) => (
                <tr key={s.setId} className="border-b border-border">
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/sets/${s.setId}`}>{s.title}</Link>
                  </th>
                  <td className="py-2 text-right tabular-nums">{s.states.new}</td>
                  <td className="py-2 text-right tabular-nums">{s.states.learning}</td>
                  <td className="py-2 text-right tabular-nums">{s.states.young}</td>
                  <td className="py-2 text-right tabular-nums">{s.states.mature}</td>
                  <td className="py-2 text-right tabular-nums">{s.states.suspended}</td>
                  <td className="py-2 pl-4">
                    <div className="flex items-center gap-2">
                      <span className="w-10 text-right text-sm tabular-nums">{percent(s.mastery.mastery)}</span>
                      <span className="w-24">
                        <ProgressBar value={s.mastery.learned} max={s.mastery.total} label={`${s.title} mastery`} tone="success" />
                      </span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-muted">
          Mastery is the share of a set’s items you have learned (young or mature); mature cards have an interval of 21 days or more.
        </p>
      </Card>

      <Card className="space-y-4">
        <h2>Weakest items</h2>
        {p.weakest.length === 0 ? (
          <p className="text-muted">
            Nothing weak yet: items appear here once you miss them in a quiz or a review, or their recall drops below 80%.
          </p>
        ) : (
          <>
            <ol className="space-y-2">
              {p.weakest.map((w) => (
                <li key={w.questionId} className="flex flex-wrap justify-between gap-x-4 border-b border-border pb-2">
                  <span>{w.prompt}</span>
                  <span className="text-sm text-muted tabular-nums">
                    {w.misses > 0 ? `missed ${w.misses} ${w.misses === 1 ? 'time' : 'times'} · ` : ''}
                    {w.lapses > 0 ? `${w.lapses} ${w.lapses === 1 ? 'lapse' : 'lapses'} · ` : ''}recall {Math.round(w.recall * 100)}%
                  </span>
                </li>
              ))}
            </ol>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href={`/quiz?items=${weakestIds}`}>Practise these in a quiz</ButtonLink>
              <ButtonLink href={`/review?items=${weakestIds}`} variant="secondary">
                Review these cards
              </ButtonLink>
            </div>
          </>
        )}
      </Card>

      <Card className="space-y-4">
        <h2>Quiz history</h2>
        {p.quizzes.length === 0 ? (
          <p className="text-muted">No quizzes yet. Pick a set and take one.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Quiz history, scrollable">
            <table className="w-full min-w-[30rem] text-left">
              <caption className="sr-only">Your quiz attempts</caption>
              <thead>
                <tr className="border-b border-border text-sm text-muted">
                  <th scope="col" className="py-2 font-medium">
                    Date
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Set
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Score
                  </th>
                  <th scope="col" className="py-2 pl-4 font-medium">
                    Results
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.quizzes.map((q) => (
                  <tr key={q.id} className="border-b border-border">
                    <td className="py-2 tabular-nums">{q.startedAt.toISOString().slice(0, 10)}</td>
                    <td className="py-2">{q.setTitle ?? 'Chosen questions'}</td>
                    <td className="py-2 text-right tabular-nums">
                      {q.submittedAt ? formatScore(q.score ?? 0, q.maxScore ?? q.total) : `${q.answered} of ${q.total} answered`}
                    </td>
                    <td className="py-2 pl-4">
                      <Link href={`/quiz/${q.id}`}>{q.submittedAt ? 'See results' : 'Resume'}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
