import type { Metadata } from 'next';
import { AssignmentHeader } from '@/components/classroom/assignment-header';
import { LeaveClassForm } from '@/components/classroom/leave-class-form';
import { NicknameForm, PersonalCodeForm, StartQuizButton } from '@/components/classroom/student-forms';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { modeLabel } from '@/lib/classroom/setting-labels';
import { ProgressBar } from '@/components/ui/progress-bar';
import { or404 } from '@/server/pages';
import { currentLearner } from '@/server/session';
import { getPublicAssignment, findStudentView } from '@/server/students';
import { leaveClassAction } from '../../settings/actions';
import { joinWithNicknameAction, resumeWithCodeAction, startAssignmentQuizAction } from './actions';

export const metadata: Metadata = { title: 'Assignment' };

export default async function StudentAssignmentPage({ params }: PageProps<'/a/[id]'>) {
  const { id } = await params;
  const assignment = await or404(getPublicAssignment(id));
  const learner = await currentLearner();
  const view = learner ? await findStudentView(learner, id) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <AssignmentHeader id={assignment.id} title={assignment.title} nickname={view?.student.nickname ?? null} />
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">{modeLabel(assignment.mode)}</p>
        <h1>{assignment.title}</h1>
        <p className="text-muted">
          {assignment.setTitle} · {assignment.itemCount} {assignment.itemCount === 1 ? 'item' : 'items'}
          {assignment.dueAt ? (
            <>
              {' · due '}
              <LocalTime iso={assignment.dueAt} />
            </>
          ) : null}
        </p>
      </header>
      {assignment.closed ? <Alert tone="warning">Your teacher has closed this assignment.</Alert> : null}

      {view?.leftAt ? (
        <Card className="space-y-2">
          <p className="text-lg">
            You left this class as <strong>{view.student.nickname}</strong>.
          </p>
          <p>Your teacher keeps the work you did here; nothing more can be added to it.</p>
        </Card>
      ) : !view ? (
        assignment.closed ? null : assignment.joinRefusal ? (
          <Alert tone="info">{assignment.joinRefusal}</Alert>
        ) : (
          <>
            <Card>
              <NicknameForm assignmentId={assignment.id} action={joinWithNicknameAction} />
            </Card>
            <details className="rounded-xl border border-border p-4">
              <summary className="cursor-pointer font-medium">Already started on another device?</summary>
              <div className="mt-3">
                <PersonalCodeForm assignmentId={assignment.id} action={resumeWithCodeAction} />
              </div>
            </details>
          </>
        )
      ) : (
        <>
          <Card className="space-y-4">
            <p className="text-lg">
              Hello, <strong>{view.student.nickname}</strong>.
            </p>
            {assignment.mode === 'quiz' ? (
              <>
                {view.openAttemptId ? (
                  <ButtonLink href={`/quiz/${view.openAttemptId}`}>Continue the quiz</ButtonLink>
                ) : view.canStart ? (
                  <>
                    {view.answersSeen ? (
                      <p>
                        You have seen the answers of an earlier attempt: your teacher will see a new attempt marked as made after that, and
                        it does not replace your earlier score.
                      </p>
                    ) : null}
                    <StartQuizButton
                      assignmentId={assignment.id}
                      label={view.attempts.length ? 'Try again' : 'Start the quiz'}
                      action={startAssignmentQuizAction}
                    />
                  </>
                ) : view.reason ? (
                  <Alert tone="info">{view.reason}</Alert>
                ) : null}
                {view.attempts.filter((a) => a.submittedAt).length ? (
                  <ul className="space-y-1">
                    {view.attempts
                      .filter((a) => a.submittedAt)
                      .map((a, i) => (
                        <li key={a.id}>
                          <a href={`/quiz/${a.id}`}>Attempt {i + 1}</a>
                          {a.late ? ' (late)' : ''}
                          {a.resetAt ? ' (reset by your teacher)' : ''}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <>
                <p>
                  {view.cardsDone} of {view.itemIds.length} cards done (rated Good or Easy once).
                </p>
                <ProgressBar value={view.cardsDone} max={view.itemIds.length} label="Cards done" tone="success" />
                {view.cardsDone >= view.itemIds.length ? null : view.canPractise ? (
                  <ButtonLink href={`/a/${assignment.id}/review`}>Practise the cards</ButtonLink>
                ) : view.reason ? (
                  <Alert tone="info">{view.reason}</Alert>
                ) : null}
              </>
            )}
          </Card>
          <p className="text-sm text-muted">
            Your personal code is <strong className="font-mono text-base text-text">{view.student.personalCode}</strong>. Enter it on this
            page on another device to carry on there; it works once, then you get a new one. Keep it to yourself.
          </p>
          <details className="rounded-xl border border-border p-4">
            <summary className="cursor-pointer font-medium">Leave this class</summary>
            <div className="mt-3">
              <LeaveClassForm assignmentId={assignment.id} title={assignment.title} returnTo="assignment" action={leaveClassAction} />
            </div>
          </details>
        </>
      )}
    </div>
  );
}
