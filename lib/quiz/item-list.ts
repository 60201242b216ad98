import { z } from 'zod';
import { idSchema } from '../questions/schema';

/** `?items=a,b,c` from a URL: unique, valid ids in the given order, or null when absent or bad. */
export const itemListParam = z
  .string()
  .max(5000)
  .transform((value) => [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(idSchema).min(1).max(200));

export function parseItemList(value: unknown): string[] | null {
  const parsed = itemListParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
