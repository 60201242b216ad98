import { lateStatus, revealDecision, type LateWorkPolicy, type RevealPolicy } from './reveal';

/** The settings a teacher may change after students start. */
export interface ChangeableSettings {
  reveal: RevealPolicy;
  lateWork: LateWorkPolicy;
  dueAt: Date | null;
}

/** The class's work at the moment of the change, counted by student. */
export interface WorkSoFar {
  /** Students with a submitted attempt. */
  submitted: number;
  /** Students with an attempt still open. */
  inProgress: number;
}

const students = (n: number) => (n === 1 ? '1 student' : `${n} students`);
const have = (n: number) => `${students(n)} ${n === 1 ? 'has' : 'have'}`;

/** Whether the scores and answers show for a submitted attempt, and for an answered question in an open one. */
function shows(s: ChangeableSettings, now: Date) {
  return {
    submitted: revealDecision({ policy: s.reveal, submitted: true, dueAt: s.dueAt, now }).showKey,
    inProgress: revealDecision({ policy: s.reveal, submitted: false, dueAt: s.dueAt, now }).showKey,
  };
}

/**
 * What changing the settings from `before` to `after` does to work already in, in sentences for
 * the teacher (empty when it changes nothing for anyone). Reads the same rules the pages obey:
 * revealDecision for answers and lateStatus for late work.
 */
export function settingChangeEffects(before: ChangeableSettings, after: ChangeableSettings, work: WorkSoFar, now: Date): string[] {
  const effects: string[] = [];
  const [was, will] = [shows(before, now), shows(after, now)];
  if (work.submitted > 0 && !was.submitted && will.submitted)
    effects.push(`${have(work.submitted)} submitted; revealing now shows them their scores and the correct answers.`);
  if (work.submitted > 0 && was.submitted && !will.submitted)
    effects.push(
      `${have(work.submitted)} submitted; their scores and the correct answers are hidden again (they may have seen them already).`,
    );
  if (work.inProgress > 0 && !was.inProgress && will.inProgress)
    effects.push(`${have(work.inProgress)} a quiz in progress; they now see right or wrong and the correct answer after each answer.`);
  if (work.inProgress > 0 && was.inProgress && !will.inProgress)
    effects.push(`${have(work.inProgress)} a quiz in progress; they no longer see how each answer went until the answers are revealed.`);

  const [lateBefore, lateAfter] = [before, after].map((s) => lateStatus({ dueAt: s.dueAt, lateWork: s.lateWork, now }));
  if (lateAfter === 'refused' && lateBefore !== 'refused')
    effects.push(
      work.inProgress > 0
        ? `The due date has passed and late work is refused: ${students(work.inProgress)} with a quiz in progress cannot answer any more, and nobody new can join.`
        : 'The due date has passed and late work is refused: nobody can answer or join any more.',
    );
  if (lateBefore === 'refused' && lateAfter !== 'refused')
    effects.push(
      `Students can join and answer again${lateAfter === 'late_accepted' ? '; answers given from now on are marked late' : ''}.`,
    );
  if (lateAfter === 'late_accepted' && lateBefore === 'on_time')
    effects.push('The due date has passed: answers given from now on are marked late.');
  if (work.submitted > 0 && before.dueAt?.getTime() !== after.dueAt?.getTime())
    effects.push('Work already handed in keeps its on-time or late mark.');
  return effects;
}
