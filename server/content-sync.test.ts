import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent, type ArticleFolder } from '@/lib/questions/bundle';
import { FIXTURE_ARTICLE, FIXTURE_SET } from '@/lib/questions/fixtures';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { ContentError, syncContent } from './content-sync';
import { getDb } from './db';
import { listSets } from './sets';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
});
afterEach(() => cleanup());

function folder(setText = FIXTURE_SET): ArticleFolder {
  return {
    slug: 'test-article',
    article: { file: 'questions/test-article/article.md', text: FIXTURE_ARTICLE },
    sets: [{ file: 'questions/test-article/fixture.yaml', text: setText }],
  };
}

async function snapshot() {
  const db = await getDb();
  return {
    articles: await db.article.findMany({ orderBy: { slug: 'asc' } }),
    sets: await db.questionSet.findMany({ orderBy: { id: 'asc' } }),
    questions: await db.question.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('syncContent', () => {
  it('creates the article, set and items, grounded to their paragraphs', async () => {
    const report = await syncContent(await getDb(), loadContent([folder()]));
    expect(report.items).toEqual({ created: 3, updated: 0, retired: 0, unchanged: 0 });
    const { questions } = await snapshot();
    expect(questions.map((q) => [q.id, q.type, q.paragraph, q.position])).toEqual([
      ['fx-001', 'single', 1, 0],
      ['fx-002', 'numeric', 3, 1],
      ['fx-003', 'typed', 3, 2],
    ]);
    expect(JSON.parse(questions[0]!.data)).toMatchObject({ id: 'fx-001', answer: 'a' });
  });

  it('changes nothing when run twice', async () => {
    const db = await getDb();
    await syncContent(db, loadContent([folder()]));
    const before = await snapshot();
    const report = await syncContent(db, loadContent([folder()]));
    expect(report.items).toEqual({ created: 0, updated: 0, retired: 0, unchanged: 3 });
    expect(report.sets).toEqual({ created: 0, updated: 0, retired: 0, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates an edited item in place, keeping its id and the others untouched', async () => {
    const db = await getDb();
    await syncContent(db, loadContent([folder()]));
    const before = await snapshot();
    const edited = FIXTURE_SET.replace('How many times did Abe meet Putin?', 'How many times did Abe meet Putin in all?');
    const report = await syncContent(db, loadContent([folder(edited)]));
    expect(report.items).toEqual({ created: 0, updated: 1, retired: 0, unchanged: 2 });
    const after = await snapshot();
    expect(after.questions.map((q) => q.id)).toEqual(before.questions.map((q) => q.id));
    expect(JSON.parse(after.questions[1]!.data).prompt).toBe('How many times did Abe meet Putin in all?');
    expect(after.questions[0]).toEqual(before.questions[0]);
    expect(after.questions[1]!.createdAt).toEqual(before.questions[1]!.createdAt);
  });

  it('retires a removed item instead of deleting it, and stops listing it', async () => {
    const db = await getDb();
    await syncContent(db, loadContent([folder()]));
    const withoutThird = FIXTURE_SET.slice(0, FIXTURE_SET.indexOf('  - id: fx-003'));
    const report = await syncContent(db, loadContent([folder(withoutThird)]));
    expect(report.items).toEqual({ created: 0, updated: 0, retired: 1, unchanged: 2 });
    const retired = await db.question.findUniqueOrThrow({ where: { id: 'fx-003' } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect((await listSets())[0]?.itemCount).toBe(2);

    const restored = await syncContent(db, loadContent([folder()]));
    expect(restored.items).toMatchObject({ updated: 1, retired: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { id: 'fx-003' } })).retiredAt).toBeNull();
  });

  it('refuses bad content with every problem named, and changes nothing', async () => {
    const db = await getDb();
    await syncContent(db, loadContent([folder()]));
    const before = await snapshot();
    const bad = FIXTURE_SET.replace('Abe met Putin 27 times', 'Abe met Putin twenty-seven times').replace(
      '    answer: a\n',
      '    answer: z\n',
    );
    const error = await syncContent(db, loadContent([folder(bad)])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    // A file that fails the schema is reported as such; grounding is checked once it parses.
    expect((error as ContentError).problems).toEqual([
      'questions/test-article/fixture.yaml: items[0] (fx-001): answer "z" is not one of the options a, b, c',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('names an ungrounded source', () => {
    const bad = FIXTURE_SET.replace('source: Abe met Putin 27 times', 'source: Abe met Putin twenty-seven times');
    expect(loadContent([folder(bad)]).problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'items[1] (fx-002): source is not a verbatim quote from a single paragraph of questions/test-article/article.md: "Abe met Putin twenty-seven times"',
    ]);
  });

  it('grounds every quote of a multi-quote source, keeps the first paragraph as the item’s, and names a bad quote by its index', async () => {
    const several = FIXTURE_SET.replace(
      '    source: Abe met Putin 27 times\n',
      '    source:\n      - Abe met Putin 27 times\n      - The islands were seized in August 1945\n',
    );
    const bundle = loadContent([folder(several)]);
    expect(bundle.problems).toEqual([]);
    expect(bundle.articles[0]!.sets[0]!.items[1]).toMatchObject({ paragraph: 3, paragraphs: [3, 1] });
    await syncContent(await getDb(), bundle);
    const { questions } = await snapshot();
    expect(questions.find((q) => q.id === 'fx-002')!.paragraph).toBe(3);

    const bad = several.replace('      - The islands were seized in August 1945', '      - The islands were seized in May 1956');
    expect(loadContent([folder(bad)]).problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'items[1] (fx-002): source[1] is not a verbatim quote from a single paragraph of questions/test-article/article.md: "The islands were seized in May 1956"',
    ]);
  });

  it('syncs the real question bank without a problem', async () => {
    const bundle = readContent(questionsDir());
    expect(bundle.problems).toEqual([]);
    const report = await syncContent(await getDb(), bundle);
    expect(report.items.created).toBeGreaterThanOrEqual(100);
  });
});
