import { z } from 'zod';
import { TEACHER_FORMATS } from '@/lib/interop/export';
import { currentTeacher } from '@/server/auth';
import { parseOrThrow } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { teacherAssignmentExport } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { requestOrigin } from '@/server/session';

const formatSchema = z.enum(TEACHER_FORMATS, { error: `must be ${TEACHER_FORMATS.join(', ')}` });

/** GET /api/v1/teach/assignments/<id>/questions/<moodle | gift | qti | aiken | csv>: the assignment's items for an LMS. */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string; format: string }> }) => {
  const { id, format } = await params;
  return downloadResponse(await teacherAssignmentExport(await currentTeacher(), parseOrThrow(formatSchema, format, ['format']), id, await requestOrigin()));
});
