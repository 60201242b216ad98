import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSettings, ConfigError, databaseFile, databaseTarget, newLearnersPerHour, signUpsPerHour } from './config';

const env = (url?: string): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...(url === undefined ? {} : { DATABASE_URL: url }) });

describe('databaseTarget', () => {
  it('is the SQLite file by default and for file: URLs', () => {
    expect(databaseTarget(env())).toEqual({ provider: 'sqlite', file: path.resolve('data/passage.db') });
    expect(databaseTarget(env('file:./x/y.db'))).toEqual({ provider: 'sqlite', file: path.resolve('x/y.db') });
  });

  it('is PostgreSQL for postgresql:// and postgres:// URLs', () => {
    for (const url of ['postgresql://u:p@db:5432/passage', 'postgres://u@db/passage']) {
      expect(databaseTarget(env(url))).toEqual({ provider: 'postgresql', url });
    }
  });

  it('refuses other URLs without echoing a password', () => {
    expect(() => databaseTarget(env('mysql://root:secret@db/passage'))).toThrow(/"file:" URL .* or a "postgresql:\/\/" URL/);
    expect(() => databaseTarget(env('mysql://root:secret@db/passage'))).not.toThrow(/secret/);
    expect(() => databaseFile(env('postgresql://db/passage'))).toThrow(/PostgreSQL server/);
  });
});

describe.each([
  { read: signUpsPerHour, name: 'PASSAGE_SIGNUPS_PER_HOUR', fallback: 10, set: ' 200 ', value: 200, max: 100_000 },
  { read: newLearnersPerHour, name: 'PASSAGE_NEW_LEARNERS_PER_HOUR', fallback: 1000, set: '1000000', value: 1_000_000, max: 10_000_000 },
])('$name', ({ read, name, fallback, set, value, max }) => {
  it(`is ${fallback} unless set`, () => {
    expect(read({ NODE_ENV: 'test' })).toBe(fallback);
    expect(read({ NODE_ENV: 'test', [name]: set })).toBe(value);
  });

  it(`refuses a value that is not a whole number from 1 to ${max}, naming the setting`, () => {
    for (const raw of ['0', '-3', '2.5', 'lots', '1e9', String(max + 1)]) {
      expect(() => read({ NODE_ENV: 'test', [name]: raw })).toThrow(ConfigError);
      expect(() => read({ NODE_ENV: 'test', [name]: raw })).toThrow(new RegExp(name));
    }
  });
});

describe('checkSettings', () => {
  it('passes the defaults and names a wrong setting, so the server stops at start rather than failing requests', () => {
    expect(() => checkSettings({ NODE_ENV: 'test' })).not.toThrow();
    expect(() => checkSettings({ NODE_ENV: 'test', PASSAGE_NEW_LEARNERS_PER_HOUR: 'lots' })).toThrow(/PASSAGE_NEW_LEARNERS_PER_HOUR/);
    expect(() => checkSettings({ NODE_ENV: 'test', PASSAGE_SIGNUPS_PER_HOUR: '0' })).toThrow(/PASSAGE_SIGNUPS_PER_HOUR/);
  });
});
