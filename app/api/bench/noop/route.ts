// Exists for `npm run bench` only: the framework's own ceiling, a POST that does no work at all.
// The bench starts the server with PASSAGE_BENCH=1; in any other server it is a 404.
import { NextResponse } from 'next/server';

export function POST() {
  if (process.env.PASSAGE_BENCH !== '1') return NextResponse.json({ error: { code: 'not_found', message: 'No such endpoint.', path: [] } }, { status: 404 });
  return NextResponse.json({ ok: true });
}
