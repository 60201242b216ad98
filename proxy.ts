import { NextResponse, type NextRequest } from 'next/server';

// Runs before every page and API request: a per-request CSP nonce (Next adds it to its own
// scripts), and a refusal of cross-site writes to the JSON API. The other security headers are
// set for every path, static files included, in next.config.mjs.

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSite(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  // Scripts (curl, the bench) send no Origin; browsers always do on cross-site writes.
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  if (UNSAFE_METHODS.has(request.method) && request.nextUrl.pathname.startsWith('/api/v1/') && !sameSite(request)) {
    return NextResponse.json({ error: { code: 'forbidden', message: 'Cross-site requests are not accepted.', path: [] } }, { status: 403 });
  }
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();

  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== 'production';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes (progress bars); no script runs from them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
