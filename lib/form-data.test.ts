import { describe, expect, it } from 'vitest';
import { formField, formFields } from './form-data';

describe('form fields of a server action argument', () => {
  it('reads a real form, and treats anything else as an empty form', () => {
    const form = new FormData();
    form.append('code', 'ABC234');
    form.append('itemIds', 'a');
    form.append('itemIds', 'b');
    expect(formField(form, 'code')).toBe('ABC234');
    expect(formFields(form, 'itemIds')).toEqual(['a', 'b']);
    for (const notAForm of [null, undefined, 1, 'code=ABC234', { code: 'ABC234', get: () => 'x' }, ['code']]) {
      expect(formField(notAForm, 'code')).toBeNull();
      expect(formFields(notAForm, 'itemIds')).toEqual([]);
    }
  });
});
