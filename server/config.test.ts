import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseFile, databaseTarget, newLearnersPerHour, signUpsPerHour } from './config';

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

describe('signUpsPerHour', () => {
  it('is 10 unless PASSAGE_SIGNUPS_PER_HOUR says otherwise', () => {
    expect(signUpsPerHour({ NODE_ENV: 'test' })).toBe(10);
    expect(signUpsPerHour({ NODE_ENV: 'test', PASSAGE_SIGNUPS_PER_HOUR: ' 200 ' })).toBe(200);
  });

  it('refuses a value that is not a whole number from 1 to 100000, naming the setting', () => {
    for (const raw of ['0', '-3', '2.5', 'lots', '1e9']) {
      expect(() => signUpsPerHour({ NODE_ENV: 'test', PASSAGE_SIGNUPS_PER_HOUR: raw })).toThrow(ConfigError);
      expect(() => signUpsPerHour({ NODE_ENV: 'test', PASSAGE_SIGNUPS_PER_HOUR: raw })).toThrow(/PASSAGE_SIGNUPS_PER_HOUR/);
    }
  });
});

describe('newLearnersPerHour', () => {
  it('is 1,000 unless PASSAGE_NEW_LEARNERS_PER_HOUR says otherwise', () => {
    expect(newLearnersPerHour({ NODE_ENV: 'test' })).toBe(1000);
    expect(newLearnersPerHour({ NODE_ENV: 'test', PASSAGE_NEW_LEARNERS_PER_HOUR: '1000000' })).toBe(1_000_000);
  });

  it('refuses a value that is not a whole number from 1 to 10000000, naming the setting', () => {
    for (const raw of ['0', '-3', '2.5', 'lots', '1e9']) {
      expect(() => newLearnersPerHour({ NODE_ENV: 'test', PASSAGE_NEW_LEARNERS_PER_HOUR: raw })).toThrow(/PASSAGE_NEW_LEARNERS_PER_HOUR/);
    }
  });
});
