import { NextResponse } from 'next/server';
import { currentTeacher } from '@/server/auth';
import { apiRoute } from '@/server/http';
import { assignmentReport } from '@/server/reports';

/** The live report the teacher's page polls; 404 for anyone but the assignment's teacher. */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  NextResponse.json(await assignmentReport(await currentTeacher(), (await params).id), { headers: { 'cache-control': 'no-store' } }),
);
