import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/server/http';
import { rateCard, rateInput } from '@/server/reviews';
import { learnerForWrite } from '@/server/session';

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, rateInput);
  return NextResponse.json(await rateCard(learnerForWrite, body));
});
