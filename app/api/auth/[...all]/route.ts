import { getAuth } from '@/server/auth';
import { AppError } from '@/server/errors';
import { apiRoute, readJson } from '@/server/http';
import { clientAddressOf } from '@/server/rate-limits';
import { CLIENT_ADDRESS_HEADER, limitedSignIn, limitedSignUp, signInInput, signUpInput } from '@/server/teacher-auth';

// better-auth's HTTP handler, reachable by scripts as well as by Passage's own forms. Only the
// endpoints Passage uses are open, and sign-in and sign-up go through the same validation and
// limits as the forms (server/teacher-auth.ts); every other better-auth endpoint is a 404.
const OPEN = new Set([
  'GET /api/auth/get-session',
  'POST /api/auth/sign-out',
  'POST /api/auth/sign-in/email',
  'POST /api/auth/sign-up/email',
]);

/** The request better-auth sees: the validated body, and the client address as Passage determined it. */
function forward(request: Request, client: string, body?: unknown): Request {
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, client);
  if (body === undefined) return new Request(request.url, { method: request.method, headers });
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body) });
}

async function accepted(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw new AppError(response.status === 401 || response.status === 403 ? 'unauthorized' : 'invalid_input', 'refused');
}

const handle = apiRoute(async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (!OPEN.has(`${request.method} ${path}`)) throw new AppError('not_found', 'No such endpoint.');
  const auth = await getAuth();
  const client = clientAddressOf(request.headers);
  if (path === '/api/auth/sign-in/email') {
    const body = await readJson(request, signInInput);
    return limitedSignIn(client, body.email, async () => accepted(await auth.handler(forward(request, client, body))));
  }
  if (path === '/api/auth/sign-up/email') {
    const body = await readJson(request, signUpInput);
    return limitedSignUp(client, async () => accepted(await auth.handler(forward(request, client, body))));
  }
  return auth.handler(forward(request, client));
});

export const GET = handle;
export const POST = handle;
