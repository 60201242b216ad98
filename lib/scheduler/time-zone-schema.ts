import { z } from 'zod';
import { isValidTimeZone } from './day';

// Apart from day.ts, so that the pages' client code checking a zone does not ship zod.
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, { error: 'Choose a time zone such as Europe/London.' });
