import 'server-only';
import { notFound } from 'next/navigation';
import { idSchema } from '@/lib/questions/schema';
import { AppError } from './errors';
import { findSet } from './sets';

/** For pages: a 404 from the data layer renders the not-found page; anything else propagates. */
export async function or404<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** The live set a route's `[id]` names, or the not-found page. */
export async function setOr404(params: Promise<{ id: string }>) {
  const parsed = idSchema.safeParse((await params).id);
  const set = parsed.success ? await findSet(parsed.data) : null;
  if (!set) notFound();
  return set;
}
