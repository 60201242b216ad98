import { NextResponse } from 'next/server';
import { currentTeacher } from '@/server/auth';
import { apiRoute } from '@/server/http';
import { assignmentCsv } from '@/server/reports';

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { filename, csv } = await assignmentCsv(await currentTeacher(), (await params).id);
  return new NextResponse(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
