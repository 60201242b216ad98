import { notFound } from '@/server/errors';
import { apiRoute, readJson } from '@/server/http';
import { answerInput, answerQuestion } from '@/server/answers';
import { learnerOfRequest } from '@/server/session';

export const POST = apiRoute(async (request, { params }: { params: Promise<{ attemptId: string }> }) => {
  const body = await readJson(request, answerInput);
  const learner = await learnerOfRequest(request);
  if (!learner) throw notFound('That quiz attempt');
  return Response.json(await answerQuestion(learner, (await params).attemptId, body));
});
