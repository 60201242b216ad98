import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/server/http';
import { rateCard, rateInput } from '@/server/reviews';
import { learnerForWrite } from '@/server/session';

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, rateInput);
  const learner = await learnerForWrite();
  return NextResponse.json(await rateCard(learner, body));
});
