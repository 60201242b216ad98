import { z } from 'zod';
import { TEACHER_FORMATS } from '@/lib/interop/export';
import { currentTeacher } from '@/server/auth';
import { parseOrThrow } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { teacherSetExport } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { requestOrigin } from '@/server/session';

const formatSchema = z.enum(TEACHER_FORMATS, { error: `must be ${TEACHER_FORMATS.join(', ')}` });

/** GET /api/v1/teach/sets/<id>/questions/<moodle | gift | qti | aiken | csv>[?item=<id>&item=…]: a set's items for an LMS. */
export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string; format: string }> }) => {
  const { id, format } = await params;
  const chosen = new URL(request.url).searchParams.getAll('item');
  return downloadResponse(await teacherSetExport(await currentTeacher(), parseOrThrow(formatSchema, format, ['format']), id, chosen, await requestOrigin()));
});
