import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { describe, expect, it } from 'vitest';
import { cookieValue } from '@/lib/http/cookie';

const headers = [
  null,
  '',
  'passage_learner=abc',
  'a=1; passage_learner=abc; b=2',
  'a=1;passage_learner=abc',
  'passage_learner=first; passage_learner=second',
  'passage_learner=ok; passage_learner=%E0%A4%A',
  'passage_learner=%41b',
  'passage_learner',
  'xpassage_learner=abc; passage_learnerx=def',
  'passage_learner=a=b',
  ';; passage_learner=abc ;',
];

describe('cookieValue', () => {
  it.each(headers)('reads %j as Next does', (header) => {
    const next = header === null ? null : (new RequestCookies(new Headers({ cookie: header })).get('passage_learner')?.value ?? null);
    expect(cookieValue(header, 'passage_learner')).toBe(next);
  });
});
