'use server';

import { formField } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { StartQuizState } from '@/components/quiz/start-quiz-form';
import { idSchema } from '@/lib/questions/schema';
import { AppError } from '@/server/errors';
import { startAttempt, submitAttempt } from '@/server/quizzes';
import { currentLearner, learnerForWrite } from '@/server/session';

const formSchema = z.object({
  setId: z.union([idSchema, z.literal('')]).transform((v) => v || undefined),
  itemIds: z
    .string()
    .max(5000)
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
});


/** Starts a quiz from a form (works without JavaScript) and goes to its first question. */
export async function startQuizAction(_previous: StartQuizState, formData: FormData): Promise<StartQuizState> {
  const parsed = formSchema.safeParse({ setId: formField(formData, 'setId') ?? '', itemIds: formField(formData, 'itemIds') ?? '' });
  if (!parsed.success) return { error: 'This quiz link is not valid. Go back to the set and start again.' };
  let attemptId: string;
  try {
    ({ attemptId } = await startAttempt(learnerForWrite, { setId: parsed.data.setId, itemIds: parsed.data.itemIds }));
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/quiz/${attemptId}`);
}

const attemptIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Closes an attempt whose questions are all answered, then shows its results. */
export async function submitQuizAction(formData: FormData): Promise<void> {
  const attemptId = attemptIdSchema.safeParse(formField(formData, 'attemptId'));
  const learner = await currentLearner();
  if (attemptId.success && learner) {
    try {
      await submitAttempt(learner, attemptId.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    redirect(`/quiz/${attemptId.data}`);
  }
  redirect('/');
}
