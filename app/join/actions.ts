'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/teach/form-state';
import { AppError } from '@/server/errors';
import { clientAddress, limited } from '@/server/rate-limits';
import { assignmentIdForCode } from '@/server/students';

export async function joinByCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    id = await limited('joinCode', { client: await clientAddress() }, () => assignmentIdForCode(formField(formData, 'code')));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message.replace(/^code: /, ''), fieldErrors: { code: error.message.replace(/^code: /, '') } };
    throw error;
  }
  redirect(`/a/${id}`);
}
