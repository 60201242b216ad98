import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { QuestionDownloadLinks } from '@/components/interop/question-downloads';
import { DueDateForm } from '@/components/teach/due-date-form';
import { LiveReport } from '@/components/teach/live-report';
import { ResetPersonalCodeForm } from '@/components/teach/reset-personal-code-form';
import { RosterManager } from '@/components/teach/roster-manager';
import { StatusBadge } from '@/components/teach/status-badge';
import { currentTeacher } from '@/server/auth';
import { or404 } from '@/server/pages';
import { cachedAssignmentReport } from '@/server/report-cache';
import { requestOrigin } from '@/server/session';
import {
  duplicateAction,
  removeStudentAction,
  renameStudentAction,
  resetAttemptsAction,
  setClosedAction,
  setDueDateAction,
  setRosterLockedAction,
} from '../../actions';
import { resetPersonalCodeAction } from './personal-code-actions';

export const metadata: Metadata = { title: 'Assignment report' };

const small = 'inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-text no-underline hover:bg-surface-muted';

export default async function AssignmentReportPage({ params }: { params: Promise<{ id: string }> }) {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  const { id } = await params;
  const { report } = await or404(cachedAssignmentReport(teacher, id));
  const { assignment } = report;
  const link = `${await requestOrigin()}/a/${assignment.id}`;
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/teach">Your assignments</Link> <span aria-hidden="true">/</span> <span aria-current="page">{assignment.title}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1>{assignment.title}</h1>
          <StatusBadge status={assignment.status} />
        </div>
        <p className="text-muted">
          {assignment.setTitle} · {assignment.mode === 'quiz' ? 'Quiz' : 'Flashcard practice'}
        </p>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg bg-surface-muted p-3">
          <p>
            Code: <strong className="font-mono text-xl tracking-widest">{assignment.code}</strong>
          </p>
          <p className="min-w-0 break-all">
            Link: <a href={link}>{link}</a>
          </p>
          <Link href={`/teach/assignments/${assignment.id}/qr`} className={small}>
            Show QR code for the class
          </Link>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/v1/teach/assignments/${assignment.id}/export`} className={small} download>
            Download results (CSV)
          </a>
          <form action={setClosedAction}>
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <input type="hidden" name="closed" value={assignment.closed ? 'false' : 'true'} />
            <button type="submit" className={small}>
              {assignment.closed ? 'Reopen' : 'Close'}
            </button>
          </form>
          <form action={setRosterLockedAction}>
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <input type="hidden" name="locked" value={assignment.rosterLocked ? 'false' : 'true'} />
            <button type="submit" className={small}>
              {assignment.rosterLocked ? 'Unlock the class list' : 'Lock the class list'}
            </button>
          </form>
          <form action={duplicateAction}>
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <button type="submit" className={small}>
              Duplicate
            </button>
          </form>
          <Link href={`/teach/assignments/${assignment.id}/delete`} className={`${small} text-danger`}>
            Delete…
          </Link>
        </div>
        {assignment.rosterLocked ? <p role="status">The class list is locked: nobody new can join; students already in carry on.</p> : null}
        <details>
          <summary className="cursor-pointer">Download these questions for a learning platform</summary>
          <div className="mt-2">
            <QuestionDownloadLinks baseHref={`/api/v1/teach/assignments/${assignment.id}/questions`} />
          </div>
        </details>
        <DueDateForm assignmentId={assignment.id} dueUtc={assignment.dueAt} action={setDueDateAction} />
      </header>
      <LiveReport initial={report} assignmentId={assignment.id} />
      <RosterManager
        assignmentId={assignment.id}
        students={report.students}
        isQuiz={assignment.mode === 'quiz'}
        actions={{ rename: renameStudentAction, reset: resetAttemptsAction, remove: removeStudentAction }}
      />
      <ResetPersonalCodeForm
        assignmentId={assignment.id}
        students={report.students.map((s) => ({ studentId: s.studentId, nickname: s.nickname }))}
        action={resetPersonalCodeAction}
      />
    </div>
  );
}
