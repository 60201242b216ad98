/**
 * The one shape every form's server action returns, and the helpers that build it. A refused form
 * keeps what the user typed (`values`) and shows each problem once: beside its field when it has
 * one, otherwise as the form's message.
 */
export interface FormState {
  /** null before the first submit. */
  ok: boolean | null;
  /** A message about the whole form (success, or a refusal that belongs to no field). */
  message: string | null;
  /** One full sentence per field, keyed by the field's name. */
  fieldErrors: Record<string, string>;
  /** What the user submitted, to put back into the fields (passwords are never sent back). */
  values: Record<string, string>;
}

export const EMPTY_FORM: FormState = { ok: null, message: null, fieldErrors: {}, values: {} };

/** Fields whose value never travels back to the browser. */
const SECRET = /password|secret|token/i;

/** The submitted text fields, minus secrets and Next's own `$ACTION_` fields. */
export function submittedValues(formData: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  // A server action called by hand may get anything: only a real form has values to echo.
  if (!(formData instanceof FormData)) return values;
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION') || SECRET.test(name) || name in values) continue;
    values[name] = value.slice(0, 1000);
  }
  return values;
}

/** Starts with a capital and ends with a full stop (or the question or exclamation mark it has). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.?!…”"]$/.test(capital) ? capital : `${capital}.`;
}

/** The first problem of each top-level field, as a sentence (zod's issues, or anything shaped like them). */
export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= sentence(issue.message);
  return out;
}

/**
 * A refusal. Problems with a field go beside it (a `form` entry becomes the message instead);
 * `summary` is an optional line above the button that adds something the field errors do not say.
 */
export function refused(values: Record<string, string>, fieldErrors: Record<string, string>, summary: string | null = null): FormState {
  const { form, ...fields } = fieldErrors;
  return { ok: false, message: form ? sentence(form) : summary && sentence(summary), fieldErrors: fields, values };
}

export function succeeded(message: string, values: Record<string, string> = {}): FormState {
  return { ok: true, message: sentence(message), fieldErrors: {}, values };
}
