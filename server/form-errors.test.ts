import { describe, expect, it } from 'vitest';
import { AppError, parseOrThrow } from './errors';
import { formStateFrom } from './form-errors';
import { settingsInput } from './settings';
import { NicknameTakenError } from './students';

const values = { desiredRetention: '1.5' };

describe('formStateFrom', () => {
  it('puts a field’s refusal beside it once, as a sentence without the field name, and keeps the input', () => {
    let error: unknown;
    try {
      parseOrThrow(settingsInput, {
        displayName: '',
        timeZone: 'UTC',
        desiredRetention: '1.5',
        newPerDay: '20',
        reviewsPerDay: '200',
        typeAnswers: false,
      });
    } catch (e) {
      error = e;
    }
    expect((error as AppError).message).toBe('desiredRetention: Choose a desired retention of at most 0.97.');
    expect(formStateFrom(error, values)).toEqual({
      ok: false,
      message: null,
      fieldErrors: { desiredRetention: 'Choose a desired retention of at most 0.97.' },
      values,
    });
  });

  it('says a nickname clash once, beside the nickname', () => {
    expect(formStateFrom(new NicknameTakenError('Ada 2'), {})).toEqual({
      ok: false,
      message: null,
      fieldErrors: { nickname: 'Someone in this class already uses that name. How about “Ada 2”?' },
      values: {},
    });
  });

  it('shows a refusal without a field, or with one the form does not show, as the form’s message', () => {
    expect(formStateFrom(new AppError('rate_limited', 'too many tries; wait a minute'), {}).message).toBe('Too many tries; wait a minute.');
    expect(
      formStateFrom(new AppError('invalid_input', 'itemIds.3: "x" is not a card of this set', ['itemIds', 3]), {}, ['title']),
    ).toMatchObject({
      message: '"x" is not a card of this set.',
      fieldErrors: {},
    });
  });

  it('rethrows what is not an AppError', () => {
    expect(() => formStateFrom(new Error('bug'), {})).toThrow('bug');
  });
});
