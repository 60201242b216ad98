import { z } from 'zod';
import { LEARNER_FORMATS } from '@/lib/interop/export';
import { parseOrThrow } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { learnerFlashcards } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { currentLearner, requestOrigin } from '@/server/session';

const formatSchema = z.enum(LEARNER_FORMATS, { error: `must be ${LEARNER_FORMATS.join(', ')}` });

/** GET /api/v1/me/flashcards/<anki | anki-text | quizlet>[?set=<id>]: cards for Anki or Quizlet, one set or all. */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ format: string }> }) => {
  const format = parseOrThrow(formatSchema, (await params).format, ['format']);
  const set = new URL(request.url).searchParams.get('set') ?? undefined;
  return downloadResponse(await learnerFlashcards(await currentLearner(), format, set, await requestOrigin()));
});
