import 'server-only';
import { randomInt } from 'node:crypto';
import { generateJoinCode, joinCodeSchema } from '@/lib/classroom/codes';
import { nicknameKey, nicknameSchema, suggestFreeNickname } from '@/lib/classroom/nicknames';
import { assignmentStatus, lateStatus, type LateWorkPolicy } from '@/lib/classroom/reveal';
import { shuffle } from '@/lib/quiz/random';
import { getDb } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { issueToken, resolveLearner, type LearnerRef, type LearnerSource } from './learners';
import { randomId } from './tokens';

export interface PublicAssignment {
  id: string;
  title: string;
  mode: 'quiz' | 'flashcards';
  setTitle: string;
  itemCount: number;
  dueAt: Date | null;
  closed: boolean;
  status: ReturnType<typeof assignmentStatus>;
  attemptsAllowed: number;
  lateWork: LateWorkPolicy;
  mastery: boolean;
}

async function loadAssignment(assignmentId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(assignmentId)) throw notFound('That assignment');
  const db = await getDb();
  const a = await db.assignment.findUnique({ where: { id: assignmentId }, include: { set: { select: { title: true } } } });
  if (!a) throw notFound('That assignment');
  return a;
}

/** What anyone holding the link may see: no student data, no keys. */
export async function getPublicAssignment(assignmentId: string, now = new Date()): Promise<PublicAssignment> {
  const a = await loadAssignment(assignmentId);
  return {
    id: a.id,
    title: a.title,
    mode: a.mode as PublicAssignment['mode'],
    setTitle: a.set.title,
    itemCount: (JSON.parse(a.itemIds) as string[]).length,
    dueAt: a.dueAt,
    closed: a.closedAt !== null,
    status: assignmentStatus({ closedAt: a.closedAt, dueAt: a.dueAt, now }),
    attemptsAllowed: a.attemptsAllowed,
    lateWork: a.lateWork as LateWorkPolicy,
    mastery: a.mastery,
  };
}

/** The assignment a typed join code names (case-insensitive), or a 404 in plain words. */
export async function assignmentIdForCode(input: unknown): Promise<string> {
  const parsed = joinCodeSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', `code: ${parsed.error.issues[0]?.message ?? 'is not a join code'}`, ['code']);
  const db = await getDb();
  const a = await db.assignment.findUnique({ where: { code: parsed.data }, select: { id: true } });
  if (!a) throw new AppError('not_found', 'code: No assignment has that code. Check it with your teacher.', ['code']);
  return a.id;
}

export async function findStudent(learner: LearnerRef | null, assignmentId: string) {
  if (!learner) return null;
  const db = await getDb();
  return db.assignmentStudent.findUnique({ where: { assignmentId_learnerId: { assignmentId, learnerId: learner.id } } });
}

export class NicknameTakenError extends AppError {
  constructor(readonly suggestion: string) {
    super('conflict', `nickname: Someone in this class already uses that name. How about “${suggestion}”?`, ['nickname']);
  }
}

async function freePersonalCode(assignmentId: string): Promise<string> {
  const db = await getDb();
  for (let tries = 0; tries < 20; tries++) {
    const code = generateJoinCode(randomInt);
    if (!(await db.assignmentStudent.findUnique({ where: { assignmentId_personalCode: { assignmentId, personalCode: code } }, select: { id: true } }))) return code;
  }
  throw new Error('Could not find a free personal code');
}

