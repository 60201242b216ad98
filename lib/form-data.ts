/**
 * A form field, or null when the argument is not a form at all: a server action can be called by
 * hand with any arguments, and a missing field already gets a clear refusal, never a 500.
 */
export function formField(form: unknown, name: string): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null;
}

/** Every value of a repeated form field, or none when the argument is not a form. */
export function formFields(form: unknown, name: string): FormDataEntryValue[] {
  return form instanceof FormData ? form.getAll(name) : [];
}
