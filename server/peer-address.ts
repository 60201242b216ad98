import 'server-only';
import http from 'node:http';
import securityHeaders from '@/lib/security-headers.json';

/**
 * Next 16 gives route handlers and server actions no access to the socket, and fills
 * X-Forwarded-For from it only when the client sent none, so the header alone cannot tell a
 * client's address from one it made up. Every request the Node server receives is stamped with
 * its socket's address here, overwriting anything a client sent under that name.
 *
 * The same hook answers two kinds of request that Next would answer 500 as plain text without
 * the security headers, before any of Passage's code runs: a path whose percent-escapes do not
 * decode (vercel/next.js#92527), and a server action posted from another origin.
 */
export const PEER_HEADER = 'x-passage-peer';

const state = globalThis as typeof globalThis & { passagePeerStamping?: boolean };

/** True once this process stamps requests; until then the header is not trusted. */
export function peerStamping(): boolean {
  return state.passagePeerStamping === true;
}

function undecodablePath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** A POST to a page is a server action (by header, or a form posted without JavaScript). */
function crossSiteAction(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST' || (req.url ?? '').startsWith('/api/')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== (req.headers['x-forwarded-host'] ?? req.headers.host);
  } catch {
    return true;
  }
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: string, message: string): void {
  for (const { key, value } of securityHeaders.everywhere) res.setHeader(key, value);
  for (const { key, value } of securityHeaders.api) res.setHeader(key, value);
  res.setHeader('cache-control', 'no-store');
  res.statusCode = status;
  if ((req.url ?? '').startsWith('/api/')) {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ error: { code, message, path: [] } }));
  } else {
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(`${message}\n`);
  }
  req.resume();
}

/** Installs the hook on every HTTP server of this process (once). Called from instrumentation.ts. */
export function installRequestGate(): void {
  if (state.passagePeerStamping) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
      if (undecodablePath(req.url ?? '/')) {
        refuse(req, res, 400, 'invalid_input', 'path: has a percent-escape that does not decode');
        return true;
      }
      if (crossSiteAction(req)) {
        refuse(req, res, 403, 'forbidden', 'Cross-site requests are not accepted.');
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  state.passagePeerStamping = true;
}
