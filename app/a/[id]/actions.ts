'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { submittedValues, type FormState } from '@/lib/forms/form-state';
import { learnerAction, writerAction } from '@/server/callers';
import { AppError } from '@/server/errors';
import { formStateFrom } from '@/server/form-errors';
import { clientAddress, limited } from '@/server/rate-limits';
import { setLearnerCookie } from '@/server/session';
import { joinAssignment, resumeWithPersonalCode, startAssignmentAttempt } from '@/server/students';
import { ROW_ID } from '@/lib/row-id';

const idSchema = z.string().regex(ROW_ID);

export const joinWithNicknameAction = writerAction(async (learner, _state: FormState, formData: FormData): Promise<FormState> => {
  const id = idSchema.safeParse(formField(formData, 'assignmentId'));
  if (!id.success) redirect('/join');
  try {
    await joinAssignment(learner, id.data, formField(formData, 'nickname'));
  } catch (error) {
    return formStateFrom(error, submittedValues(formData));
  }
  redirect(`/a/${id.data}`);
});

export async function resumeWithCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const id = idSchema.safeParse(formField(formData, 'assignmentId'));
  if (!id.success) redirect('/join');
  try {
    await setLearnerCookie(
      await limited('personalCode', { client: await clientAddress(), target: id.data }, () =>
        resumeWithPersonalCode(id.data, formField(formData, 'code')),
      ),
    );
  } catch (error) {
    return formStateFrom(error, submittedValues(formData));
  }
  redirect(`/a/${id.data}`);
}

export const startAssignmentQuizAction = learnerAction(
  async (_state: FormState, formData: FormData) =>
    formStateFrom(new AppError('forbidden', 'Join the assignment with a nickname first.'), submittedValues(formData)),
  async (learner, _state: FormState, formData: FormData): Promise<FormState> => {
    const id = idSchema.safeParse(formField(formData, 'assignmentId'));
    if (!id.success) redirect('/join');
    let attemptId: string;
    try {
      attemptId = await startAssignmentAttempt(learner, id.data);
    } catch (error) {
      return formStateFrom(error, submittedValues(formData));
    }
    redirect(`/quiz/${attemptId}`);
  },
);
