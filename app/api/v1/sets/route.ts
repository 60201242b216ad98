import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { listSets } from '@/server/sets';

export const GET = apiRoute(async () => NextResponse.json({ sets: await listSets() }));
