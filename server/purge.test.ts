import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeacherRef } from './auth';
import { createAssignment } from './assignments';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { createLearner } from './learners';
import { inactiveDays, purgeInactiveLearners } from './purge';
import { startAttempt } from './quizzes';
import { joinAssignment, startAssignmentAttempt } from './students';
import { quizAssignment } from './test-assignments';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
});
afterEach(() => cleanup());

const DAY = 86_400_000;

describe('purging inactive anonymous learners', () => {
  it('deletes learners inactive for the period, keeps recent ones and anyone with work in a teacher’s assignment', async () => {
    const db = await getDb();
    const idle = (await createLearner()).learner;
    const busy = (await createLearner()).learner;
    const student = (await createLearner()).learner;
    await startAttempt(busy, { setId: 'timeline' });
    const user = await db.user.create({ data: { id: 'user-t', name: 'T', email: 't@school.test' } });
    const teacher: TeacherRef = { id: user.id, name: user.name, email: user.email };
    const { id } = await createAssignment(teacher, quizAssignment({ title: 'Kept', itemIds: ['tl-001'], timeZone: 'UTC' }));
    await joinAssignment(student, id, 'Sam');
    await startAssignmentAttempt(student, id);

    // Now: everyone was active moments ago.
    expect(await purgeInactiveLearners(180)).toBe(0);
    // 200 days on, with no activity since: the idle learner and the self-study one go; the student stays.
    expect(await purgeInactiveLearners(180, new Date(Date.now() + 200 * DAY))).toBe(2);
    const left = (await db.learner.findMany({ select: { id: true } })).map((l) => l.id);
    expect(left).toEqual([student.id]);
    expect(left).not.toContain(idle.id);
  });

  it('reads the period from PASSAGE_PURGE_INACTIVE_DAYS: 180 by default, off, or a refusal naming the variable', () => {
    expect(inactiveDays({} as NodeJS.ProcessEnv)).toBe(180);
    expect(inactiveDays({ PASSAGE_PURGE_INACTIVE_DAYS: '30' } as unknown as NodeJS.ProcessEnv)).toBe(30);
    expect(inactiveDays({ PASSAGE_PURGE_INACTIVE_DAYS: 'off' } as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect(() => inactiveDays({ PASSAGE_PURGE_INACTIVE_DAYS: '-3' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /PASSAGE_PURGE_INACTIVE_DAYS/,
    );
  });
});
