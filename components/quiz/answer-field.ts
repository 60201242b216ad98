/** A text or number answer box, and a matching question's select. */
export const answerField =
  'min-h-12 w-full rounded-lg border border-border bg-surface px-3 py-2 text-lg text-text placeholder:text-muted disabled:opacity-80';
