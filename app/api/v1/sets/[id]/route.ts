import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { getSetWithPublicItems } from '@/server/sets';

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  NextResponse.json(await getSetWithPublicItems((await params).id)),
);
