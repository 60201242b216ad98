import 'server-only';
import { z } from 'zod';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION, timeZoneSchema } from '@/lib/scheduler';
import { getDb } from './db';
import { parseOrThrow } from './errors';
import type { LearnerRef } from './learners';

export const settingsInput = z.strictObject({
  displayName: z
    .string()
    .trim()
    .max(60, { error: 'must be at most 60 characters' })
    .transform((v) => v || null),
  timeZone: timeZoneSchema,
  desiredRetention: z.coerce
    .number({ error: 'must be a number' })
    .min(MIN_DESIRED_RETENTION, { error: `must be at least ${MIN_DESIRED_RETENTION}` })
    .max(MAX_DESIRED_RETENTION, { error: `must be at most ${MAX_DESIRED_RETENTION}` }),
  newPerDay: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(9999, { error: 'must be at most 9999' }),
  reviewsPerDay: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(99999, { error: 'must be at most 99999' }),
  typeAnswers: z.boolean(),
});
export type SettingsInput = z.input<typeof settingsInput>;

export async function updateSettings(learner: LearnerRef, input: unknown): Promise<LearnerRef> {
  const data = parseOrThrow(settingsInput, input);
  const db = await getDb();
  return db.learner.update({
    where: { id: learner.id },
    data,
    select: { id: true, timeZone: true, desiredRetention: true, newPerDay: true, reviewsPerDay: true, typeAnswers: true, displayName: true },
  });
}
