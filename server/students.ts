import 'server-only';
import { z } from 'zod';
import { joinCodeSchema } from '@/lib/classroom/codes';
import { joinFloodWait, JOIN_FLOOD_LIMIT, MAX_CLASS_SIZE } from '@/lib/classroom/join-flood';
import { nicknameKey, nicknameSchema, suggestFreeNickname } from '@/lib/classroom/nicknames';
import { keysShownAt } from '@/lib/classroom/attempt-scoring';
import { assignmentStatus, heldBackWording, type HeldBackWording, type LateWorkPolicy, type RevealPolicy } from '@/lib/classroom/reveal';
import { assignmentWriteDecision } from '@/lib/classroom/write-rules';
import { shuffle } from '@/lib/quiz/random';
import { checkAssignmentWrite } from './assignment-rules';
import { getDb, inReadSession, queryInTransaction, type Db, type DbTransaction } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { issueToken, resolveLearner, type LearnerRef, type LearnerSource } from './learners';
import { freePersonalCode, spendPersonalCode } from './personal-codes';
import { limited } from './rate-limits';
import { dateFromSql, dateOrNullFromSql, fragments, sql, type SqlSession } from './sql';
import { randomId } from './tokens';
import { ROW_ID } from '@/lib/row-id';

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
  rosterLocked: boolean;
  /** Why nobody new can join now (closed, past a due date that refuses late work, locked list), or null. */
  joinRefusal: string | null;
}

async function getAssignment(assignmentId: string) {
  if (!ROW_ID.test(assignmentId)) throw notFound('That assignment');
  const db = await getDb();
  const a = await db.assignment.findUnique({ where: { id: assignmentId }, include: { set: { select: { title: true } } } });
  if (!a) throw notFound('That assignment');
  return a;
}

/** What anyone holding the link may see: no student data, no keys. */
export async function getPublicAssignment(assignmentId: string, now = new Date()): Promise<PublicAssignment> {
  const a = await getAssignment(assignmentId);
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
    rosterLocked: a.rosterLockedAt !== null,
    joinRefusal: joinRefusal(a, now),
  };
}

/**
 * The assignment a typed join code names (case-insensitive), or a 404 in plain words. A code
 * expires (docs/security.md: fewer live codes, fewer lucky guesses) 180 days after the assignment
 * was made or was due, whichever is later; its link keeps working.
 */
export async function assignmentIdForCode(input: unknown, now = new Date()): Promise<string> {
  const parsed = joinCodeSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', `code: ${parsed.error.issues[0]?.message ?? 'is not a join code'}`, ['code']);
  const id = await inReadSession((session) => liveAssignmentId(session, parsed.data, now));
  if (!id) throw new AppError('not_found', 'code: No assignment has that code. Check it with your teacher.', ['code']);
  return id;
}

/**
 * The assignment a code typed by a client names, under the per-address limit on wrong codes (the
 * join page and the JSON API both come here). A live code is not counted as a guess, so a school
 * joining at once from one address never slows its own students.
 */
export function assignmentIdForTypedCode(input: unknown, client: string): Promise<string> {
  return limited('joinCode', { client }, () => assignmentIdForCode(input), {
    knownGood: async (session) => {
      const parsed = joinCodeSchema.safeParse(input);
      return parsed.success && (await liveAssignmentId(session, parsed.data, new Date())) !== null;
    },
  });
}

const joinByCodeInput = z.strictObject({ code: z.string().max(20), nickname: z.string().max(200) });

/** Joins by a class's code under a nickname (the JSON API's join); wrong codes are limited per client address. */
export async function joinByCode(source: LearnerSource, input: unknown, client: string) {
  const { code, nickname } = parseOrThrow(joinByCodeInput, input);
  const assignmentId = await assignmentIdForTypedCode(code, client);
  return { assignmentId, student: await joinAssignment(source, assignmentId, nickname) };
}

/** A join code stops working this many days after its assignment was made or was due, whichever is later. */
export const JOIN_CODE_DAYS = 180;

