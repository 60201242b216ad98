import { NextResponse } from 'next/server';
import { publicRoute } from '@/server/callers';
import { getSetWithPublicItems } from '@/server/sets';

export const GET = publicRoute<RouteContext<'/api/v1/sets/[id]'>>(async ({ params }) =>
  NextResponse.json(await getSetWithPublicItems(params.id)),
);
