export interface FormState {
  ok: boolean | null;
  message: string | null;
  fieldErrors: Record<string, string>;
}

export const EMPTY_FORM: FormState = { ok: null, message: null, fieldErrors: {} };
