import { describe, expect, it } from 'vitest';
import { FIXTURE_SET } from './fixtures';
import { parseSetFile } from './parse-set';
import { formatProblem } from './problems';

const FILE = 'questions/kuril-talks/timeline.yaml';

function problems(text: string): string[] {
  const parsed = parseSetFile(FILE, text);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

describe('parseSetFile', () => {
  it('accepts a valid set', () => {
    const parsed = parseSetFile(FILE, FIXTURE_SET);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.set.items.map((i) => i.id)).toEqual(['fx-001', 'fx-002', 'fx-003']);
  });

  it('names the file, the item and the option list when a key is not an option', () => {
    expect(problems(FIXTURE_SET.replace('    answer: a\n', '    answer: d\n'))).toEqual([
      `${FILE}: items[0] (fx-001): answer "d" is not one of the options a, b, c`,
    ]);
  });

  it('explains a wrong type in plain words', () => {
    expect(problems(FIXTURE_SET.replace('    answer: 27\n', '    answer: twenty-seven\n'))).toEqual([
      `${FILE}: items[1] (fx-002): answer must be a number, not the text "twenty-seven"`,
    ]);
  });

  it('reports a missing field and an unknown one', () => {
    const text = FIXTURE_SET.replace('    unit: meetings\n', '    units: meetings\n').replace(
      '    explanation: The article counts 27 meetings.\n',
      '',
    );
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        `${FILE}: items[1] (fx-002): explanation is missing`,
        `${FILE}: items[1] (fx-002): has unknown field "units"`,
      ]),
    );
  });

  it('lists the allowed types for an unknown type', () => {
    expect(problems(FIXTURE_SET.replace('    type: numeric\n', '    type: essay\n'))[0]).toBe(
      `${FILE}: items[1] (fx-002): type must be one of single, multiple, truefalse, typed, numeric, ordering, matching, card`,
    );
  });

  it('reports a YAML syntax error without throwing', () => {
    expect(problems('id: x\nitems: [unclosed\n')[0]).toMatch(/^questions\/kuril-talks\/timeline\.yaml: is not valid YAML: /);
  });

  it('refuses duplicate option ids and a cloze with two gaps', () => {
    const text = FIXTURE_SET.replace('      - id: b\n', '      - id: a\n').replace('an ____ economic', 'an ____ ____ economic');
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        `${FILE}: items[0] (fx-001): options[1].id repeats the id "a"; ids within options must be unique`,
        `${FILE}: items[2] (fx-003): prompt has 2 gaps "____"; a cloze prompt has exactly one`,
      ]),
    );
  });

  it('takes a source as one quote or a list of quotes, never an empty list', () => {
    const listed = FIXTURE_SET.replace('    source: Abe met Putin 27 times\n', '    source: [Abe met Putin 27 times, The islands were seized]\n');
    const parsed = parseSetFile(FILE, listed);
    expect(parsed.ok && parsed.set.items[1]!.source).toEqual(['Abe met Putin 27 times', 'The islands were seized']);
    expect(problems(FIXTURE_SET.replace('    source: Abe met Putin 27 times\n', '    source: []\n'))[0]).toMatch(/^.*items\[1\] \(fx-002\): source/);
  });

  it('takes a reviewed giveaway exception on typed and numeric items only, with items and a reason', () => {
    const reviewed = FIXTURE_SET.replace('    unit: meetings\n', '    unit: meetings\n    giveawayReviewed: { items: [fx-001], reason: It is fair. }\n');
    expect(problems(reviewed)).toEqual([]);
    expect(problems(reviewed.replace('reason: It is fair. ', ''))).toEqual([`${FILE}: items[1] (fx-002): giveawayReviewed.reason is missing`]);
    const onSingle = FIXTURE_SET.replace('    answer: a\n', '    answer: a\n    giveawayReviewed: { items: [fx-002], reason: No. }\n');
    expect(problems(onSingle)).toEqual([`${FILE}: items[0] (fx-001): has unknown field "giveawayReviewed"`]);
  });
});
