import { NextResponse } from 'next/server';
import { teacherRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { assignmentCsv } from '@/server/reports';

export const GET = teacherRoute<RouteContext<'/api/v1/teach/assignments/[id]/export'>>(
  () => notFound('That assignment'),
  async ({ params, teacher }) => {
    const { filename, csv } = await assignmentCsv(teacher, params.id);
    return new NextResponse(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  },
);
