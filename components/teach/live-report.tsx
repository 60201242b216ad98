'use client';

import { useEffect, useMemo, useState } from 'react';
import type { AssignmentReport, Cell, ReportStudent } from '@/lib/classroom/report-types';
import { oneDecimal } from '@/lib/classroom/class-summary';
import { asCoefficient } from '@/lib/classroom/coefficient';
import { LocalTime } from '../ui/local-time';

const CELL: Record<Exclude<Cell, null> | 'none', { label: string; short: string; className: string }> = {
  right: { label: 'right', short: '✓', className: 'bg-success-soft text-success' },
  partial: { label: 'partly right', short: '½', className: 'bg-warning-soft text-warning' },
  wrong: { label: 'wrong', short: '✗', className: 'bg-danger-soft text-danger' },
  none: { label: 'not answered', short: '·', className: 'text-muted' },
};

type SortKey = 'nickname' | 'score' | 'status';

const minutes = (ms: number | null) => (ms === null ? '—' : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** Every attempt of a student, with what the report made of it (counted, reset, after the answers were shown). */
function AttemptList({ student }: { student: ReportStudent }) {
  if (student.attemptList.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label={`Attempts of ${student.nickname}`}>
      {student.attemptList.map((t) => {
        const notes = [t.counted ? 'counted' : null, t.afterKeys ? 'after the answers were shown' : null, t.late ? 'late' : null].filter(
          Boolean,
        );
        return (
          <li key={t.attemptId}>
            Attempt {t.number}:{' '}
            {t.submittedAt ? (
              <>
                submitted <LocalTime iso={t.submittedAt} />
              </>
            ) : (
              'in progress'
            )}{' '}
            · {t.score} / {student.maxScore}
            {t.resetAt ? (
              <>
                {' '}
                (reset <LocalTime iso={t.resetAt} />)
              </>
            ) : null}
            {notes.length ? ` (${notes.join(', ')})` : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** "2.3 / 3 average · median 2 / 3 (of 4 submitted)", or why there is none yet. */
function ClassSummary({ summary }: { summary: AssignmentReport['summary'] }) {
  if (summary.average === null || summary.median === null) return <p className="text-sm text-muted">No score submitted yet.</p>;
  return (
    <p className="text-sm">
      Class average <strong className="tabular-nums">{oneDecimal(summary.average)}</strong> / {summary.maxScore} · median{' '}
      <strong className="tabular-nums">{oneDecimal(summary.median)}</strong> / {summary.maxScore}{' '}
      <span className="text-muted">
        (of {summary.submitted} submitted {summary.submitted === 1 ? 'score' : 'scores'})
      </span>
    </p>
  );
}

/** The teacher's report, refreshed every 3 seconds without a reload. */
export function LiveReport({
  initial,
  initialEtag,
  assignmentId,
}: {
  initial: AssignmentReport;
  /** The ETag of `initial`, so the first poll of an unchanged class is a 304, not the whole report again. */
  initialEtag: string;
  assignmentId: string;
}) {
  const [report, setReport] = useState(initial);
  const [sort, setSort] = useState<SortKey>('nickname');
  const [stale, setStale] = useState(false);

  useEffect(() => {
    let etag: string | null = initialEtag;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/v1/teach/assignments/${assignmentId}/report`, {
          cache: 'no-store',
          headers: etag ? { 'if-none-match': etag } : {},
        });
        // 304: nothing in the class changed since the report this page shows.
        if (res.status !== 304) {
          if (!res.ok) throw new Error(String(res.status));
          setReport(await res.json());
          etag = res.headers.get('etag');
        }
        setStale(false);
      } catch {
        setStale(true);
      }
    }, 3000);
    return () => clearInterval(timer);
  }, [assignmentId, initialEtag]);

  const students = useMemo(() => {
    const rows = [...report.students];
    if (sort === 'nickname') rows.sort((a, b) => a.nickname.localeCompare(b.nickname));
    if (sort === 'score') rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    if (sort === 'status') rows.sort((a, b) => a.status.localeCompare(b.status));
    return rows;
  }, [report.students, sort]);

  const finished = report.students.filter((s) => s.status === 'finished').length;
  const working = report.students.filter((s) => s.status === 'working').length;
  const stats = new Map((report.statistics?.items ?? []).map((s) => [s.itemId, s]));
  const isQuiz = report.assignment.mode === 'quiz';

  return (
    <div className="space-y-8">
      <section aria-labelledby="participants" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="participants">Students</h2>
          <p role="status" className="text-sm text-muted">
            {report.students.length} joined · {working} working · {finished} finished{stale ? ' · reconnecting…' : ''}
          </p>
        </div>
        {isQuiz && report.students.length ? <ClassSummary summary={report.summary} /> : null}
        {report.students.length === 0 ? (
          <p className="text-muted">Nobody has joined yet. Share the link, the code or the QR code.</p>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Students and their answers, scrollable">
            {/* relative: the cells' sr-only labels are positioned; they must scroll with the table, not widen the page. */}
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Each student’s status, score and answer to each question</caption>
              <thead>
                <tr className="border-b border-border text-muted">
                  <th scope="col" className="py-2 pr-3" aria-sort={sort === 'nickname' ? 'ascending' : 'none'}>
                    <button type="button" onClick={() => setSort('nickname')} className="font-medium underline">
                      Student
                    </button>
                  </th>
                  <th scope="col" className="py-2 pr-3" aria-sort={sort === 'status' ? 'ascending' : 'none'}>
                    <button type="button" onClick={() => setSort('status')} className="font-medium underline">
                      Status
                    </button>
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right" aria-sort={sort === 'score' ? 'descending' : 'none'}>
                    <button type="button" onClick={() => setSort('score')} className="font-medium underline">
                      {isQuiz ? 'Score' : 'Cards done'}
                    </button>
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Time
                  </th>
                  {isQuiz
                    ? report.items.map((item, i) => (
                        <th key={item.itemId} scope="col" className="px-1 py-2 text-center font-medium">
                          <a href={`#item-${item.itemId}`} title={item.prompt}>
                            Q{i + 1}
                          </a>
                        </th>
                      ))
                    : null}
                </tr>
              </thead>
              <tbody>
                {students.map((s) => (
                  <tr key={s.studentId} className="border-b border-border">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <a href={`#student-${s.studentId}`}>{s.nickname}</a>
                      {s.late ? <span className="ml-2 rounded bg-warning-soft px-1.5 text-xs text-warning">late</span> : null}
                      {s.leftAt ? <span className="ml-2 rounded bg-surface-muted px-1.5 text-xs">left</span> : null}
                    </th>
                    <td className="py-2 pr-3">{s.status}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {isQuiz ? (
                        <>
                          {s.score === null ? (
                            <span className="text-muted">none submitted</span>
                          ) : (
                            `${s.score} / ${s.maxScore}${s.scoreAfterKeys ? ' (after answers shown)' : ''}`
                          )}
                          {s.inProgress ? (
                            <span className="mt-0.5 block text-xs whitespace-nowrap text-muted">
                              in progress: {s.inProgress.answered} of {s.maxScore} answered
                            </span>
                          ) : null}
                        </>
                      ) : (
                        `${s.cardsDone} / ${report.items.length}`
                      )}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{minutes(s.timeTakenMs)}</td>
                    {isQuiz
                      ? report.items.map((item, i) => {
                          const c = CELL[s.cells[item.itemId] ?? 'none'];
                          return (
                            <td key={item.itemId} className={`px-1 py-2 text-center ${c.className}`}>
                              <span aria-hidden="true">{c.short}</span>
                              <span className="sr-only">{`Q${i + 1} ${c.label}`}</span>
                            </td>
                          );
                        })
                      : null}
                  </tr>
                ))}
              </tbody>
              {isQuiz ? (
                <tfoot>
                  <tr className="text-muted">
                    <th scope="row" colSpan={4} className="py-2 pr-3 text-right font-medium">
                      % correct (submitted)
                    </th>
                    {report.items.map((item, i) => (
                      <td key={item.itemId} className="px-1 py-2 text-center text-xs tabular-nums">
                        <span className="sr-only">{`Q${i + 1}: `}</span>
                        {item.percentCorrect === null ? '—' : `${item.percentCorrect}%`}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        )}
      </section>

      {isQuiz ? (
        <section aria-labelledby="analysis" className="space-y-3">
          <h2 id="analysis">Item analysis (first attempts)</h2>
          {!report.statistics ? (
            <p className="text-muted">Appears once a student has submitted.</p>
          ) : (
            <>
              <p className="text-sm text-muted">
                {report.statistics.attempts} submitted. Internal consistency, Cronbach’s α:{' '}
                {report.statistics.internalConsistency === null
                  ? `shown from ${report.alphaShownFrom} submissions`
                  : `α = ${asCoefficient(report.statistics.internalConsistency)}`}
                .
              </p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
                <li>α (0 to 1): how consistently the questions measure the same thing; above 0.7 is usually good for a class quiz.</li>
                <li>
                  Facility: the share of the marks the class scored on a question; very high or very low means it tells students apart
                  little.
                </li>
                <li>
                  Discrimination, D (−1 to 1): how well a question separates students who did well on the rest of the quiz from those who
                  did not; below 0 means stronger students got it wrong more often.
                </li>
              </ul>
              <ol className="space-y-3">
                {report.items.map((item, i) => {
                  const st = stats.get(item.itemId);
                  const wrong = report.wrongAnswers[item.itemId] ?? [];
                  return (
                    <li key={item.itemId} id={`item-${item.itemId}`} className="rounded-lg border border-border p-3">
                      <p className="font-medium">
                        Q{i + 1}. {item.prompt}
                      </p>
                      <p className="text-sm tabular-nums">
                        Facility {st?.facility === null || st?.facility === undefined ? '—' : `${st.facility.toFixed(0)}%`} · Discrimination{' '}
                        D = {asCoefficient(st?.discrimination)}
                        {st?.flags.length ? (
                          <span className="ml-2 rounded bg-warning-soft px-1.5 text-warning">
                            {st.flags
                              .map(
                                (f) =>
                                  ({ too_easy: 'very easy', too_hard: 'very hard', negative_discrimination: 'negative discrimination' })[f],
                              )
                              .join(', ')}
                          </span>
                        ) : null}
                      </p>
                      {wrong.length ? (
                        <p className="text-sm">Most common wrong answers: {wrong.map((w) => `“${w.answer}” (${w.count})`).join('; ')}</p>
                      ) : null}
                      <details className="mt-1 text-sm">
                        <summary className="cursor-pointer">Every response</summary>
                        <ul className="mt-1 list-disc pl-5">
                          {report.students.map((s) => (
                            <li key={s.studentId}>
                              {s.nickname}: {s.answers[item.itemId]?.text ?? 'not answered'}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </section>
      ) : null}

      {isQuiz && report.students.length ? (
        <section aria-labelledby="by-student" className="space-y-3">
          <h2 id="by-student">Answers by student</h2>
          {students.map((s: ReportStudent) => (
            <details key={s.studentId} id={`student-${s.studentId}`} className="rounded-lg border border-border p-3">
              <summary className="cursor-pointer font-medium">
                {s.nickname} — {s.score === null ? 'none submitted' : `${s.score} / ${s.maxScore}`}
                {s.inProgress ? ` · in progress: ${s.inProgress.answered} of ${s.maxScore} answered` : ''}
              </summary>
              <AttemptList student={s} />
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
                {report.items.map((item) => (
                  <li key={item.itemId}>
                    {item.prompt} <strong>{s.answers[item.itemId]?.text ?? 'not answered'}</strong>
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
