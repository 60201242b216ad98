import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { getReviewQueue } from '@/server/reviews';
import { learnerForWrite } from '@/server/session';

export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  // A queue is read-only, but a first visit needs a learner to own the cards it will rate.
  const learner = await learnerForWrite();
  return NextResponse.json(await getReviewQueue(learner, query));
});
