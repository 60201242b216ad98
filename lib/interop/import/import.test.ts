import { describe, expect, it } from 'vitest';
import { normaliseQuote } from '../../article/grounding';
import { loadContent } from '../../questions/bundle';
import { questionsCsv, readQuestionsCsv } from '../csv/csv';
import { sourceQuotes } from '../portable';
import { shippedBank } from '../test-bank';
import { detectFormat } from './read';
import { GROUNDING_THRESHOLD, groundingIndex } from './grounding';
import { importedSetYaml, UNGROUNDED } from './to-set';
import type { DraftItem } from './draft';

const { article, items } = shippedBank();
const paragraphs = article.article.paragraphs;
const drafts = readQuestionsCsv(questionsCsv(items).text).items;

const overlaps = (a: string, b: string) => {
  const [x, y] = [normaliseQuote(a), normaliseQuote(b)];
  return x.includes(y) || y.includes(x);
};

describe('grounding imported items', () => {
  const ground = groundingIndex(paragraphs);

  it('takes a quote from the feedback unchanged when the article has it verbatim', () => {
    const g = ground(drafts[0]!);
    expect(g).toMatchObject({ grounded: true, how: 'feedback quote', source: sourceQuotes(items[0]!)[0] });
  });

  it('finds the quoted sentence by similarity for most of the shipped bank when the quotes are gone', () => {
    // An item that needs several facts quotes several sentences: finding any of them is right.
    const results = drafts.map((d, i) => ({ g: ground({ ...d, quotes: [] }), truths: sourceQuotes(items[i]!) }));
    const grounded = results.filter((r) => r.g.grounded);
    const right = grounded.filter((r) => r.truths.some((truth) => overlaps(r.g.source, truth)));
    // Measured 2026-11-29 on the 125 shipped items: 123 grounded, 115 of them on the quoted sentence.
    expect(grounded.length / results.length).toBeGreaterThanOrEqual(0.95);
    expect(right.length / grounded.length).toBeGreaterThanOrEqual(0.9);
    for (const r of grounded) expect(r.g.score).toBeGreaterThanOrEqual(GROUNDING_THRESHOLD);
  });

  it('leaves an item the article does not support ungrounded, with candidates', () => {
    const stray: DraftItem = {
      type: 'truefalse',
      prompt: 'Bananas are yellow when ripe.',
      answer: true,
      explanation: 'Fruit.',
      quotes: [],
      name: null,
    };
    const g = ground(stray);
    expect(g.grounded).toBe(false);
    expect(g.candidates.length).toBeGreaterThan(0);
  });
});

describe('importedSetYaml', () => {
  const stray: DraftItem = {
    type: 'truefalse',
    prompt: 'Bananas are yellow when ripe.',
    answer: true,
    explanation: '',
    quotes: [],
    name: null,
  };
  const read = { title: 'Imported', items: [...drafts.slice(0, 5), stray], skipped: [] };
  const options = {
    setId: 'imported',
    title: null,
    description: 'Imported for a test.',
    paragraphs,
    takenIds: new Set(items.map((i) => i.id)),
  };

  it('writes the hand-written schema: grounded items load, and the check names the ungrounded one and the missing explanation', () => {
    const { yaml, items: report } = importedSetYaml(read, options);
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/set\.schema\.json/);
    expect(yaml).toContain(`source: "${UNGROUNDED}`);
    const ungrounded = report.find((r) => !r.grounding.grounded)!;
    const withoutStray = importedSetYaml({ ...read, items: drafts.slice(0, 5) }, options).yaml;
    const folder = (text: string) => [
      { slug: 'kuril-talks', article: { file: 'article.md', text: article.markdown }, sets: [{ file: 'imported.yaml', text }] },
    ];
    const clean = loadContent(folder(withoutStray));
    expect(clean.problems).toEqual([]);
    expect(clean.articles[0]!.sets[0]!.items).toHaveLength(5);

    const broken = loadContent(folder(yaml));
    expect(broken.problems.map((p) => p.where)).toContain(`items[5] (${ungrounded.id})`);
    const fixedExplanation = yaml.replace('explanation: ""', 'explanation: Written by the author.');
    const problems = loadContent(folder(fixedExplanation)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      where: `items[5] (${ungrounded.id})`,
      message: expect.stringContaining('source is not a verbatim quote'),
    });
  });

  it('gives stable new ids that avoid the ids already in the bank', () => {
    const first = importedSetYaml(read, options).items.map((r) => r.id);
    const second = importedSetYaml(read, options).items.map((r) => r.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) expect(id).toMatch(/^imported-[0-9a-f]{6}(-\d+)?$/);
    const taken = importedSetYaml(read, { ...options, takenIds: new Set([first[0]!]) }).items[0]!.id;
    expect(taken).toBe(`${first[0]}-2`);
  });
});

describe('detectFormat', () => {
  it('goes by the extension, then by the content', () => {
    expect(detectFormat('q.gift', '')).toBe('gift');
    expect(detectFormat('q.xml', '')).toBe('moodle');
    expect(detectFormat('q.csv', '')).toBe('csv');
    expect(detectFormat('q.txt', 'What?\nA. x\nB. y\nANSWER: A\n')).toBe('aiken');
    expect(detectFormat('q.txt', '::t:: What? {=x ~y}')).toBe('gift');
    expect(detectFormat('q.txt', '<?xml version="1.0"?><quiz/>')).toBe('moodle');
    expect(detectFormat('q.txt', 'just words')).toBeNull();
  });
});