/** The id of the assignment with this (normalised) code, if it can still be joined by code. */
async function liveAssignmentId(session: SqlSession, code: string, now: Date): Promise<string | null> {
  const row = await session.get<{ id: string; dueAt: string | Date | null; createdAt: string | Date }>(
    sql`SELECT id, dueAt, createdAt FROM Assignment WHERE code = ${code}`,
  );
  if (!row || joinCodeExpired({ dueAt: dateOrNullFromSql(row.dueAt), createdAt: dateFromSql(row.createdAt) }, now)) return null;
  return row.id;
}

function joinCodeExpired(a: { dueAt: Date | null; createdAt: Date }, now: Date): boolean {
  const start = Math.max(a.createdAt.getTime(), a.dueAt?.getTime() ?? 0);
  return now.getTime() > start + JOIN_CODE_DAYS * 24 * 60 * 60 * 1000;
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

const rulesOf = (a: { closedAt: Date | null; dueAt: Date | null; lateWork: string; rosterLockedAt: Date | null }) => ({
  closedAt: a.closedAt,
  dueAt: a.dueAt,
  lateWork: a.lateWork as LateWorkPolicy,
  rosterLockedAt: a.rosterLockedAt,
});

/** The class's nickname keys, computed from the names (so older rows compare by today's rule). */
async function takenNicknameKeys(assignmentId: string, exceptStudentId?: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.assignmentStudent.findMany({
    where: { assignmentId, id: exceptStudentId ? { not: exceptStudentId } : undefined },
    select: { nickname: true },
  });
  return new Set(rows.map((s) => nicknameKey(s.nickname)));
}

/** Refuses a join while the assignment has taken JOIN_FLOOD_LIMIT.max new students within its window, or is full. */
async function checkJoinFlood(db: Db | DbTransaction, assignmentId: string, now: Date): Promise<void> {
  const recent = await db.assignmentStudent.findMany({
    where: { assignmentId, joinedAt: { gt: new Date(now.getTime() - JOIN_FLOOD_LIMIT.windowMs) } },
    select: { joinedAt: true },
  });
  const wait = joinFloodWait(
    recent.map((r) => r.joinedAt),
    now,
  );
  if (wait !== null)
    throw new AppError('rate_limited', `Many students are joining this class right now; try again in ${Math.ceil(wait / 1000)} seconds.`);
  if ((await db.assignmentStudent.count({ where: { assignmentId } })) >= MAX_CLASS_SIZE) {
    throw new AppError('conflict', `This class is full (${MAX_CLASS_SIZE} students); ask your teacher.`);
  }
}

function joinRefusal(a: Parameters<typeof rulesOf>[0], now: Date): string | null {
  const decision = assignmentWriteDecision({ write: 'join', assignment: rulesOf(a), now });
  return decision.allowed ? null : decision.reason;
}

/**
 * Joins the learner to the assignment under a nickname no one in the class has or looks like
 * (see nicknameKey). A learner already on the class list gets their entry back, whatever they type.
 */
export async function joinAssignment(source: LearnerSource, assignmentId: string, rawNickname: unknown, now = new Date()) {
  const a = await getAssignment(assignmentId);
  if (typeof source !== 'function') {
    const existing = await findStudent(source, assignmentId);
    if (existing) return existing;
  }
  // The assignment's rule first: a student is told it is closed or past due before anything about their nickname.
  checkAssignmentWrite({ write: 'join', assignment: rulesOf(a), now });
  const nickname = parseOrThrow(nicknameSchema, rawNickname, ['nickname']);
  const key = nicknameKey(nickname);
  const taken = await takenNicknameKeys(assignmentId);
  if (taken.has(key)) throw new NicknameTakenError(suggestFreeNickname(nickname, taken));
  const db = await getDb();
  // Checked here so that a refused join creates no learner, and again below, where it is decided.
  await checkJoinFlood(db, assignmentId, now);
  const learner = await resolveLearner(source);
  const existing = await findStudent(learner, assignmentId);
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      // Joins to one assignment wait for each other here, so the check and the insert below cannot interleave.
      await queryInTransaction(tx, sql`SELECT id FROM Assignment WHERE id = ${assignmentId} ${fragments.forUpdate}`);
      await checkJoinFlood(tx, assignmentId, now);
      return tx.assignmentStudent.create({
        data: {
          id: randomId(),
          assignmentId,
          learnerId: learner.id,
          nickname,
          nicknameKey: key,
          personalCode: await freePersonalCode(assignmentId, tx),
          joinedAt: now,
        },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new NicknameTakenError(suggestFreeNickname(nickname, new Set([...taken, key])));
    throw error;
  }
}

/**
 * Leaves the class: the student's entry and every attempt stay in the teacher's report, marked as
 * left, and nothing more can be added to them (nor can this learner join again for a fresh start).
 */
export async function leaveAssignment(learner: LearnerRef, assignmentId: string, now = new Date()): Promise<void> {
  const student = await findStudent(learner, assignmentId);
  if (!student) throw notFound('That assignment');
  if (student.leftAt) return;
  const db = await getDb();
  await db.assignmentStudent.update({ where: { id: student.id }, data: { leftAt: now } });
}

/**
 * Signs this device in as the student who owns the personal code (their other device's work).
 * The code is spent: the student gets a new one, shown on both devices.
 */
export async function resumeWithPersonalCode(assignmentId: string, rawCode: unknown): Promise<string> {
  const code = parseOrThrow(joinCodeSchema, rawCode, ['code']);
  const learnerId = await spendPersonalCode(assignmentId, code);
  if (!learnerId) throw new AppError('not_found', 'code: That personal code does not belong to this assignment.', ['code']);
  return issueToken(learnerId);
}

export interface StudentView {
  student: { id: string; nickname: string; personalCode: string };
  attempts: { id: string; startedAt: Date; submittedAt: Date | null; late: boolean; resetAt: Date | null }[];
  /** When the student left the class (their work stays with the teacher). */
  leftAt: Date | null;
  openAttemptId: string | null;
  canStart: boolean;
  /** The student could already see the answers of an earlier attempt: a new one will be flagged and not count. */
  answersSeen: boolean;
  reason: string | null;
  /** Flashcard mode: items rated Good or Easy at least once in this assignment. */
  cardsDone: number;
  /** Flashcard mode: whether a rating would be taken now (the assignment's rule). */
  canPractise: boolean;
  itemIds: string[];
}

/** The learner's place in the assignment, or null until they join (a missing assignment is a 404). */
export async function findStudentView(learner: LearnerRef, assignmentId: string, now = new Date()): Promise<StudentView | null> {
  const a = await getAssignment(assignmentId);
  const student = await findStudent(learner, assignmentId);
  if (!student) return null;
  const db = await getDb();
  const attempts = await db.quizAttempt.findMany({
    where: { studentId: student.id },
    orderBy: { startedAt: 'asc' },
    select: {
      id: true,
      startedAt: true,
      submittedAt: true,
      late: true,
      resetAt: true,
      responses: { select: { answeredAt: true }, orderBy: { answeredAt: 'asc' }, take: 1 },
    },
  });
  const answersSeen = attempts.some((t) => {
    const shown = keysShownAt(
      { ...t, firstAnsweredAt: t.responses[0]?.answeredAt ?? null, lastAnsweredAt: null, score: 0 },
      a.reveal as RevealPolicy,
      a.dueAt,
    );
    return shown !== null && shown.getTime() <= now.getTime();
  });
  const open = attempts.find((t) => !t.submittedAt && !t.resetAt);
  const itemIds = JSON.parse(a.itemIds) as string[];
  const done =
    a.mode === 'flashcards'
      ? (
          await db.reviewLog.findMany({
            where: { assignmentId, learnerId: learner.id, rating: { gte: 3 } },
            distinct: ['questionId'],
            select: { questionId: true },
          })
        ).length
      : 0;
  const refusal = startRefusal({ assignment: a, student, attempts }, now);
  return {
    student: { id: student.id, nickname: student.nickname, personalCode: student.personalCode },
    leftAt: student.leftAt,
    attempts: attempts.map(({ responses: _responses, ...t }) => t),
    openAttemptId: open?.id ?? null,
    canStart: !open && refusal === null,
    answersSeen,
    reason: refusal,
    cardsDone: done,
    canPractise: assignmentWriteDecision({ write: 'rate', assignment: rulesOf(a), student, now }).allowed,
    itemIds,
  };
}

/** Why the student may not start an attempt now (the assignment's rule, then the allowance), or null. */
function startRefusal(
  {
    assignment: a,
    student,
    attempts,
  }: {
    assignment: Parameters<typeof rulesOf>[0] & { attemptsAllowed: number };
    student: { leftAt: Date | null };
    attempts: readonly { resetAt: Date | null }[];
  },
  now: Date,
): string | null {
  const decision = assignmentWriteDecision({ write: 'start', assignment: rulesOf(a), student, now });
  if (!decision.allowed) return decision.reason;
  // Reset attempts stay on record but give the allowance back; nothing else does (not leaving, not deleting).
  const used = attempts.filter((t) => !t.resetAt).length;
  if (a.attemptsAllowed > 0 && used >= a.attemptsAllowed)
    return `You have used all ${a.attemptsAllowed} ${a.attemptsAllowed === 1 ? 'attempt' : 'attempts'}.`;
  return null;
}

/** Starts (or resumes) the student's quiz attempt, enforcing the teacher's settings. */
export async function startAssignmentAttempt(learner: LearnerRef, assignmentId: string, now = new Date()): Promise<string> {
  const a = await getAssignment(assignmentId);
  if (a.mode !== 'quiz') throw new AppError('conflict', 'This assignment is flashcard practice, not a quiz.');
  const student = await findStudent(learner, assignmentId);
  if (!student) throw new AppError('forbidden', 'Join the assignment with a nickname first.');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({
      where: { studentId: student.id },
      select: { id: true, submittedAt: true, resetAt: true },
    });
    const open = attempts.find((t) => !t.submittedAt && !t.resetAt);
    if (open && !student.leftAt) return open.id;
    const refusal = startRefusal({ assignment: a, student, attempts }, now);
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

/** The assignment a learner rates a card for: its items and rules, and whether the learner left; or a 404. */
export async function joinedAssignment(learnerId: string, assignmentId: string) {
  const db = await getDb();
  const student = await db.assignmentStudent.findUnique({
    where: { assignmentId_learnerId: { assignmentId, learnerId } },
    select: {
      leftAt: true,
      assignment: { select: { itemIds: true, mode: true, closedAt: true, dueAt: true, lateWork: true, rosterLockedAt: true } },
    },
  });
  if (!student) throw notFound('That assignment');
  const { assignment } = student;
  return {
    itemIds: JSON.parse(assignment.itemIds) as string[],
    mode: assignment.mode,
    rules: rulesOf(assignment),
    student: { leftAt: student.leftAt },
  };
}

/** What a student's minimal header shows inside an assignment: its title, and their nickname once joined. */
export async function assignmentBanner(
  learner: LearnerRef | null,
  assignmentId: string,
): Promise<{ id: string; title: string; nickname: string | null }> {
  const a = await getAssignment(assignmentId);
  const student = await findStudent(learner, assignmentId);
  return { id: a.id, title: a.title, nickname: student && !student.leftAt ? student.nickname : null };
}

/** What the assignment's reveal policy holds back from its students, in words (see heldBackWording). */
export async function assignmentHeldBackWording(assignmentId: string): Promise<HeldBackWording> {
  const a = await getAssignment(assignmentId);
  return heldBackWording(a.reveal as RevealPolicy, a.dueAt);
}
