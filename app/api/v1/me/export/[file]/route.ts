import { NextResponse } from 'next/server';
import { z } from 'zod';
import { notFound, parseOrThrow } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { answersCsv, exportJson, reviewsCsv } from '@/server/my-data';
import { currentLearner } from '@/server/session';

const fileSchema = z.enum(['passage-data.json', 'reviews.csv', 'answers.csv'], {
  error: 'must be passage-data.json, reviews.csv or answers.csv',
});

/** GET /api/v1/me/export/<passage-data.json | reviews.csv | answers.csv>: the learner's own data. */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ file: string }> }) => {
  const file = parseOrThrow(fileSchema, (await params).file, ['file']);
  const learner = await currentLearner();
  if (!learner) throw notFound('Your data');
  const disposition = { 'content-disposition': `attachment; filename="${file}"` };
  if (file === 'passage-data.json') return NextResponse.json(await exportJson(learner), { headers: disposition });
  const csv = file === 'reviews.csv' ? await reviewsCsv(learner) : await answersCsv(learner);
  return new NextResponse(csv, { headers: { ...disposition, 'content-type': 'text/csv; charset=utf-8' } });
});
