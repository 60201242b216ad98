import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../import/draft';
import { readGift } from './read';

// Examples in the shapes Moodle's GIFT documentation gives, one per feature.
const MOODLE_DOC_SAMPLE = String.raw`// question: 1 name: Grant's tomb
$CATEGORY: $course$/top/History/Presidents

::Grant's tomb::Who is buried in Grant's tomb?{~Grant ~Jefferson =no one#Nobody is buried there.}

::Colour::Grant is buried in Grant's tomb.{FALSE####Grant's tomb holds two people.}

// Short answer with several accepted answers
Two plus two equals {=four =4}.

::Multi::What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}

When was Ulysses S. Grant born?{#
   =1822:0      # Correct! Full credit.
   =%50%1822:2  # He was born in 1822. Half credit for being close.
}

What is the value of pi (to 3 decimal places)? {#3.141..3.142}

Match the following countries with their capitals. {
   =Canada -> Ottawa
   =Italy  -> Rome
   =Japan  -> Tokyo
}

::Escapes::Which sign is written \= and \{ \} here\: a \~ b? {=it works ~it does not}

Write a short essay about Grant. {}

// A description between questions
::Intro::The next questions are about presidents.
`;

describe('readGift', () => {
  const read = readGift(MOODLE_DOC_SAMPLE);

  it('reads categories, titles, feedback and every question type Passage has', () => {
    expect(read.title).toBe('Presidents');
    expect(read.items.map((i) => i.type)).toEqual(['single', 'truefalse', 'typed', 'multiple', 'numeric', 'numeric', 'matching', 'single']);
    expect(read.items[0]).toMatchObject({ name: "Grant's tomb", prompt: "Who is buried in Grant's tomb?", answer: 'c' });
    expect(read.items[1]).toMatchObject({ answer: false, explanation: "Grant's tomb holds two people." });
    expect(read.items[2]).toMatchObject({ answer: 'four', accept: ['4'] });
  });

  it('reads percentage weights, tolerances, ranges and escapes', () => {
    expect(read.items[3]).toMatchObject({ type: 'multiple', answer: ['b', 'c'] });
    expect(read.items[4]).toMatchObject({ type: 'numeric', answer: 1822 });
    expect(read.items[4]).not.toHaveProperty('tolerance');
    expect(read.items[5]).toMatchObject({ type: 'numeric', answer: 3.1415, tolerance: 0.0005 });
    expect(read.items[7]).toMatchObject({ prompt: 'Which sign is written = and { } here: a ~ b?' });
  });

  it('reads multi-line questions and reports what Passage cannot take', () => {
    expect(read.items[6]).toMatchObject({
      pairs: [
        { left: 'Canada', right: 'Ottawa' },
        { left: 'Italy', right: 'Rome' },
        { left: 'Japan', right: 'Tokyo' },
      ],
    });
    expect(read.skipped).toEqual([
      'question 9: an essay question has no key Passage could grade',
      'question 10 ("Intro"): a description, not a question',
    ]);
  });

  it('stops a malformed file with the line and column of the problem', () => {
    const broken = 'Who is buried here? {=Grant ~Jefferson}\n\nAn unclosed question {=yes ~no\n';
    expect(() => readGift(broken)).toThrow(ImportFormatError);
    try {
      readGift(broken);
    } catch (error) {
      expect((error as ImportFormatError).line).toBe(4);
      expect((error as ImportFormatError).message).toMatch(/^line 4, column \d+: /);
    }
  });
});
