'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { submittedValues, type FormState } from '@/lib/forms/form-state';
import { formStateFrom } from '@/server/form-errors';
import { clientAddress, limited } from '@/server/rate-limits';
import { assignmentIdForCode } from '@/server/students';

export async function joinByCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    id = await limited('joinCode', { client: await clientAddress() }, () => assignmentIdForCode(formField(formData, 'code')));
  } catch (error) {
    return formStateFrom(error, submittedValues(formData));
  }
  redirect(`/a/${id}`);
}
