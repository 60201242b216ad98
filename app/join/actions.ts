'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/teach/form-state';
import { AppError } from '@/server/errors';
import { clientAddress, limitFailures } from '@/server/rate-limits';
import { assignmentIdForCode } from '@/server/students';

export async function joinByCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    id = await limitFailures('join', await clientAddress(), () => assignmentIdForCode(formData.get('code')));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message.replace(/^code: /, ''), fieldErrors: { code: error.message.replace(/^code: /, '') } };
    throw error;
  }
  redirect(`/a/${id}`);
}
