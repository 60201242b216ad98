import { describe, expect, it } from 'vitest';
import { readAiken } from './aiken';

describe('readAiken', () => {
  it('reads questions, options with "." or ")" and the ANSWER line', () => {
    const read = readAiken('Which ministry?\nA. Defence\nB) Foreign Affairs\nANSWER: B\n\nWhen?\nA. 1945\nB. 1956\nANSWER: A\n');
    expect(read.items).toEqual([
      expect.objectContaining({
        type: 'single',
        prompt: 'Which ministry?',
        options: [
          { id: 'a', text: 'Defence' },
          { id: 'b', text: 'Foreign Affairs' },
        ],
        answer: 'b',
        explanation: '',
      }),
      expect.objectContaining({ prompt: 'When?', answer: 'a' }),
    ]);
  });

  it('stops at the line that breaks the format', () => {
    expect(() => readAiken('Which?\nA. x\nB. y\nANSWER: C\n')).toThrow(/^line 4, column 9: ANSWER C is not one of the options A, B/);
    expect(() => readAiken('Which?\nA. x\nsomething else\n')).toThrow(/^line 3, column 1: expected an option/);
    expect(() => readAiken('Which?\nA. x\nB. y\n')).toThrow(/^line 1, column 1: the last question has no "ANSWER:" line/);
  });
});
