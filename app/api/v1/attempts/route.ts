import { NextResponse } from 'next/server';
import { writerRoute } from '@/server/callers';
import { readJson } from '@/server/http';
import { startAttempt } from '@/server/quizzes';

export const POST = writerRoute<RouteContext<'/api/v1/attempts'>>(async ({ request, learner }) =>
  NextResponse.json(await startAttempt(learner, await readJson(request)), { status: 201 }),
);
