import { describe, expect, it } from 'vitest';
import { choiceHint } from './prompt';

const options = [
  { id: 'x', text: 'A' },
  { id: 'y', text: 'B' },
  { id: 'z', text: 'C' },
];

describe('choiceHint', () => {
  it('does not repeat "Select all that apply" when the prompt says it', () => {
    const hint = choiceHint({ id: 'q', type: 'multiple', prompt: 'Which measures? Select all that apply.', options });
    expect(hint).not.toMatch(/select all that apply/i);
    expect(hint).toBe('Tick each one that applies; keys 1 to 3 tick or untick an option.');
  });

  it('says it when the prompt does not', () => {
    expect(choiceHint({ id: 'q', type: 'multiple', prompt: 'Which measures?', options })).toBe(
      'Select all that apply; keys 1 to 3 tick or untick an option.',
    );
  });

  it('names the keys for single choice, and nothing for other types', () => {
    expect(choiceHint({ id: 'q', type: 'single', prompt: 'Who?', options })).toBe('Choose one; keys 1 to 3 pick an option.');
    expect(choiceHint({ id: 'q', type: 'truefalse', prompt: 'True?' })).toBeNull();
  });
});
