import { NextResponse } from 'next/server';
import { z } from 'zod';
import { parseOrThrow } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { setCardFlag } from '@/server/reviews';
import { learnerForWrite } from '@/server/session';

const actionSchema = z.enum(['bury', 'unbury', 'suspend', 'unsuspend'], { error: 'must be bury, unbury, suspend or unsuspend' });

/** POST /api/v1/cards/<itemId>/bury | unbury | suspend | unsuspend */
export const POST = apiRoute(async (_request, { params }: { params: Promise<{ itemId: string; action: string }> }) => {
  const { itemId, action } = await params;
  const parsed = parseOrThrow(actionSchema, action, ['action']);
  return NextResponse.json(await setCardFlag(learnerForWrite, itemId, parsed));
});
