import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCHING, MULTIPLE, ORDERING, SINGLE } from '@/lib/quiz/fixtures';
import type { QuizItem } from '@/lib/quiz/present';
import { toAuthorIds, toPublicIds, UNSHOWN } from './author-ids';
import type { QuizResponse } from './response';

describe('toAuthorIds', () => {
  it('maps what a presentation showed back to author ids, and toPublicIds undoes it', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const authored: [QuizItem, QuizResponse][] = [
          [SINGLE, { choice: 'c' }],
          [MULTIPLE, { choices: ['a', 'd'] }],
          [ORDERING, { order: ['d', 'c', 'b', 'a'] }],
          [MATCHING, { pairs: { a: 'b', b: 'a', c: 'c' } }],
        ];
        for (const [item, response] of authored) {
          const shown = toPublicIds(item, response, seed);
          expect(JSON.stringify(shown)).not.toBe(JSON.stringify(response));
          expect(toAuthorIds(item, shown, seed)).toEqual(response);
        }
      }),
    );
  });

  it('marks ids that were not shown, so an author id sent as is never equals one', () => {
    expect(toAuthorIds(SINGLE, { choice: 'a' }, 'seed')).toEqual({ choice: `${UNSHOWN}a` });
    expect(toAuthorIds(MATCHING, { pairs: { a: 'a' } }, 'seed')).toEqual({ pairs: { [`${UNSHOWN}a`]: `${UNSHOWN}a` } });
  });

  it("depends on the seed: one seed's ids mean nothing under another", () => {
    const shown = toPublicIds(SINGLE, { choice: SINGLE.answer }, 'seed-1');
    expect(toAuthorIds(SINGLE, shown, 'seed-2')).not.toEqual({ choice: SINGLE.answer });
  });
});
