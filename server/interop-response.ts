import 'server-only';
import { NextResponse } from 'next/server';
import type { ExportFile } from '@/lib/interop/portable';

/**
 * A download: the file, its name, and the items the format could not express in a header
 * (formats without comments, such as Aiken and Quizlet, can say it nowhere else).
 */
export function downloadResponse(file: ExportFile): NextResponse {
  const headers: Record<string, string> = {
    'content-type': file.mediaType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
    'x-passage-left-out': String(file.omitted.length),
  };
  if (file.omitted.length)
    headers['x-passage-left-out-items'] = file.omitted
      .map((o) => `${o.itemId} (${o.type})`)
      .join(', ')
      .slice(0, 4000);
  const body = typeof file.body === 'string' ? file.body : Buffer.from(file.body);
  return new NextResponse(body, { headers });
}
