import { NextResponse } from 'next/server';
import { z } from 'zod';
import { writerRoute } from '@/server/callers';
import { parseOrThrow } from '@/server/errors';
import { setCardFlag } from '@/server/reviews';

const actionSchema = z.enum(['bury', 'unbury', 'suspend', 'unsuspend'], { error: 'must be bury, unbury, suspend or unsuspend' });

/** POST /api/v1/cards/<itemId>/bury | unbury | suspend | unsuspend */
export const POST = writerRoute<RouteContext<'/api/v1/cards/[itemId]/[action]'>>(async ({ params, learner }) =>
  NextResponse.json(await setCardFlag(learner, params.itemId, parseOrThrow(actionSchema, params.action, ['action']))),
);
