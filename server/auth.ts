import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { headers } from 'next/headers';
import { databaseTarget } from './config';
import { getDb } from './db';
import { authSecret } from './secrets';
import { CLIENT_ADDRESS_HEADER } from './teacher-auth';

const PASSWORD_OPERATIONS = [
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'update',
  'upsert',
  'delete',
] as const;

async function createAuth() {
  const db = await getDb();
  // The data layer's client omits password hashes; better-auth alone reads and writes them.
  const authDb = db.$extends({
    query: {
      account: Object.fromEntries(
        PASSWORD_OPERATIONS.map((op) => [
          op,
          ({ args, query }: { args: { omit?: Record<string, boolean> }; query: (args: unknown) => Promise<unknown> }) =>
            query({ ...args, omit: { ...args.omit, password: false } }),
        ]),
      ),
    },
  });
  return betterAuth({
    secret: authSecret(),
    database: prismaAdapter(authDb as unknown as Parameters<typeof prismaAdapter>[0], { provider: databaseTarget().provider }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Passage is self-hosted on whatever address the school uses: trust the address the
    // request came to (server actions additionally get Next's own Origin check).
    trustedOrigins: (request) => {
      const host = request?.headers.get('x-forwarded-host') ?? request?.headers.get('host');
      const proto = request?.headers.get('x-forwarded-proto') ?? 'http';
      return host ? [`${proto}://${host}`, `http://${host}`, `https://${host}`] : [];
    },
    // Passage's own limiter (server/rate-limits.ts, in the database, keyed on the address Passage
    // determined) guards sign-in and sign-up on every path; better-auth's would key on the
    // client-supplied X-Forwarded-For and count in one process's memory.
    rateLimit: { enabled: false },
    // Secure cookies need HTTPS; a classroom server on a LAN address often has none. Behind TLS,
    // set PASSAGE_SECURE_COOKIES=1.
    advanced: {
      useSecureCookies: process.env.PASSAGE_SECURE_COOKIES === '1',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // Sessions record the address Passage determined (server/teacher-auth.ts sets it), not X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const cache = globalThis as typeof globalThis & { passageAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  cache.passageAuth ??= createAuth();
  return cache.passageAuth;
}

export interface TeacherRef {
  id: string;
  name: string;
  email: string;
}

/** The signed-in teacher of this request, or null. */
export async function currentTeacher(): Promise<TeacherRef | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
}
