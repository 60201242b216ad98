import 'server-only';
import { z } from 'zod';

/** An id the client makes up for a write (answerId, reviewId), so that a resend is recognised. */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be 8–64 letters, digits, "-" or "_" (a UUID works)' });
