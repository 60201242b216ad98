import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssignment } from './assignments';
import type { TeacherRef } from './auth';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { ANONYMOUS_LEARNER } from './learners';
import { exportableItemsForLearner, learnerFlashcards, teacherAssignmentExport, teacherSetExport } from './interop';
import { quizAssignment } from './test-assignments';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let owner: TeacherRef;
let other: TeacherRef;
const ORIGIN = 'http://passage.test';

async function teacher(name: string): Promise<TeacherRef> {
  const db = await getDb();
  const user = await db.user.create({ data: { id: `user-${name}`, name, email: `${name}@school.test` } });
  return { id: user.id, name: user.name, email: user.email };
}

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  owner = await teacher('owner');
  other = await teacher('other');
});
afterEach(() => cleanup());

const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : strFromU8(body));

describe('interop exports', () => {
  it('gives learners every live item of the chosen set, or of all sets, as Anki and Quizlet files', async () => {
    const sets = await exportableItemsForLearner(ANONYMOUS_LEARNER);
    expect(sets.map((s) => s.id).sort()).toEqual(['argument', 'key-facts', 'people', 'timeline']);
    const timeline = await learnerFlashcards(ANONYMOUS_LEARNER, { format: 'quizlet', setId: 'timeline', origin: ORIGIN });
    expect(text(timeline.body).trimEnd().split('\n')).toHaveLength(sets.find((s) => s.id === 'timeline')!.items.length);
    const apkg = await learnerFlashcards(ANONYMOUS_LEARNER, { format: 'anki', origin: ORIGIN });
    expect(Object.keys(unzipSync(apkg.body as Uint8Array))).toContain('collection.anki2');
    await expect(learnerFlashcards(ANONYMOUS_LEARNER, { format: 'anki', setId: 'no-such-set', origin: ORIGIN })).rejects.toMatchObject({
      status: 404,
    });
    await expect(learnerFlashcards(ANONYMOUS_LEARNER, { format: 'anki', setId: 'Bad Id!', origin: ORIGIN })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('exports a set for a teacher only, with the chosen items in set order and links to the reader', async () => {
    const file = teacherSetExport(owner, { format: 'gift', setId: 'timeline', chosen: ['tl-006', 'tl-001'], origin: ORIGIN });
    const gift = text((await file).body);
    expect(gift.match(/^::/gm)).toHaveLength(2);
    expect(gift.indexOf('::tl-001::')).toBeLessThan(gift.indexOf('::tl-006::'));
    expect(gift).toContain('http\\://passage.test/articles/kuril-talks?item\\=tl-001');
    await expect(teacherSetExport(owner, { format: 'gift', setId: 'timeline', chosen: ['kf-001'], origin: ORIGIN })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('item.0'),
    });
  });

  it('exports an assignment’s items for its teacher; another teacher gets a 404', async () => {
    const { id } = await createAssignment(owner, quizAssignment());
    const csv = await teacherAssignmentExport(owner, { format: 'csv', assignmentId: id, origin: ORIGIN });
    expect(csv.filename).toBe('timeline-check-questions.csv');
    expect(text(csv.body).trim().split('\r\n')).toHaveLength(3);
    const refused = teacherAssignmentExport(other, { format: 'csv', assignmentId: id, origin: ORIGIN });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ status: 404 });
  });

  it('holds back what a Secure assignment withholds from self-study, from learners and from every other teacher alike', async () => {
    const { id } = await createAssignment(owner, quizAssignment({ title: 'Secure timeline', reveal: 'never', security: 'secure' }));
    const [timeline] = await exportableItemsForLearner(ANONYMOUS_LEARNER, ['timeline']);
    expect(timeline!.items.map((i) => i.id)).not.toContain('tl-001');
    expect(timeline!.items.map((i) => i.id)).not.toContain('tl-002');
    const quizlet = text((await learnerFlashcards(ANONYMOUS_LEARNER, { format: 'quizlet', setId: 'timeline', origin: ORIGIN })).body);
    expect(quizlet.trimEnd().split('\n')).toHaveLength(timeline!.items.length);
    const gift = text((await teacherSetExport(other, { format: 'gift', setId: 'timeline', chosen: [], origin: ORIGIN })).body);
    expect(gift).not.toContain('::tl-001::');
    await expect(teacherSetExport(other, { format: 'gift', setId: 'timeline', chosen: ['tl-001'], origin: ORIGIN })).rejects.toMatchObject({
      status: 400,
    });
    const own = text((await teacherAssignmentExport(owner, { format: 'csv', assignmentId: id, origin: ORIGIN })).body);
    expect(own.trim().split('\r\n')).toHaveLength(3);
  });
});
