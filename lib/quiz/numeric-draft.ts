import { parseNumber } from '../grading/numbers';
import type { DraftOf } from './draft';

/**
 * A numeric draft with its number read from what was typed. Apart from draft.ts so the number
 * reader (words, ordinals, separators) loads only with a numeric question's control.
 */
export function numericDraft(raw: string): DraftOf<'numeric'> {
  return { type: 'numeric', raw, value: raw.trim() ? parseNumber(raw) : null };
}
