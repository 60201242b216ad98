import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/server/http';
import { startAttempt, startAttemptInput } from '@/server/quizzes';
import { learnerForWrite } from '@/server/session';

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, startAttemptInput);
  return NextResponse.json(await startAttempt(learnerForWrite, body), { status: 201 });
});
