'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { AppError } from '@/server/errors';
import { redeemResumeCode } from '@/server/resume-codes';
import { setLearnerCookie } from '@/server/session';

export async function redeemResumeAction(_state: { error: string | null }, formData: FormData): Promise<{ error: string | null }> {
  try {
    const { token } = await redeemResumeCode(formField(formData, 'code'));
    await setLearnerCookie(token);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect('/progress?resumed=1');
}
