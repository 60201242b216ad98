// Exists for `npm run bench`: the framework's own ceiling, a POST that does no work at all.
import { NextResponse } from 'next/server';

export function POST() {
  return NextResponse.json({ ok: true });
}
