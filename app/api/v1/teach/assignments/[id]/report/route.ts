import { NextResponse } from 'next/server';
import { teacherRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { assignmentReport } from '@/server/reports';

/** The live report the teacher's page polls; 404 for anyone but the assignment's teacher. */
export const GET = teacherRoute<RouteContext<'/api/v1/teach/assignments/[id]/report'>>(
  () => notFound('That assignment'),
  async ({ params, teacher }) =>
    NextResponse.json(await assignmentReport(teacher, params.id), { headers: { 'cache-control': 'no-store' } }),
);
