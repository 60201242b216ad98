import { apiRoute, readJson } from '@/server/http';
import { rateCard, rateInput } from '@/server/reviews';
import { learnerForWrite, learnerOfRequest } from '@/server/session';

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, rateInput);
  // A first rating creates the learner (and sets its cookie) only once the input is valid.
  return Response.json(await rateCard(async () => (await learnerOfRequest(request)) ?? learnerForWrite(), body));
});
