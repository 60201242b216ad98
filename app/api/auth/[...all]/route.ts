import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/server/auth';

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
