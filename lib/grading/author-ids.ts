import { authorIdMaps, type QuizItem } from '@/lib/quiz/present';
import type { MatchingResponse, MultipleResponse, OrderingResponse, QuizResponse, SingleResponse } from './response';

/**
 * A response rewritten from the ids its presentation showed (opaque, per seed) to the author's
 * ids, so that grading and describing compare with the question file alone. An id the
 * presentation did not show becomes `?<id>`, which no author id can equal ('?' is not allowed in
 * ids): an author id sent instead of the id shown scores nothing, even without parseResponseFor.
 */
export const UNSHOWN = '?';
export function toAuthorIds(item: QuizItem, response: QuizResponse, seed: string): QuizResponse {
  const { choices, lefts } = authorIdMaps(item, seed);
  const author = (id: string) => choices.get(id) ?? UNSHOWN + id;
  switch (item.type) {
    case 'single':
      return 'choice' in response ? ({ choice: author((response as SingleResponse).choice) } satisfies SingleResponse) : response;
    case 'multiple':
      return 'choices' in response
        ? ({ choices: (response as MultipleResponse).choices.map(author) } satisfies MultipleResponse)
        : response;
    case 'ordering':
      return 'order' in response ? ({ order: (response as OrderingResponse).order.map(author) } satisfies OrderingResponse) : response;
    case 'matching': {
      if (!('pairs' in response)) return response;
      const pairs = Object.entries((response as MatchingResponse).pairs).map(
        ([left, right]) => [lefts.get(left) ?? UNSHOWN + left, author(right)] as const,
      );
      return { pairs: Object.fromEntries(pairs) } satisfies MatchingResponse;
    }
    default:
      return response;
  }
}

/** The inverse of toAuthorIds: a response in author ids as the browser would send it (tests, simulated students). */
export function toPublicIds(item: QuizItem, response: QuizResponse, seed: string): QuizResponse {
  const { choices, lefts } = authorIdMaps(item, seed);
  const invert = (map: ReadonlyMap<string, string>) => new Map([...map].map(([publicId, authorId]) => [authorId, publicId]));
  const choice = invert(choices);
  const left = invert(lefts);
  const shown = (id: string) => choice.get(id) ?? id;
  switch (item.type) {
    case 'single':
      return 'choice' in response ? { choice: shown((response as SingleResponse).choice) } : response;
    case 'multiple':
      return 'choices' in response ? { choices: (response as MultipleResponse).choices.map(shown) } : response;
    case 'ordering':
      return 'order' in response ? { order: (response as OrderingResponse).order.map(shown) } : response;
    case 'matching': {
      if (!('pairs' in response)) return response;
      return {
        pairs: Object.fromEntries(Object.entries((response as MatchingResponse).pairs).map(([l, r]) => [left.get(l) ?? l, shown(r)])),
      };
    }
    default:
      return response;
  }
}
