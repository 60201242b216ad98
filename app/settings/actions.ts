'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ResumeLinkState } from '@/components/settings/resume-link';
import type { SettingsFormState } from '@/components/settings/settings-form';
import { AppError } from '@/server/errors';
import { rotateTokens } from '@/server/learners';
import { deleteLearner } from '@/server/my-data';
import { leaveAssignment } from '@/server/students';
import { qrSvgDataUrl } from '@/server/qr';
import { createResumeCode } from '@/server/resume-codes';
import { clearLearnerCookie, currentLearner, learnerForWrite, requestOrigin, setLearnerCookie } from '@/server/session';
import { settingsInput, updateSettings } from '@/server/settings';

export async function saveSettingsAction(_state: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const raw = {
    displayName: String(formData.get('displayName') ?? ''),
    timeZone: String(formData.get('timeZone') ?? ''),
    desiredRetention: String(formData.get('desiredRetention') ?? ''),
    newPerDay: String(formData.get('newPerDay') ?? ''),
    reviewsPerDay: String(formData.get('reviewsPerDay') ?? ''),
    typeAnswers: formData.get('typeAnswers') === 'on',
  };
  const parsed = settingsInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, message: 'Some settings need fixing; nothing was saved.', fieldErrors };
  }
  const learner = await learnerForWrite();
  await updateSettings(learner, raw);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Settings saved.', fieldErrors: {} };
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
  return { message: 'Every other device has been signed out. This one stays signed in.' };
}

export async function deleteMyDataAction(formData: FormData): Promise<void> {
  if (formData.get('confirm') !== 'delete') redirect('/settings/delete?error=confirm');
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

const leaveInput = z.object({ assignmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), returnTo: z.enum(['assignment', 'delete']) });

/** Leaves a class: the work stays with the teacher; back to the page the form was on. */
export async function leaveClassAction(formData: FormData): Promise<void> {
  const parsed = leaveInput.safeParse({ assignmentId: formData.get('assignmentId'), returnTo: formData.get('returnTo') });
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
