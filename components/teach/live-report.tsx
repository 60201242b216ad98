'use client';

import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AssignmentReport, Cell, ReportStudent } from '@/lib/classroom/report-types';
import { oneDecimal } from '@/lib/classroom/class-summary';
import { sortStudents, type StudentSortKey } from '@/lib/classroom/student-order';

const CELL: Record<Exclude<Cell, null> | 'none', { label: string; short: string; className: string }> = {
  right: { label: 'right', short: '✓', className: 'bg-success-soft text-success' },
  partial: { label: 'partly right', short: '½', className: 'bg-warning-soft text-warning' },
  wrong: { label: 'wrong', short: '✗', className: 'bg-danger-soft text-danger' },
  none: { label: 'not answered', short: '·', className: 'text-muted' },
};

// The item analysis and each student's answers sit below the table: their code loads beside the
// page, in their own Suspense boundary, so the table hydrates (and polls) without waiting for it.
const Details = lazy(() => import('./report-details').then((m) => ({ default: m.ReportDetails })));

function ReportDetails(props: { report: AssignmentReport; students: AssignmentReport['students'] }) {
  return (
    <Suspense fallback={null}>
      <Details {...props} />
    </Suspense>
  );
}

const minutes = (ms: number | null) => (ms === null ? '—' : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

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
  // A server action on this page (a reset, a rename) renders it again with a newer report: show
  // that one. Polling alone would not, since it asks with the newer report's ETag.
  const [shownEtag, setShownEtag] = useState(initialEtag);
  if (shownEtag !== initialEtag) {
    setShownEtag(initialEtag);
    setReport(initial);
  }
  const [sort, setSort] = useState<StudentSortKey>('nickname');
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

  const students = useMemo(() => sortStudents(report.students, sort), [report.students, sort]);

  const counts = (status: ReportStudent['status']) => report.students.filter((s) => s.status === status).length;
  const [working, retrying, finished] = [counts('working'), counts('retrying'), counts('finished')];
  const isQuiz = report.assignment.mode === 'quiz';

  return (
    <div className="space-y-8">
      <section aria-labelledby="participants" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="participants">Students</h2>
          <p role="status" className="text-sm text-muted">
            {report.students.length} joined · {working} working · {retrying ? `${retrying} retrying · ` : ''}
            {finished} finished{stale ? ' · reconnecting…' : ''}
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

      {isQuiz ? <ReportDetails report={report} students={students} /> : null}
    </div>
  );
}
