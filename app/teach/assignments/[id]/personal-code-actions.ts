'use server';

import { formField } from '@/lib/form-data';
import { z } from 'zod';
import { refused, submittedValues, succeeded, type FormState } from '@/lib/forms/form-state';
import { teacherAction } from '@/server/callers';
import { formStateFrom } from '@/server/form-errors';
import { resetPersonalCode } from '@/server/personal-codes';
import { ROW_ID } from '@/lib/row-id';

const idField = z.string().regex(ROW_ID);

export const resetPersonalCodeAction = teacherAction(async (teacher, _state: FormState, formData: FormData): Promise<FormState> => {
  const values = submittedValues(formData);
  const assignmentId = idField.safeParse(formField(formData, 'assignmentId'));
  if (!assignmentId.success) return refused(values, { form: 'That assignment was not found.' });
  try {
    const nickname = await resetPersonalCode(teacher, assignmentId.data, formField(formData, 'studentId'));
    return succeeded(`${nickname} has a new personal code; the old one no longer works.`);
  } catch (error) {
    return formStateFrom(error, values, []);
  }
});
