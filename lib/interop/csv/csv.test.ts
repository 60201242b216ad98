import { describe, expect, it } from 'vitest';
import { questionsCsv, readQuestionsCsv } from './csv';
import { TRUE_FALSE } from '../../quiz/fixtures';

describe('questions CSV', () => {
  it('keeps text that starts like a formula, guarded with an apostrophe on the way out', () => {
    const item = { ...TRUE_FALSE, prompt: '=2+2 is four' };
    const { text } = questionsCsv([item]);
    expect(text).toContain(`"'=2+2 is four"`);
    expect(readQuestionsCsv(text).items[0]).toMatchObject({ prompt: '=2+2 is four' });
  });

  it('names the row and the column of a bad cell', () => {
    expect(() => readQuestionsCsv('type,prompt,answer\nessay,Why?,Because\n')).toThrow(
      /^line 2, column 1: row 2: type must be one of single, /,
    );
    expect(() => readQuestionsCsv('type,prompt,options,answer\nsingle,Which?,"a\nb",c\n')).toThrow(
      /row 2: answer "c" is not one of the options/,
    );
    expect(() => readQuestionsCsv('type,prompt,answer,tolerance\nnumeric,How many?,4,lots\n')).toThrow(/row 2: tolerance must be a number/);
  });
});
