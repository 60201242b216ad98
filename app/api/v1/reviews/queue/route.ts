import { NextResponse } from 'next/server';
import { visitorRoute } from '@/server/callers';
import { getReviewQueue } from '@/server/review-queue';

// Reading the queue writes nothing: a visitor with no learner yet sees the new cards, and the
// first rating creates the learner.
export const GET = visitorRoute<RouteContext<'/api/v1/reviews/queue'>>(async ({ request, learner }) =>
  NextResponse.json(await getReviewQueue(learner, Object.fromEntries(new URL(request.url).searchParams))),
);