/** Joins the learner to the assignment under a nickname unique in the class (case-insensitively). */
export async function joinAssignment(source: LearnerSource, assignmentId: string, rawNickname: unknown) {
  const a = await loadAssignment(assignmentId);
  if (a.closedAt) throw new AppError('conflict', 'Your teacher has closed this assignment.');
  const nickname = parseOrThrow(nicknameSchema, rawNickname, ['nickname']);
  const learner = await resolveLearner(source);
  const existing = await findStudent(learner, assignmentId);
  if (existing) return existing;
  const key = nicknameKey(nickname);
  const db = await getDb();
  const taken = new Set((await db.assignmentStudent.findMany({ where: { assignmentId }, select: { nicknameKey: true } })).map((s) => s.nicknameKey));
  if (taken.has(key)) throw new NicknameTakenError(suggestFreeNickname(nickname, taken));
  try {
    return await db.assignmentStudent.create({
      data: { id: randomId(), assignmentId, learnerId: learner.id, nickname, nicknameKey: key, personalCode: await freePersonalCode(assignmentId) },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new NicknameTakenError(suggestFreeNickname(nickname, new Set([...taken, key])));
    throw error;
  }
}

/** Signs this device in as the student who owns the personal code (their other device's work). */
export async function resumeWithPersonalCode(assignmentId: string, rawCode: unknown): Promise<string> {
  const code = parseOrThrow(joinCodeSchema, rawCode, ['code']);
  const db = await getDb();
  const student = await db.assignmentStudent.findUnique({ where: { assignmentId_personalCode: { assignmentId, personalCode: code } }, select: { learnerId: true } });
  if (!student) throw new AppError('not_found', 'code: That personal code does not belong to this assignment.', ['code']);
  return issueToken(student.learnerId);
}

export interface StudentView {
  student: { id: string; nickname: string; personalCode: string };
  attempts: { id: string; startedAt: Date; submittedAt: Date | null; late: boolean }[];
  openAttemptId: string | null;
  canStart: boolean;
  reason: string | null;
  /** Flashcard mode: items rated Good or Easy at least once in this assignment. */
  cardsDone: number;
  itemIds: string[];
}

export async function getStudentView(learner: LearnerRef, assignmentId: string, now = new Date()): Promise<StudentView | null> {
  const a = await loadAssignment(assignmentId);
  const student = await findStudent(learner, assignmentId);
  if (!student) return null;
  const db = await getDb();
  const attempts = await db.quizAttempt.findMany({
    where: { studentId: student.id },
    orderBy: { startedAt: 'asc' },
    select: { id: true, startedAt: true, submittedAt: true, late: true },
  });
  const open = attempts.find((t) => !t.submittedAt);
  const itemIds = JSON.parse(a.itemIds) as string[];
  const done = a.mode === 'flashcards'
    ? (await db.reviewLog.findMany({ where: { assignmentId, learnerId: learner.id, rating: { gte: 3 } }, distinct: ['questionId'], select: { questionId: true } })).length
    : 0;
  const refusal = startRefusal(a, attempts.length, now);
  return {
    student: { id: student.id, nickname: student.nickname, personalCode: student.personalCode },
    attempts,
    openAttemptId: open?.id ?? null,
    canStart: !open && refusal === null,
    reason: refusal,
    cardsDone: done,
    itemIds,
  };
}

function startRefusal(a: { closedAt: Date | null; dueAt: Date | null; lateWork: string; attemptsAllowed: number }, used: number, now: Date): string | null {
  if (a.closedAt) return 'Your teacher has closed this assignment.';
  if (lateStatus({ dueAt: a.dueAt, lateWork: a.lateWork as LateWorkPolicy, now }) === 'refused') return 'The due date has passed, and this assignment does not accept late work.';
  if (a.attemptsAllowed > 0 && used >= a.attemptsAllowed) return `You have used all ${a.attemptsAllowed} ${a.attemptsAllowed === 1 ? 'attempt' : 'attempts'}.`;
  return null;
}

/** Starts (or resumes) the student's quiz attempt, enforcing the teacher's settings. */
export async function startAssignmentAttempt(learner: LearnerRef, assignmentId: string, now = new Date()): Promise<string> {
  const a = await loadAssignment(assignmentId);
  if (a.mode !== 'quiz') throw new AppError('conflict', 'This assignment is flashcard practice, not a quiz.');
  const student = await findStudent(learner, assignmentId);
  if (!student) throw new AppError('forbidden', 'Join the assignment with a nickname first.');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({ where: { studentId: student.id }, select: { id: true, submittedAt: true } });
    const open = attempts.find((t) => !t.submittedAt);
    if (open) return open.id;
    const refusal = startRefusal(a, attempts.length, now);
    if (refusal) throw new AppError('conflict', refusal);
    const seed = randomId();
    const ids = JSON.parse(a.itemIds) as string[];
    const attempt = await tx.quizAttempt.create({
      data: {
        id: randomId(),
        learnerId: learner.id,
        setId: a.setId,
        itemIds: JSON.stringify(a.shuffle ? shuffle(ids, seed) : ids),
        seed,
        assignmentId,
        studentId: student.id,
        startedAt: now,
      },
    });
    return attempt.id;
  });
}

/** The items of an assignment the learner has joined, or a 404. */
export async function joinedAssignmentItems(learnerId: string, assignmentId: string): Promise<string[]> {
  const db = await getDb();
  const student = await db.assignmentStudent.findUnique({
    where: { assignmentId_learnerId: { assignmentId, learnerId } },
    select: { assignment: { select: { itemIds: true } } },
  });
  if (!student) throw notFound('That assignment');
  return JSON.parse(student.assignment.itemIds) as string[];
}

/** What a student's minimal header shows inside an assignment: its title, and their nickname once joined. */
export async function assignmentBanner(learner: LearnerRef | null, assignmentId: string): Promise<{ id: string; title: string; nickname: string | null }> {
  const a = await loadAssignment(assignmentId);
  const student = await findStudent(learner, assignmentId);
  return { id: a.id, title: a.title, nickname: student?.nickname ?? null };
}
