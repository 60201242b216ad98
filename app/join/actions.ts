'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { submittedValues, type FormState } from '@/lib/forms/form-state';
import { formStateFrom } from '@/server/form-errors';
import { clientAddress } from '@/server/rate-limits';
import { assignmentIdForTypedCode } from '@/server/students';

export async function joinByCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    id = await assignmentIdForTypedCode(formField(formData, 'code'), await clientAddress());
  } catch (error) {
    return formStateFrom(error, submittedValues(formData));
  }
  redirect(`/a/${id}`);
}
