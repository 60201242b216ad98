'use server';

import { formField } from '@/lib/form-data';
import { z } from 'zod';
import type { FormState } from '@/components/teach/form-state';
import { currentTeacher } from '@/server/auth';
import { AppError } from '@/server/errors';
import { resetPersonalCode } from '@/server/personal-codes';

const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function resetPersonalCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const assignmentId = idField.safeParse(formField(formData, 'assignmentId'));
  if (!assignmentId.success) return { ok: false, message: 'That assignment was not found.', fieldErrors: {} };
  try {
    const nickname = await resetPersonalCode(await currentTeacher(), assignmentId.data, formField(formData, 'studentId'));
    return { ok: true, message: `${nickname} has a new personal code; the old one no longer works.`, fieldErrors: {} };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
}
