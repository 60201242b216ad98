import 'server-only';
import { refused, sentence, type FormState } from '@/lib/forms/form-state';
import { AppError } from './errors';

/**
 * A refused form from an AppError: beside its field when it names one the form shows (`fields`;
 * any field when omitted), else as the form's message. Other errors are bugs and are rethrown.
 */
export function formStateFrom(error: unknown, values: Record<string, string>, fields?: readonly string[]): FormState {
  if (!(error instanceof AppError)) throw error;
  const field = error.path[0] === undefined ? undefined : String(error.path[0]);
  const shown = field !== undefined && (!fields || fields.includes(field));
  return refused(values, { [shown ? field : 'form']: sentence(error.detail) });
}
