import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMPTY_FORM, fieldErrorsFrom, refused, sentence, submittedValues, succeeded } from './form-state';

describe('form state', () => {
  it('keeps what was typed, but never a password', () => {
    const data = new FormData();
    data.set('email', 'ada@example.org');
    data.set('password', 'hunter2hunter2');
    data.set('$ACTION_ID_abc', '');
    data.append('itemIds', 'a');
    data.append('itemIds', 'b');
    expect(submittedValues(data)).toEqual({ email: 'ada@example.org', itemIds: 'a' });
    for (const notAForm of [null, 1, 'email=x', { entries: () => [] }]) expect(submittedValues(notAForm)).toEqual({});
  });

  it('writes every message as a sentence', () => {
    expect(sentence('no assignment has that code; check it with your teacher')).toBe(
      'No assignment has that code; check it with your teacher.',
    );
    expect(sentence('How about “Ada 2”?')).toBe('How about “Ada 2”?');
    expect(sentence('  ')).toBe('');
  });

  it('keeps the first problem of each field, without the field name', () => {
    const schema = z.object({ title: z.string().min(1, { error: 'Give the assignment a title' }).max(3, 'too long'), n: z.number() });
    const result = schema.safeParse({ title: '', n: 'x' });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFrom(result.error!);
    expect(errors.title).toBe('Give the assignment a title.');
    expect(Object.keys(errors)).toEqual(['title', 'n']);
  });

  it('puts a refusal with a field beside it, and one without a field above the button, each once', () => {
    expect(refused({ code: 'abc' }, { code: 'No assignment has that code.' })).toEqual({
      ok: false,
      message: null,
      fieldErrors: { code: 'No assignment has that code.' },
      values: { code: 'abc' },
    });
    expect(refused({}, { form: 'too many tries; wait a minute' })).toMatchObject({
      message: 'Too many tries; wait a minute.',
      fieldErrors: {},
    });
    expect(refused({}, { a: 'x' }, 'Nothing was saved')).toMatchObject({ message: 'Nothing was saved.' });
    expect(succeeded('Settings saved')).toEqual({ ...EMPTY_FORM, ok: true, message: 'Settings saved.' });
  });
});
