'use server';

import { formField } from '@/lib/form-data';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ResumeLinkState } from '@/components/settings/resume-link';
import { fieldErrorsFrom, refused, submittedValues, succeeded, type FormState } from '@/lib/forms/form-state';
import { learnerAction, writerAction } from '@/server/callers';
import { AppError } from '@/server/errors';
import { resolveLearner, rotateTokens } from '@/server/learners';
import { deleteLearner } from '@/server/my-data';
import { leaveAssignment } from '@/server/students';
import { qrSvgDataUrl } from '@/server/qr';
import { createResumeCode } from '@/server/resume-codes';
import { clearLearnerCookie, requestOrigin, setLearnerCookie } from '@/server/session';
import { settingsInput, updateSettings } from '@/server/settings';
import { ROW_ID } from '@/lib/row-id';

export const saveSettingsAction = writerAction(async (source, _state: FormState, formData: FormData): Promise<FormState> => {
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
  await updateSettings(await resolveLearner(source), raw);
  revalidatePath('/', 'layout');
  return succeeded('Settings saved.');
});

export const createResumeLinkAction = writerAction(async (source): Promise<ResumeLinkState> => {
  const { code, expiresAt } = await createResumeCode(await resolveLearner(source));
  const url = `${await requestOrigin()}/resume/${code}`;
  return { url, qr: await qrSvgDataUrl(url), expiresAt: expiresAt.toISOString() };
});

export const signOutOtherDevicesAction = learnerAction(
  async () => ({ message: 'This device is not signed in to any progress yet.' }),
  async (learner): Promise<{ message: string }> => {
    await setLearnerCookie(await rotateTokens(learner.id));
    return {
      message: 'Every other device has been signed out, and your personal codes in classes have been replaced. This one stays signed in.',
    };
  },
);

async function forgetThisDevice(): Promise<never> {
  await clearLearnerCookie();
  redirect('/settings?deleted=1');
}

export const deleteMyDataAction = learnerAction(
  async (formData: FormData) => {
    if (formField(formData, 'confirm') !== 'delete') redirect('/settings/delete?error=confirm');
    return forgetThisDevice();
  },
  async (learner, formData: FormData): Promise<void> => {
    if (formField(formData, 'confirm') !== 'delete') redirect('/settings/delete?error=confirm');
    try {
      await deleteLearner(learner);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // In a class not yet left: nothing was deleted, and the page says why.
      if (error.status === 409) redirect('/settings/delete?error=classes');
    }
    return forgetThisDevice();
  },
);

const leaveInput = z.object({ assignmentId: z.string().regex(ROW_ID), returnTo: z.enum(['assignment', 'delete']) });

function leaveFormOf(formData: FormData) {
  const parsed = leaveInput.safeParse({ assignmentId: formField(formData, 'assignmentId'), returnTo: formField(formData, 'returnTo') });
  if (!parsed.success) redirect('/settings/delete');
  return parsed.data;
}

const pageOf = (form: z.output<typeof leaveInput>) => (form.returnTo === 'assignment' ? `/a/${form.assignmentId}` : '/settings/delete');

/** Leaves a class: the work stays with the teacher; back to the page the form was on. */
export const leaveClassAction = learnerAction(
  async (formData: FormData) => redirect(pageOf(leaveFormOf(formData))),
  async (learner, formData: FormData): Promise<void> => {
    const form = leaveFormOf(formData);
    try {
      await leaveAssignment(learner, form.assignmentId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    revalidatePath('/settings/delete');
    redirect(pageOf(form));
  },
);
