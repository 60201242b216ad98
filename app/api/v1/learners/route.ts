import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { createLearner } from '@/server/learners';

/** A new anonymous learner for scripted clients: keep the token and send it as a Bearer token. */
export const POST = apiRoute(async () => {
  const { learner, token } = await createLearner();
  return NextResponse.json({ learnerId: learner.id, token }, { status: 201 });
});
