'use client';

import type { AssignmentReport, ReportStudent } from '@/lib/classroom/report-types';
import { asCoefficient } from '@/lib/classroom/coefficient';
import { LocalTime } from '../ui/local-time';

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

/** Below a quiz's table: how each question did (first attempts), and each student's answers. */
export function ReportDetails({ report, students }: { report: AssignmentReport; students: ReportStudent[] }) {
  const stats = new Map((report.statistics?.items ?? []).map((s) => [s.itemId, s]));
  return (
    <>
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
                Facility: the share of the marks the class scored on a question; very high or very low means it tells students apart little.
              </li>
              <li>
                Discrimination, D (−1 to 1): how well a question separates students who did well on the rest of the quiz from those who did
                not; below 0 means stronger students got it wrong more often.
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
                      Facility {st?.facility === null || st?.facility === undefined ? '—' : `${st.facility.toFixed(0)}%`} · Discrimination D
                      = {asCoefficient(st?.discrimination)}
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

      {report.students.length ? (
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
    </>
  );
}
