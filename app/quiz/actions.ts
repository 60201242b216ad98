'use server';

import { randomUUID } from 'node:crypto';
import { formField, formFields } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { StartQuizState } from '@/components/quiz/start-quiz-form';
import { idSchema } from '@/lib/questions/schema';
import { chooseQuizItems, quizOptionsSchema } from '@/lib/quiz/options';
import { learnerAction, writerAction } from '@/server/callers';
import { AppError } from '@/server/errors';
import { quizCandidates, startAttempt, submitAttempt } from '@/server/quizzes';
import { ROW_ID } from '@/lib/row-id';

const formSchema = z.object({
  setId: z.union([idSchema, z.literal('')]).transform((v) => v || undefined),
  itemIds: z
    .string()
    .max(5000)
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
  startKey: z.union([z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), z.literal('')]).transform((v) => v || undefined),
});

function optionsFrom(formData: FormData) {
  if (formField(formData, 'length') === null) return null;
  return quizOptionsSchema.safeParse({
    length: formField(formData, 'length'),
    order: formField(formData, 'order'),
    types: formFields(formData, 'types'),
  });
}

/** The questions to ask: the chosen ones, or a set's questions picked by the learner's options. */
async function questionsFor(
  setId: string | undefined,
  itemIds: string[] | undefined,
  formData: FormData,
): Promise<StartQuizState | string[] | undefined> {
  const options = optionsFrom(formData);
  if (!options || itemIds || !setId) return itemIds;
  if (!options.success) {
    const issue = options.error.issues[0]!;
    return { error: null, fieldErrors: { [String(issue.path[0])]: issue.message } };
  }
  const ids = chooseQuizItems(await quizCandidates(setId), options.data, randomUUID());
  if (ids.length === 0)
    return { error: null, fieldErrors: { types: 'This set has no questions of the chosen types. Choose another type.' } };
  return ids;
}

/** Starts a quiz from a form (works without JavaScript) and goes to its first question. */
export const startQuizAction = writerAction(async (learner, _previous: StartQuizState, formData: FormData): Promise<StartQuizState> => {
  const parsed = formSchema.safeParse({
    setId: formField(formData, 'setId') ?? '',
    itemIds: formField(formData, 'itemIds') ?? '',
    startKey: formField(formData, 'startKey') ?? '',
  });
  if (!parsed.success) return { error: 'This quiz link is not valid. Go back to the set and start again.' };
  let attemptId: string;
  try {
    const questions = await questionsFor(parsed.data.setId, parsed.data.itemIds, formData);
    if (questions && !Array.isArray(questions)) return questions;
    ({ attemptId } = await startAttempt(learner, { setId: parsed.data.setId, itemIds: questions, startKey: parsed.data.startKey }));
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/quiz/${attemptId}`);
});

const attemptIdSchema = z.string().regex(ROW_ID);

/** Closes an attempt whose questions are all answered, then shows its results. */
export const submitQuizAction = learnerAction(
  async (_formData: FormData) => redirect('/'),
  async (learner, formData: FormData): Promise<void> => {
    const attemptId = attemptIdSchema.safeParse(formField(formData, 'attemptId'));
    if (!attemptId.success) redirect('/');
    try {
      await submitAttempt(learner, attemptId.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    redirect(`/quiz/${attemptId.data}`);
  },
);
