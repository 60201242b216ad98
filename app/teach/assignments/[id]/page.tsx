import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { QuestionDownloadLinks } from '@/components/interop/question-downloads';
import { CopyValue } from '@/components/teach/copy-value';
import { LATE_WORK_LABELS, modeLabel, REVEAL_LABELS } from '@/lib/classroom/setting-labels';
import { LocalTime } from '@/components/ui/local-time';
import type { LateWorkPolicy, RevealPolicy } from '@/lib/classroom/reveal';
import { assignmentWork, ownedAssignment } from '@/server/assignments';
import { LiveReport } from '@/components/teach/live-report';
import { ResetPersonalCodeFormLazy, RosterManagerLazy, SettingsFormLazy } from '@/components/teach/report-forms-lazy';
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
  setRosterLockedAction,
  updateSettingsAction,
} from '../../actions';
import { resetPersonalCodeAction } from './personal-code-actions';

export const metadata: Metadata = { title: 'Assignment report' };

const small = 'inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-text no-underline hover:bg-surface-muted';

export default async function AssignmentReportPage({ params }: PageProps<'/teach/assignments/[id]'>) {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  const { id } = await params;
  const { report, etag } = await or404(cachedAssignmentReport(teacher, id));
  const { assignment } = report;
  const [stored, work] = await Promise.all([ownedAssignment(teacher, id), assignmentWork(teacher, id)]);
  const link = `${await requestOrigin()}/a/${assignment.id}`;
  const reveal = stored.reveal as RevealPolicy;
  const lateWork = stored.lateWork as LateWorkPolicy;
  const itemCount = (JSON.parse(stored.itemIds) as string[]).length;
  const settingsList: [string, React.ReactNode][] = [
    ['Mode', assignment.mode === 'quiz' ? 'Quiz (graded, with a score)' : 'Flashcard practice'],
    ['Question set', `${assignment.setTitle}, ${itemCount} ${itemCount === 1 ? 'item' : 'items'}`],
    ['Due', stored.dueAt ? <LocalTime iso={stored.dueAt} /> : 'No due date'],
    ['Late work', LATE_WORK_LABELS[lateWork]],
    ['Show answers', REVEAL_LABELS[reveal]],
    ['Attempts allowed', stored.attemptsAllowed === 0 ? 'Unlimited' : String(stored.attemptsAllowed)],
    ['Question order', stored.shuffle ? 'Shuffled for each student' : 'As in the set'],
    ['Mastery mode', stored.mastery ? 'On: missed questions come back, up to three rounds' : 'Off'],
    [
      'Self-study',
      stored.security === 'secure'
        ? 'Secure: the questions leave self-study while this is open'
        : 'Practice: the questions stay in self-study',
    ],
    ['Class list', assignment.rosterLocked ? 'Locked: nobody new can join' : 'Open'],
    ['State', assignment.closed ? 'Closed: takes no more work' : 'Open'],
  ];
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
          {assignment.setTitle} · {modeLabel(assignment.mode)}
        </p>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg bg-surface-muted p-3">
          <p>
            Code:{' '}
            <CopyValue label="code" value={assignment.code}>
              <strong className="font-mono text-xl tracking-widest">{assignment.code}</strong>
            </CopyValue>
          </p>
          <p className="min-w-0">
            Link:{' '}
            <CopyValue label="link" value={link}>
              <a href={link}>{link}</a>
            </CopyValue>
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
        <p className="text-sm text-muted">
          {assignment.closed
            ? 'Reopening lets students join and answer again, under the settings below.'
            : work.inProgress > 0
              ? `Closing stops all work at once: ${work.inProgress === 1 ? '1 student has a quiz' : `${work.inProgress} students have quizzes`} in progress that cannot be finished, and nobody can join.`
              : 'Closing stops all work at once: nobody can join, answer or hand in.'}
        </p>
        {assignment.rosterLocked ? <p role="status">The class list is locked: nobody new can join; students already in carry on.</p> : null}
        <details>
          <summary className="cursor-pointer">Download these questions for a learning platform</summary>
          <div className="mt-2">
            <QuestionDownloadLinks baseHref={`/api/v1/teach/assignments/${assignment.id}/questions`} />
          </div>
        </details>
      </header>
      <section aria-labelledby="settings" className="space-y-4">
        <h2 id="settings">Settings</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {settingsList.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium">{term}</dt>
              <dd className="text-muted">{value}</dd>
            </div>
          ))}
        </dl>
        <details className="rounded-lg border border-border p-3">
          <summary className="cursor-pointer font-medium">Change the title, due date, late work or when answers show</summary>
          <p className="mt-2 text-sm text-muted">
            {work.submitted} {work.submitted === 1 ? 'student has' : 'students have'} submitted and {work.inProgress}{' '}
            {work.inProgress === 1 ? 'has' : 'have'} a quiz in progress. The questions, mode and attempts stay as they are once students can
            start.
          </p>
          <div className="mt-3">
            <SettingsFormLazy
              assignmentId={assignment.id}
              settings={{ title: stored.title, dueUtc: stored.dueAt?.toISOString() ?? null, reveal, lateWork }}
              work={work}
              action={updateSettingsAction}
            />
          </div>
        </details>
      </section>
      <LiveReport initial={report} initialEtag={etag} assignmentId={assignment.id} />
      <RosterManagerLazy
        assignmentId={assignment.id}
        students={report.students}
        isQuiz={assignment.mode === 'quiz'}
        actions={{ rename: renameStudentAction, reset: resetAttemptsAction, remove: removeStudentAction }}
      />
      <ResetPersonalCodeFormLazy
        assignmentId={assignment.id}
        students={report.students.map((s) => ({ studentId: s.studentId, nickname: s.nickname }))}
        action={resetPersonalCodeAction}
      />
    </div>
  );
}
