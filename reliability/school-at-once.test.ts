// A whole school at once: 200 students join one assignment by its code and each answers 20
// questions, all at the same time (32 requests in flight). Nothing may fail, every acknowledged
// answer is stored exactly once with its review, and the teacher's report adds up.
import { describe, expect, it } from 'vitest';
import { assignmentReport } from '@/server/reports';
import { checkReviewConsistency, checkRun } from './checks';
import { setUpQuizClassroom } from './classroom-fixture';
import { newStats, runStudent, type StudentResult } from './students';
import { mapLimit } from '@/lib/collections/map-limit';
import { elapsedSeconds, integrityCheck } from './support';

const STUDENTS = 200;
const QUESTIONS = 20;
const IN_FLIGHT = 32;

const classroom = setUpQuizClassroom('school', 'Whole school', QUESTIONS);

describe('a whole school at once', () => {
  it(`${STUDENTS} students × ${QUESTIONS} answers: no failures, every answer stored once, the report adds up`, async () => {
    const stats = newStats();
    const ctx = { url: classroom.server.url, stats };
    const started = Date.now();
    const results: StudentResult[] = await mapLimit(
      Array.from({ length: STUDENTS }, (_, i) => i),
      IN_FLIGHT,
      (index) => runStudent(ctx, { index, code: classroom.assignment.code, keys: classroom.keys, tag: 'school' }),
    );
    const seconds = (Date.now() - started) / 1000;
    const answers = results.reduce((n, s) => n + s.answers.filter((a) => a.acks.length > 0).length, 0);
    console.log(
      `[school-at-once] ${STUDENTS} students, ${answers} answers acknowledged in ${elapsedSeconds(started)} s: ` +
        `${(answers / seconds).toFixed(1)} answers/s, ${(stats.requests / seconds).toFixed(1)} requests/s ` +
        `(${stats.requests} requests, statuses ${JSON.stringify(stats.byStatus)}, ${stats.networkErrors} network errors)`,
    );

    // No 5xx, no network error, no refusal: every student got through every step.
    expect(stats.serverErrors).toEqual([]);
    expect(stats.networkErrors).toBe(0);
    expect(stats.clientErrors).toEqual([]);
    expect(results.filter((s) => s.failure).map((s) => `${s.nickname}: ${s.failure}`)).toEqual([]);
    expect(results.flatMap((s) => s.answers.filter((a) => a.error).map((a) => `${s.nickname} ${a.answerId}: ${a.error}`))).toEqual([]);
    expect(answers).toBe(STUDENTS * QUESTIONS);

    // Stored exactly once, as acknowledged, each with its review log; scores add up.
    const { problems, summary } = checkRun(classroom.database.file, results);
    expect(problems).toEqual([]);
    expect(summary.storedResponses).toBe(STUDENTS * QUESTIONS);
    expect(summary.acknowledgedAnswers).toBe(STUDENTS * QUESTIONS);
    for (const s of results) expect(new Set(s.answers.map((a) => a.answerId)).size).toBe(QUESTIONS);
    expect(checkReviewConsistency(classroom.database.file)).toEqual([]);
    expect(integrityCheck(classroom.database.file)).toBe('ok');

    // The right/wrong mix is what the students meant to send.
    const meantRight = results.reduce((n, s) => n + s.answers.filter((a) => a.right).length, 0);
    const toldRight = results.reduce((n, s) => n + s.answers.filter((a) => a.acks[0]?.correct === true).length, 0);
    expect(toldRight).toBe(meantRight);

    // The teacher's report: every student, all finished, scores summing to the database's.
    const report = await assignmentReport(classroom.teacher, classroom.assignment.id);
    expect(report.students).toHaveLength(STUDENTS);
    expect(report.students.filter((s) => s.status !== 'finished').map((s) => `${s.nickname}: ${s.status}`)).toEqual([]);
    expect(new Set(report.students.map((s) => s.nickname)).size).toBe(STUDENTS);
    const reportSum = report.students.reduce((sum, s) => sum + (s.score ?? 0), 0);
    // The report rounds each student's score to 2 decimals; the database keeps 4.
    const expected = results.reduce((sum, s) => sum + Math.round((s.submit?.score ?? NaN) * 100) / 100, 0);
    expect(reportSum).toBeCloseTo(expected, 6);
    expect(Math.abs(reportSum - summary.sumOfScores)).toBeLessThanOrEqual(STUDENTS * 0.005);
    console.log(
      `[school-at-once] report: ${report.students.length} students finished, scores sum to ${reportSum.toFixed(2)} (database ${summary.sumOfScores})`,
    );
  }, 300_000);
});
