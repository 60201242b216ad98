// npm run questions:import -- <file> --article <slug> --set <id> [--format gift|moodle|aiken|csv] [--title "…"] [--force]
// Reads GIFT, Moodle XML, Aiken or CSV and writes questions/<slug>/<set>.yaml in the hand-written
// schema, grounding each item's source in the article (see lib/interop/import/grounding.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ImportFormatError } from '@/lib/interop/import/draft';
import { detectFormat, IMPORT_FORMATS, readQuestions } from '@/lib/interop/import/read';
import { importedSetYaml } from '@/lib/interop/import/to-set';
import { loadContent } from '@/lib/questions/bundle';
import { formatProblem } from '@/lib/questions/problems';
import { idSchema } from '@/lib/questions/schema';
import { questionsDir } from '@/server/config';
import { readContent } from '@/server/content-files';

const USAGE =
  'Usage: npm run questions:import -- <file> --article <slug> --set <id> [--format gift|moodle|aiken|csv] [--title "Set title"] [--force]';

const flagsSchema = z.strictObject({
  file: z.string({ error: 'is required: the file to import' }).min(1),
  article: idSchema.describe('article'),
  set: idSchema,
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` }).optional(),
  title: z.string().trim().min(1, { error: 'must not be empty' }).max(120, { error: 'must be at most 120 characters' }).optional(),
  force: z.boolean().optional(),
});

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

function parseFlags() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        article: { type: 'string' },
        set: { type: 'string' },
        format: { type: 'string' },
        title: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (parsed.positionals.length > 1) fail(`expected one file, got ${parsed.positionals.length}: ${parsed.positionals.join(', ')}`);
  const { help: _help, ...values } = parsed.values;
  const result = flagsSchema.safeParse({ file: parsed.positionals[0], ...values });
  if (!result.success) {
    const issue = result.error.issues[0];
    const flag = issue?.path[0] === 'file' ? '<file>' : `--${String(issue?.path[0] ?? '')}`;
    fail(`${flag} ${issue?.message ?? 'is not valid'}`);
  }
  return result.data;
}

function main() {
  const flags = parseFlags();
  if (!fs.existsSync(flags.file)) fail(`<file> ${flags.file} does not exist`);
  const text = fs.readFileSync(flags.file, 'utf8');
  const format = flags.format ?? detectFormat(flags.file, text);
  if (!format) fail(`cannot tell the format of ${flags.file}; name it with --format`);

  const bundle = readContent(questionsDir());
  const article = bundle.articles.find((a) => a.slug === flags.article);
  if (!article) fail(`--article "${flags.article}" is not a folder of ${questionsDir()} with a valid article.md`);
  const setIds = new Set(article.sets.map((s) => s.id));
  const target = path.join(questionsDir(), flags.article, `${flags.set}.yaml`);
  if ((setIds.has(flags.set) || fs.existsSync(target)) && !flags.force)
    fail(`--set "${flags.set}" already exists (${target}); choose another id or pass --force to replace the file`);

  let read;
  try {
    read = readQuestions(format, text);
  } catch (error) {
    if (error instanceof ImportFormatError) {
      console.error(`✗ ${flags.file}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (read.items.length === 0) {
    console.error(
      `✗ ${flags.file}: no question Passage can take${read.skipped.length ? `; skipped:\n  ${read.skipped.join('\n  ')}` : ''}`,
    );
    process.exit(1);
  }
  const takenIds = new Set(
    bundle.articles.flatMap((a) => a.sets.filter((s) => s.id !== flags.set).flatMap((s) => s.items.map((g) => g.item.id))),
  );
  const { yaml, items } = importedSetYaml(read, {
    setId: flags.set,
    title: flags.title ?? read.title,
    description: `Imported from ${path.basename(flags.file)} (${format}).`,
    paragraphs: article.article.paragraphs,
    takenIds,
  });
  fs.writeFileSync(target, yaml);

  // The same checks questions:check runs (schema, writing rules, grounding), on the new file alone.
  const articleFile = path.join(questionsDir(), flags.article, 'article.md');
  const problems = loadContent([
    { slug: flags.article, article: { file: articleFile, text: article.markdown }, sets: [{ file: target, text: yaml }] },
  ]).problems;
  const ungrounded = items.filter((i) => !i.grounding.grounded);
  const noExplanation = items.filter((i) => i.missingExplanation);
  console.log(`Wrote ${items.length} item${items.length === 1 ? '' : 's'} to ${target} (${format}).`);
  for (const line of read.skipped) console.log(`  skipped ${line}`);
  for (const i of ungrounded)
    console.log(`  ✗ ${i.id} (${i.type}) is UNGROUNDED: no sentence matched well enough (best ${i.grounding.score})`);
  for (const i of noExplanation) console.log(`  ✗ ${i.id} (${i.type}) has no explanation`);
  const others = problems.filter((p) => !/source is not a verbatim quote|explanation must not be empty/.test(p.message));
  for (const problem of others) console.log(`  ✗ ${formatProblem(problem)}`);
  if (ungrounded.length || noExplanation.length || others.length) {
    console.log(
      'Edit the file, then run `npm run questions:check`: it names these items until they are fixed, and the server will not load the set before.',
    );
  } else {
    console.log('Run `npm run questions:check`, read the sources found by similarity (marked in comments), then restart.');
  }
}

main();
