import { z } from 'zod';
import { TEACHER_FORMATS } from '@/lib/interop/export';
import { teacherRoute } from '@/server/callers';
import { notFound, parseOrThrow } from '@/server/errors';
import { teacherAssignmentExport } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { requestOrigin } from '@/server/session';

const formatSchema = z.enum(TEACHER_FORMATS, { error: `must be ${TEACHER_FORMATS.join(', ')}` });

/** GET /api/v1/teach/assignments/<id>/questions/<moodle | gift | qti | aiken | csv>: the assignment's items for an LMS. */
export const GET = teacherRoute<RouteContext<'/api/v1/teach/assignments/[id]/questions/[format]'>>(
  () => notFound('That assignment'),
  async ({ params, teacher }) =>
    downloadResponse(
      await teacherAssignmentExport(teacher, {
        format: parseOrThrow(formatSchema, params.format, ['format']),
        assignmentId: params.id,
        origin: await requestOrigin(),
      }),
    ),
);
