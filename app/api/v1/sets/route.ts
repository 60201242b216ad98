import { NextResponse } from 'next/server';
import { publicRoute } from '@/server/callers';
import { listSets } from '@/server/sets';

export const GET = publicRoute<RouteContext<'/api/v1/sets'>>(async () => NextResponse.json({ sets: await listSets() }));
