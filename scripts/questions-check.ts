// npm run questions:check — validates every question file, the grounding of every source in its
// article, the item-writing rules, the within-set giveaway rule, the balance of key positions and
// the article's coverage; prints counts and the key-position distribution; exits 1 on any problem.
import { z } from 'zod';
import { questionsDir } from '@/server/config';
import { readContent } from '@/server/content-files';
import { coverage } from '@/lib/questions/coverage';
import { formatKeyPositions, keyPositions } from '@/lib/questions/key-positions';
import { formatProblem } from '@/lib/questions/problems';
import { ITEM_TYPES } from '@/lib/questions/schema';

const args = z.array(z.enum(['--quiet', '--help'])).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(`Unknown option. Usage: npm run questions:check [-- --quiet]`);
  process.exit(2);
}
if (args.data.includes('--help')) {
  console.log('Usage: npm run questions:check [-- --quiet]\nChecks every file under questions/ (or PASSAGE_QUESTIONS_DIR).');
  process.exit(0);
}
const quiet = args.data.includes('--quiet');

const root = questionsDir();
const bundle = readContent(root);
let failed = bundle.problems.length > 0;
for (const problem of bundle.problems) console.error(`✗ ${formatProblem(problem)}`);

for (const { slug, article, sets } of bundle.articles) {
  console.log(`\n${slug}: ${article.title}`);
  const table = sets.map((set) => {
    const counts = Object.fromEntries(ITEM_TYPES.map((type) => [type, set.items.filter((g) => g.item.type === type).length]));
    return { set: set.id, total: set.items.length, ...counts };
  });
  const totals = Object.fromEntries(
    ['total', ...ITEM_TYPES].map((key) => [key, table.reduce((sum, row) => sum + Number(row[key as keyof typeof row]), 0)]),
  );
  if (!quiet) console.table([...table, { set: 'all', ...totals }]);
  console.log('Key positions (keys at each authored option position / expected under balanced authoring):');
  for (const report of keyPositions(sets.flatMap((set) => set.items.map((g) => g.item)))) console.log(`  ${formatKeyPositions(report)}`);

  const report = coverage(
    article.paragraphs,
    sets.flatMap((set) => set.items.map((g) => ({ id: g.item.id, paragraphs: g.paragraphs }))),
  );
  console.log(`Coverage: ${report.coveredClaimCount}/${report.claimCount} claim paragraphs have at least one item.`);
  if (!quiet) {
    for (const row of report.paragraphs) {
      const label = row.paragraph.exemptReason
        ? `exempt (${row.paragraph.exemptReason})`
        : `${row.itemIds.length} item${row.itemIds.length === 1 ? '' : 's'}`;
      console.log(`  p-${String(row.paragraph.n).padEnd(3)} ${label.padEnd(22)} ${row.paragraph.text.slice(0, 60)}…`);
    }
  }
  for (const paragraph of report.uncovered) {
    failed = true;
    console.error(`✗ ${slug}/article.md: paragraph ${paragraph.n} states a claim but no item quotes it: "${paragraph.text.slice(0, 70)}…"`);
  }
}
if (bundle.articles.length === 0) {
  failed = true;
  console.error(`✗ no article folders found under ${root}`);
}
console.log(failed ? '\nquestions:check failed.' : '\nquestions:check passed.');
process.exit(failed ? 1 : 0);
