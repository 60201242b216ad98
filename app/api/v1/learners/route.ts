import { NextResponse } from 'next/server';
import { publicRoute } from '@/server/callers';
import { createLearner } from '@/server/learners';
import { clientAddress, limited } from '@/server/rate-limits';

/** A new anonymous learner for scripted clients: keep the token and send it as a Bearer token. */
export const POST = publicRoute<RouteContext<'/api/v1/learners'>>(async () => {
  const { learner, token } = await limited('newLearner', { client: await clientAddress() }, () => createLearner());
  return NextResponse.json({ learnerId: learner.id, token }, { status: 201 });
});
