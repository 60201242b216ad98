import { z } from 'zod';
import { LEARNER_FORMATS } from '@/lib/interop/export';
import { visitorRoute } from '@/server/callers';
import { parseOrThrow } from '@/server/errors';
import { learnerFlashcards } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { requestOrigin } from '@/server/session';

const formatSchema = z.enum(LEARNER_FORMATS, { error: `must be ${LEARNER_FORMATS.join(', ')}` });

/** GET /api/v1/me/flashcards/<anki | anki-text | quizlet>[?set=<id>]: cards for Anki or Quizlet, one set or all. */
export const GET = visitorRoute<RouteContext<'/api/v1/me/flashcards/[format]'>>(async ({ request, params, learner }) => {
  const format = parseOrThrow(formatSchema, params.format, ['format']);
  const setId = new URL(request.url).searchParams.get('set') ?? undefined;
  return downloadResponse(await learnerFlashcards(learner, { format, setId, origin: await requestOrigin() }));
});
