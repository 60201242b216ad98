import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, databaseFile, databaseTarget } from './config';

// Read once per process and data folder: the sets API asks on every request.
const secretsByFile = new Map<string, string>();

/**
 * The server's secret: BETTER_AUTH_SECRET when set; otherwise a random secret made on first start
 * and kept beside the database (file `auth-secret`, mode 0600), so a self-hosted install is secure
 * with no configuration. Every process on the same data folder reads the same secret.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (databaseTarget().provider === 'postgresql') {
    // Instances on several machines must sign with one secret; a file per machine would not be.
    throw new ConfigError('DATABASE_URL names a PostgreSQL server: set BETTER_AUTH_SECRET, the same on every instance');
  }
  const file = path.join(path.dirname(databaseFile()), 'auth-secret');
  const known = secretsByFile.get(file);
  if (known) return known;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  secretsByFile.set(file, secret);
  return secret;
}

/**
 * A secret for one purpose, derived from the server's secret (HMAC-SHA256), so that no value
 * derived from it can be turned back into the secret better-auth signs sessions with.
 */
export function derivedSecret(purpose: string): string {
  return createHmac('sha256', authSecret()).update(`passage:${purpose}`).digest('base64url');
}
