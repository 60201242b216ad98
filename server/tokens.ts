import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** 128 bits of randomness, URL-safe: for ids that appear in URLs and must not be guessable. */
export const randomId = () => randomBytes(16).toString('base64url');

/** 256-bit bearer secret. Only its hash is ever stored. */
export const randomToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
