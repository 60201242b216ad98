import { z } from 'zod';
import { TEACHER_FORMATS } from '@/lib/interop/export';
import { teacherRoute } from '@/server/callers';
import { AppError, parseOrThrow } from '@/server/errors';
import { teacherSetExport } from '@/server/interop';
import { downloadResponse } from '@/server/interop-response';
import { requestOrigin } from '@/server/session';

const formatSchema = z.enum(TEACHER_FORMATS, { error: `must be ${TEACHER_FORMATS.join(', ')}` });

/** GET /api/v1/teach/sets/<id>/questions/<moodle | gift | qti | aiken | csv>[?item=<id>&item=…]: a set's items for an LMS. */
export const GET = teacherRoute<RouteContext<'/api/v1/teach/sets/[id]/questions/[format]'>>(
  () => new AppError('unauthorized', 'Sign in as a teacher to export questions.'),
  async ({ request, params, teacher }) =>
    downloadResponse(
      await teacherSetExport(teacher, {
        format: parseOrThrow(formatSchema, params.format, ['format']),
        setId: params.id,
        chosen: new URL(request.url).searchParams.getAll('item'),
        origin: await requestOrigin(),
      }),
    ),
);
