import { NextResponse } from 'next/server';
import { z } from 'zod';
import { learnerRoute } from '@/server/callers';
import { notFound, parseOrThrow } from '@/server/errors';
import { answersCsv, exportJson, reviewsCsv } from '@/server/my-data';

const fileSchema = z.enum(['passage-data.json', 'reviews.csv', 'answers.csv'], {
  error: 'must be passage-data.json, reviews.csv or answers.csv',
});

/** GET /api/v1/me/export/<passage-data.json | reviews.csv | answers.csv>: the learner's own data. */
export const GET = learnerRoute<RouteContext<'/api/v1/me/export/[file]'>>(
  () => notFound('Your data'),
  async ({ params, learner }) => {
    const file = parseOrThrow(fileSchema, params.file, ['file']);
    const disposition = { 'content-disposition': `attachment; filename="${file}"` };
    if (file === 'passage-data.json') return NextResponse.json(await exportJson(learner), { headers: disposition });
    const csv = file === 'reviews.csv' ? await reviewsCsv(learner) : await answersCsv(learner);
    return new NextResponse(csv, { headers: { ...disposition, 'content-type': 'text/csv; charset=utf-8' } });
  },
);
