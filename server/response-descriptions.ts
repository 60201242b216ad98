import 'server-only';
import { describeResponse } from '@/lib/grading/describe';
import type { QuizItem } from '@/lib/quiz/present';

// Describing a stored answer rebuilds its presentation (keyed HMAC ids per seed): most of a
// class report's cost. A stored answer never changes, so its words are kept, keyed by the item
// object (items.ts hands out a new one when content sync changes the item), its seed and its JSON.
const SEPARATOR = '\u001f';
const KEPT = 50_000;
const described = new Map<string, { item: QuizItem; text: string }>();

/** describeResponse of an answer as stored (its JSON text), remembered across reports. */
export function describeStoredResponse(item: QuizItem, storedResponse: string, seed: string): string {
  const key = item.id + SEPARATOR + seed + SEPARATOR + storedResponse;
  const known = described.get(key);
  if (known && known.item === item) return known.text;
  const text = describeResponse(item, JSON.parse(storedResponse), seed);
  if (!known && described.size >= KEPT) described.delete(described.keys().next().value!);
  described.set(key, { item, text });
  return text;
}
