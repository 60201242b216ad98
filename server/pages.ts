import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';

/** For pages: a 404 from the data layer renders the not-found page; anything else propagates. */
export async function or404<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
