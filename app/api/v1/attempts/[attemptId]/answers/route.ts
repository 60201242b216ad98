import { answerQuestion } from '@/server/answers';
import { learnerRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { readJson } from '@/server/http';

export const POST = learnerRoute<RouteContext<'/api/v1/attempts/[attemptId]/answers'>>(
  () => notFound('That quiz attempt'),
  async ({ request, params, learner }) => Response.json(await answerQuestion(learner, params.attemptId, await readJson(request))),
);
