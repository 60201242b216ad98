import { NextResponse } from 'next/server';
import { writerRoute } from '@/server/callers';
import { readJson } from '@/server/http';
import { rateCard } from '@/server/reviews';

export const POST = writerRoute<RouteContext<'/api/v1/reviews'>>(async ({ request, learner }) =>
  NextResponse.json(await rateCard(learner, await readJson(request))),
);
