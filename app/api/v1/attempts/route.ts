import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/server/http';
import { startAttempt, startAttemptInput } from '@/server/quizzes';
import { learnerForWrite } from '@/server/session';

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, startAttemptInput);
  const learner = await learnerForWrite();
  return NextResponse.json(await startAttempt(learner, body), { status: 201 });
});
