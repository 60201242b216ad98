import { z } from 'zod';

/** Whether the fields name a real calendar date and time (no 31 February, no 25:61). */
function isRealDateTime(local: string): boolean {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi));
  t.setUTCFullYear(y);
  return (
    y >= 2000 &&
    y <= 2200 &&
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi
  );
}

/** A wall-clock time as an <input type="datetime-local"> sends it, naming a real moment. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'must be a date and time like 2026-12-01T09:30' })
  .refine(isRealDateTime, { error: 'is not a real date and time (years 2000–2200)' });
