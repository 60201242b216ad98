import { currentTeacher } from '@/server/auth';
import { apiRoute } from '@/server/http';
import { cachedAssignmentReport, etagMatches } from '@/server/report-cache';

/**
 * The live report the teacher's page polls; 404 for anyone but the assignment's teacher. A poll
 * that sends the ETag it last got is answered 304 while nothing in the class changed.
 */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { json, etag } = await cachedAssignmentReport(await currentTeacher(), (await params).id);
  // Still no-store: the client keeps the last report itself and sends its ETag back.
  const headers = { etag, 'cache-control': 'no-store' };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, 'content-type': 'application/json' } });
});
