// Seeds a finished class straight into SQLite (better-sqlite3, one transaction): learners joined
// to an assignment, each with a submitted attempt answering every question. Responses are real
// answers to the presented question, graded by the app's own grader, so reports describe them.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '@/lib/classroom/codes';
import { gradeResponse } from '@/lib/grading/grade';
import { parseResponseFor } from '@/lib/grading/response';
import type { Item } from '@/lib/questions/schema';
import { presentItem } from '@/lib/quiz/present';
import { isoDb, responseFor } from './support';

const randomId = () => randomBytes(16).toString('base64url');

interface Column {
  name: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  type: string;
}

/** A prepared INSERT of `keys`; throws when the table has a required column the seed does not fill. */
function inserter(db: Database.Database, table: string, keys: string[]) {
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
  if (columns.length === 0) throw new Error(`table ${table} does not exist`);
  const rowid = (c: Column) => c.pk === 1 && /^INTEGER$/i.test(c.type) && columns.filter((x) => x.pk > 0).length === 1;
  const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !rowid(c) && !keys.includes(c.name));
  if (missing.length)
    throw new Error(`the reliability seed does not fill ${table}.${missing.map((c) => c.name).join(', ')}; update reliability/seed.ts`);
  return db.prepare(`INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`);
}

/** The n-th 6-character personal code (distinct for distinct n < 31^6). */
function personalCode(n: number): string {
  let code = '';
  for (let i = 0, rest = n; i < 6; i++, rest = Math.floor(rest / JOIN_CODE_ALPHABET.length))
    code += JOIN_CODE_ALPHABET[rest % JOIN_CODE_ALPHABET.length];
  return code;
}

export interface SeededClass {
  students: number;
  responses: number;
  scoreSum: number;
  seconds: number;
}

export function seedFinishedClass(
  file: string,
  options: { assignmentId: string; setId: string; itemIds: string[]; keys: ReadonlyMap<string, Item>; students: number; nowMs?: number },
): SeededClass {
  const started = Date.now();
  const now = options.nowMs ?? Date.now();
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  try {
    const addLearner = inserter(db, 'Learner', ['id', 'createdAt', 'updatedAt']);
    const addStudent = inserter(db, 'AssignmentStudent', [
      'id',
      'assignmentId',
      'learnerId',
      'nickname',
      'nicknameKey',
      'personalCode',
      'joinedAt',
    ]);
    const addAttempt = inserter(db, 'QuizAttempt', [
      'id',
      'learnerId',
      'setId',
      'itemIds',
      'seed',
      'startedAt',
      'submittedAt',
      'score',
      'maxScore',
      'assignmentId',
      'studentId',
      'late',
    ]);
    const addResponse = inserter(db, 'QuizResponse', [
      'attemptId',
      'answerId',
      'questionId',
      'round',
      'response',
      'score',
      'correct',
      'answeredAt',
      'durationMs',
    ]);
    let responses = 0;
    let scoreSum = 0;
    db.transaction(() => {
      for (let i = 0; i < options.students; i++) {
        const learnerId = randomId();
        const studentId = randomId();
        const attemptId = randomId();
        const seed = randomId();
        const joined = now - 3_600_000 + i;
        addLearner.run({ id: learnerId, createdAt: isoDb(joined), updatedAt: isoDb(joined) });
        addStudent.run({
          id: studentId,
          assignmentId: options.assignmentId,
          learnerId,
          nickname: `Pupil ${i}`,
          nicknameKey: `pupil ${i}`,
          personalCode: personalCode(i + 1),
          joinedAt: isoDb(joined),
        });
        let score = 0;
        const rows = options.itemIds.map((itemId, q) => {
          const item = options.keys.get(itemId)!;
          const parsed = parseResponseFor(item, responseFor(item, presentItem(item, seed), (i + q) % 3 !== 0), seed);
          if (!parsed.ok) throw new Error(`seed response for ${itemId} is malformed: ${parsed.message}`);
          const grade = gradeResponse(item, parsed.response, seed);
          score += grade.score;
          return {
            attemptId,
            answerId: `seed-${q}`,
            questionId: itemId,
            round: 1,
            response: JSON.stringify(parsed.response),
            score: grade.score,
            correct: grade.correct ? 1 : 0,
            answeredAt: isoDb(joined + 60_000 + q * 10_000),
            durationMs: 9000,
          };
        });
        score = Math.round(score * 10_000) / 10_000;
        addAttempt.run({
          id: attemptId,
          learnerId,
          setId: options.setId,
          itemIds: JSON.stringify(options.itemIds),
          seed,
          startedAt: isoDb(joined + 30_000),
          submittedAt: isoDb(joined + 600_000),
          score,
          maxScore: options.itemIds.length,
          assignmentId: options.assignmentId,
          studentId,
          late: 0,
        });
        for (const row of rows) addResponse.run(row);
        responses += rows.length;
        scoreSum += score;
      }
    })();
    db.pragma('wal_checkpoint(PASSIVE)');
    return { students: options.students, responses, scoreSum, seconds: (Date.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
