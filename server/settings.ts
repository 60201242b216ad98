import 'server-only';
import { z } from 'zod';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION, timeZoneSchema } from '@/lib/scheduler';
import { getDb } from './db';
import { parseOrThrow } from './errors';
import type { LearnerRef } from './learners';

const wholeNumber = (what: string, max: number) =>
  z.coerce
    .number({ error: `Enter the ${what} as a whole number.` })
    .int({ error: `Enter the ${what} as a whole number.` })
    .min(0, { error: `The ${what} cannot be below 0.` })
    .max(max, { error: `The ${what} can be at most ${max}.` });

export const settingsInput = z.strictObject({
  displayName: z
    .string()
    .trim()
    .max(60, { error: 'Keep the display name to 60 characters or fewer.' })
    .transform((v) => v || null),
  timeZone: timeZoneSchema,
  desiredRetention: z.coerce
    .number({ error: 'Enter the desired retention as a number, such as 0.9.' })
    .min(MIN_DESIRED_RETENTION, { error: `Choose a desired retention of at least ${MIN_DESIRED_RETENTION}.` })
    .max(MAX_DESIRED_RETENTION, { error: `Choose a desired retention of at most ${MAX_DESIRED_RETENTION}.` }),
  newPerDay: wholeNumber('new cards per day', 9999),
  reviewsPerDay: wholeNumber('reviews per day', 99999),
  typeAnswers: z.boolean(),
});
export type SettingsInput = z.input<typeof settingsInput>;

export async function updateSettings(learner: LearnerRef, input: unknown): Promise<LearnerRef> {
  const data = parseOrThrow(settingsInput, input);
  const db = await getDb();
  return db.learner.update({
    where: { id: learner.id },
    data,
    select: {
      id: true,
      timeZone: true,
      desiredRetention: true,
      newPerDay: true,
      reviewsPerDay: true,
      typeAnswers: true,
      displayName: true,
    },
  });
}
