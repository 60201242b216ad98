'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/teach/form-state';
import { createAssignment, deleteAssignment, duplicateAssignment, setClosed, setDueDate } from '@/server/assignments';
import { currentTeacher, getAuth } from '@/server/auth';
import { AppError } from '@/server/errors';
import { clientAddress, limitFailures } from '@/server/rate-limits';
import { removeStudent, renameStudent, resetStudentAttempts, setRosterLocked } from '@/server/roster';

const email = z.string().trim().toLowerCase().email({ error: 'must be an email address' }).max(200);
const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
  email,
  password: z.string().min(10, { error: 'must be at least 10 characters' }).max(128, { error: 'must be at most 128 characters' }),
});
const signInSchema = z.object({ email, password: z.string().min(1, { error: 'is required' }).max(128) });

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}

const failed = (message: string, errors: Record<string, string> = {}): FormState => ({ ok: false, message, fieldErrors: errors });

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed('Check the highlighted fields.', fieldErrors(parsed.error));
  try {
    const auth = await getAuth();
    const requestHeaders = await headers();
    await limitFailures('signUp', await clientAddress(), async () => {
      try {
        await auth.api.signUpEmail({ body: parsed.data, headers: requestHeaders });
      } catch (error) {
        const message = (error as { body?: { message?: string } }).body?.message ?? 'Could not create the account.';
        throw new AppError('invalid_input', /exist/i.test(message) ? 'An account with that email already exists; sign in instead.' : message);
      }
    });
  } catch (error) {
    if (error instanceof AppError) return failed(error.message);
    throw error;
  }
  redirect('/teach');
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed('Check the highlighted fields.', fieldErrors(parsed.error));
  try {
    const auth = await getAuth();
    const requestHeaders = await headers();
    await limitFailures('signIn', `${await clientAddress()}:${parsed.data.email}`, async () => {
      try {
        await auth.api.signInEmail({ body: parsed.data, headers: requestHeaders });
      } catch {
        throw new AppError('unauthorized', 'That email and password do not match an account.');
      }
    });
  } catch (error) {
    if (error instanceof AppError) return failed(error.message);
    throw error;
  }
  redirect('/teach');
}

export async function signOutAction(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect('/teach/sign-in');
}

async function requireTeacher() {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  return teacher;
}

export async function createAssignmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  const teacher = await requireTeacher();
  const input = {
    title: String(formData.get('title') ?? ''),
    setId: String(formData.get('setId') ?? ''),
    itemIds: formData.getAll('itemIds').map(String),
    mode: String(formData.get('mode') ?? ''),
    dueLocal: String(formData.get('dueLocal') ?? ''),
    timeZone: String(formData.get('timeZone') ?? ''),
    attemptsAllowed: String(formData.get('attemptsAllowed') ?? ''),
    shuffle: formData.get('shuffle') === 'on',
    reveal: String(formData.get('reveal') ?? ''),
    lateWork: String(formData.get('lateWork') ?? ''),
    mastery: formData.get('mastery') === 'on',
    security: String(formData.get('security') ?? 'practice'),
  };
  let id: string;
  try {
    ({ id } = await createAssignment(teacher, input));
  } catch (error) {
    if (error instanceof AppError) return failed(error.message, { [String(error.path[0] ?? 'form')]: error.message.replace(/^[^:]+: /, '') });
    throw error;
  }
  redirect(`/teach/assignments/${id}`);
}

const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

async function withAssignment(formData: FormData, run: (teacher: Awaited<ReturnType<typeof requireTeacher>>, id: string) => Promise<void>): Promise<string> {
  const teacher = await requireTeacher();
  const id = idField.safeParse(formData.get('assignmentId'));
  if (!id.success) redirect('/teach');
  try {
    await run(teacher, id.data);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) redirect('/teach');
    throw error;
  }
  revalidatePath('/teach');
  return id.data;
}

export async function setClosedAction(formData: FormData): Promise<void> {
  const id = await withAssignment(formData, (teacher, id) => setClosed(teacher, id, formData.get('closed') === 'true'));
  redirect(`/teach/assignments/${id}`);
}

export async function setDueDateAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await withAssignment(formData, (teacher, id) => setDueDate(teacher, id, { dueLocal: String(formData.get('dueLocal') ?? ''), timeZone: String(formData.get('timeZone') ?? '') }));
  } catch (error) {
    if (error instanceof AppError) return failed(error.message);
    throw error;
  }
  return { ok: true, message: 'Due date saved.', fieldErrors: {} };
}

export async function duplicateAction(formData: FormData): Promise<void> {
  let copy = '';
  await withAssignment(formData, async (teacher, id) => {
    copy = (await duplicateAssignment(teacher, id)).id;
  });
  redirect(`/teach/assignments/${copy}`);
}

export async function deleteAction(formData: FormData): Promise<void> {
  if (formData.get('confirm') !== 'delete') redirect(`/teach/assignments/${String(formData.get('assignmentId'))}/delete?error=confirm`);
  await withAssignment(formData, (teacher, id) => deleteAssignment(teacher, id));
  redirect('/teach?deleted=1');
}

export async function setRosterLockedAction(formData: FormData): Promise<void> {
  const id = await withAssignment(formData, (teacher, id) => setRosterLocked(teacher, id, formData.get('locked') === 'true'));
  redirect(`/teach/assignments/${id}`);
}

/** Runs one roster action and answers with a message for the row (errors in words, never a 500). */
async function rosterAction(formData: FormData, run: (teacher: Awaited<ReturnType<typeof requireTeacher>>, id: string, studentId: unknown) => Promise<string>): Promise<FormState> {
  let message = '';
  try {
    await withAssignment(formData, async (teacher, id) => {
      message = await run(teacher, id, formData.get('studentId'));
    });
  } catch (error) {
    if (error instanceof AppError) return failed(error.message.replace(/^\w+: /, ''), { [String(error.path[0] ?? 'form')]: error.message.replace(/^\w+: /, '') });
    throw error;
  }
  revalidatePath(`/teach/assignments/${String(formData.get('assignmentId'))}`);
  return { ok: true, message, fieldErrors: {} };
}

export async function renameStudentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return rosterAction(formData, async (teacher, id, studentId) => `Renamed to “${(await renameStudent(teacher, id, studentId, formData.get('nickname'))).nickname}”.`);
}

export async function resetAttemptsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return rosterAction(formData, async (teacher, id, studentId) => {
    const { reset } = await resetStudentAttempts(teacher, id, studentId);
    return reset === 0 ? 'There was no attempt to reset.' : `${reset} ${reset === 1 ? 'attempt' : 'attempts'} reset; they stay in the report, marked reset.`;
  });
}

export async function removeStudentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return rosterAction(formData, async (teacher, id, studentId) => `Removed “${(await removeStudent(teacher, id, studentId)).nickname}” and their work.`);
}
