'use server';

import { formField } from '@/lib/form-data';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ResumeLinkState } from '@/components/settings/resume-link';
import { fieldErrorsFrom, refused, submittedValues, succeeded, type FormState } from '@/lib/forms/form-state';
import { AppError } from '@/server/errors';
import { rotateTokens } from '@/server/learners';
import { deleteLearner } from '@/server/my-data';
import { leaveAssignment } from '@/server/students';
import { qrSvgDataUrl } from '@/server/qr';
import { createResumeCode } from '@/server/resume-codes';
import { clearLearnerCookie, currentLearner, learnerForWrite, requestOrigin, setLearnerCookie } from '@/server/session';
import { settingsInput, updateSettings } from '@/server/settings';
import { ROW_ID } from '@/lib/row-id';

export async function saveSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const raw = {
    displayName: String(formField(formData, 'displayName') ?? ''),
    timeZone: String(formField(formData, 'timeZone') ?? ''),
    desiredRetention: String(formField(formData, 'desiredRetention') ?? ''),
    newPerDay: String(formField(formData, 'newPerDay') ?? ''),
    reviewsPerDay: String(formField(formData, 'reviewsPerDay') ?? ''),
    typeAnswers: formField(formData, 'typeAnswers') === 'on',
  };
  const values = submittedValues(formData);
  const parsed = settingsInput.safeParse(raw);
  if (!parsed.success) return refused(values, fieldErrorsFrom(parsed.error), 'Some settings need fixing; nothing was saved.');
  const learner = await learnerForWrite();
  await updateSettings(learner, raw);
  revalidatePath('/', 'layout');
  return succeeded('Settings saved.');
}

export async function createResumeLinkAction(): Promise<ResumeLinkState> {
  const learner = await learnerForWrite();
  const { code, expiresAt } = await createResumeCode(learner);
  const url = `${await requestOrigin()}/resume/${code}`;
  return { url, qr: await qrSvgDataUrl(url), expiresAt: expiresAt.toISOString() };
}

export async function signOutOtherDevicesAction(): Promise<{ message: string }> {
  const learner = await currentLearner();
  if (!learner) return { message: 'This device is not signed in to any progress yet.' };
  await setLearnerCookie(await rotateTokens(learner.id));
  return {
    message: 'Every other device has been signed out, and your personal codes in classes have been replaced. This one stays signed in.',
  };
}

export async function deleteMyDataAction(formData: FormData): Promise<void> {
  if (formField(formData, 'confirm') !== 'delete') redirect('/settings/delete?error=confirm');
  const learner = await currentLearner();
  if (learner) {
    try {
      await deleteLearner(learner);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // In a class not yet left: nothing was deleted, and the page says why.
      if (error.status === 409) redirect('/settings/delete?error=classes');
    }
  }
  await clearLearnerCookie();
  redirect('/settings?deleted=1');
}

const leaveInput = z.object({ assignmentId: z.string().regex(ROW_ID), returnTo: z.enum(['assignment', 'delete']) });

/** Leaves a class: the work stays with the teacher; back to the page the form was on. */
export async function leaveClassAction(formData: FormData): Promise<void> {
  const parsed = leaveInput.safeParse({ assignmentId: formField(formData, 'assignmentId'), returnTo: formField(formData, 'returnTo') });
  if (!parsed.success) redirect('/settings/delete');
  const { assignmentId, returnTo } = parsed.data;
  const learner = await currentLearner();
  if (learner) {
    try {
      await leaveAssignment(learner, assignmentId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  revalidatePath('/settings/delete');
  redirect(returnTo === 'assignment' ? `/a/${assignmentId}` : '/settings/delete');
}
