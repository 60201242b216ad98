'use server';

import { formField, formFields } from '@/lib/form-data';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fieldErrorsFrom, refused, submittedValues, succeeded, type FormState } from '@/lib/forms/form-state';
import { createAssignment, deleteAssignment, duplicateAssignment, setClosed, updateAssignmentSettings } from '@/server/assignments';
import { getAuth, type TeacherRef } from '@/server/auth';
import { teacherAction } from '@/server/callers';
import { AppError } from '@/server/errors';
import { formStateFrom } from '@/server/form-errors';
import { clientAddressOf } from '@/server/rate-limits';
import { removeStudent, renameStudent, resetStudentAttempts, setRosterLocked } from '@/server/roster';
import { CLIENT_ADDRESS_HEADER, limitedSignIn, limitedSignUp, signInInput, signUpInput } from '@/server/teacher-auth';
import { ROW_ID } from '@/lib/row-id';

/** The request's headers as better-auth should see them: with the client address Passage determined. */
async function authHeaders(): Promise<{ headers: Headers; client: string }> {
  const requestHeaders = await headers();
  const client = clientAddressOf(requestHeaders);
  const forwarded = new Headers(requestHeaders);
  forwarded.set(CLIENT_ADDRESS_HEADER, client);
  return { headers: forwarded, client };
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const parsed = signUpInput.safeParse({
    name: formField(formData, 'name'),
    email: formField(formData, 'email'),
    password: formField(formData, 'password'),
  });
  if (!parsed.success) return refused(values, fieldErrorsFrom(parsed.error));
  try {
    const auth = await getAuth();
    const { headers: forwarded, client } = await authHeaders();
    await limitedSignUp(client, () => auth.api.signUpEmail({ body: parsed.data, headers: forwarded }));
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect('/teach');
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const parsed = signInInput.safeParse({ email: formField(formData, 'email'), password: formField(formData, 'password') });
  if (!parsed.success) return refused(values, fieldErrorsFrom(parsed.error));
  try {
    const auth = await getAuth();
    const { headers: forwarded, client } = await authHeaders();
    await limitedSignIn(client, parsed.data.email, () => auth.api.signInEmail({ body: parsed.data, headers: forwarded }));
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect('/teach');
}

export async function signOutAction(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect('/teach/sign-in');
}

export const createAssignmentAction = teacherAction(async (teacher, _state: FormState, formData: FormData): Promise<FormState> => {
  const input = {
    title: String(formField(formData, 'title') ?? ''),
    setId: String(formField(formData, 'setId') ?? ''),
    itemIds: formFields(formData, 'itemIds').map(String),
    mode: String(formField(formData, 'mode') ?? ''),
    dueLocal: String(formField(formData, 'dueLocal') ?? ''),
    timeZone: String(formField(formData, 'timeZone') ?? ''),
    attemptsAllowed: String(formField(formData, 'attemptsAllowed') ?? ''),
    shuffle: formField(formData, 'shuffle') === 'on',
    reveal: String(formField(formData, 'reveal') ?? ''),
    lateWork: String(formField(formData, 'lateWork') ?? ''),
    mastery: formField(formData, 'mastery') === 'on',
    security: String(formField(formData, 'security') ?? 'practice'),
    allowPastDue: formField(formData, 'allowPastDue') === 'on',
  };
  let id: string;
  try {
    ({ id } = await createAssignment(teacher, input));
  } catch (error) {
    return formStateFrom(error, submittedValues(formData), [
      'title',
      'setId',
      'dueLocal',
      'timeZone',
      'attemptsAllowed',
      'reveal',
      'lateWork',
    ]);
  }
  redirect(`/teach/assignments/${id}`);
});

const idField = z.string().regex(ROW_ID);

/** Runs `run` on the assignment the form names; a missing or foreign one goes back to the list. */
async function withAssignment(teacher: TeacherRef, formData: FormData, run: (id: string) => Promise<void>): Promise<string> {
  const id = idField.safeParse(formField(formData, 'assignmentId'));
  if (!id.success) redirect('/teach');
  try {
    await run(id.data);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) redirect('/teach');
    throw error;
  }
  revalidatePath('/teach');
  return id.data;
}

export const setClosedAction = teacherAction(async (teacher, formData: FormData): Promise<void> => {
  const id = await withAssignment(teacher, formData, (id) => setClosed(teacher, id, { closed: formField(formData, 'closed') === 'true' }));
  redirect(`/teach/assignments/${id}`);
});

export const updateSettingsAction = teacherAction(async (teacher, _state: FormState, formData: FormData): Promise<FormState> => {
  let effects: string[] = [];
  let id = '';
  try {
    id = await withAssignment(teacher, formData, async (assignmentId) => {
      ({ effects } = await updateAssignmentSettings(teacher, assignmentId, {
        title: String(formField(formData, 'title') ?? ''),
        dueLocal: String(formField(formData, 'dueLocal') ?? ''),
        timeZone: String(formField(formData, 'timeZone') ?? ''),
        reveal: String(formField(formData, 'reveal') ?? ''),
        lateWork: String(formField(formData, 'lateWork') ?? ''),
      }));
    });
  } catch (error) {
    return formStateFrom(error, submittedValues(formData), ['title', 'dueLocal', 'timeZone', 'reveal', 'lateWork']);
  }
  revalidatePath(`/teach/assignments/${id}`);
  return succeeded(['Changes saved.', ...effects].join(' '));
});

export const duplicateAction = teacherAction(async (teacher, formData: FormData): Promise<void> => {
  let copy = '';
  await withAssignment(teacher, formData, async (id) => {
    copy = (await duplicateAssignment(teacher, id)).id;
  });
  redirect(`/teach/assignments/${copy}`);
});

export const deleteAction = teacherAction(async (teacher, formData: FormData): Promise<void> => {
  if (formField(formData, 'confirm') !== 'delete')
    redirect(`/teach/assignments/${String(formField(formData, 'assignmentId'))}/delete?error=confirm`);
  await withAssignment(teacher, formData, (id) => deleteAssignment(teacher, id));
  redirect('/teach?deleted=1');
});

export const setRosterLockedAction = teacherAction(async (teacher, formData: FormData): Promise<void> => {
  const id = await withAssignment(teacher, formData, (id) =>
    setRosterLocked(teacher, id, { locked: formField(formData, 'locked') === 'true' }),
  );
  redirect(`/teach/assignments/${id}`);
});

/** Runs one roster action and answers with a message for the row (errors in words, never a 500). */
function rosterAction(run: (teacher: TeacherRef, id: string, studentId: unknown, formData: FormData) => Promise<string>) {
  return teacherAction(async (teacher, _state: FormState, formData: FormData): Promise<FormState> => {
    let message = '';
    try {
      await withAssignment(teacher, formData, async (id) => {
        message = await run(teacher, id, formField(formData, 'studentId'), formData);
      });
    } catch (error) {
      return formStateFrom(error, submittedValues(formData), ['nickname']);
    }
    revalidatePath(`/teach/assignments/${String(formField(formData, 'assignmentId'))}`);
    return succeeded(message);
  });
}

export const renameStudentAction = rosterAction(
  async (teacher, id, studentId, formData) =>
    `Renamed to “${(await renameStudent(teacher, id, { studentId: studentId, nickname: formField(formData, 'nickname') })).nickname}”.`,
);

export const resetAttemptsAction = rosterAction(async (teacher, id, studentId) => {
  const { reset } = await resetStudentAttempts(teacher, id, studentId);
  return reset === 0
    ? 'There was no attempt to reset.'
    : `${reset} ${reset === 1 ? 'attempt' : 'attempts'} reset; they stay in the report, marked reset.`;
});

export const removeStudentAction = rosterAction(
  async (teacher, id, studentId) => `Removed “${(await removeStudent(teacher, id, studentId)).nickname}” and their work.`,
);
