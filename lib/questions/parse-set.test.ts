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
});
