import { writerRoute } from '@/server/callers';
import { readJson } from '@/server/http';
import { rateCard } from '@/server/reviews';

// A first rating creates the learner (and sets its cookie) only once the input is valid: rateCard resolves it after checking.
export const POST = writerRoute<RouteContext<'/api/v1/reviews'>>(async ({ request, learner }) =>
  Response.json(await rateCard(learner, await readJson(request))),
);
