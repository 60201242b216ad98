import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { createLearner } from '@/server/learners';
import { clientAddress, limited } from '@/server/rate-limits';

/** A new anonymous learner for scripted clients: keep the token and send it as a Bearer token. */
export const POST = apiRoute(async () => {
  const { learner, token } = await limited('newLearner', { client: await clientAddress() }, () => createLearner());
  return NextResponse.json({ learnerId: learner.id, token }, { status: 201 });
});
