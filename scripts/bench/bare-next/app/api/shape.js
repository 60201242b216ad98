import { headers } from 'next/headers';

/** What Passage's API routes ask of Next for every request, and nothing of Passage's own. */
export async function answer(request, attemptId) {
  const token = (await headers()).get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  const body = await request.json();
  return Response.json({ attemptId, itemId: body.itemId ?? null, signedIn: token !== null });
}
