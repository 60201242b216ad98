import type { FeedbackData } from './feedback-panel';

interface AttemptItems {
  current: number | null;
  items: { item: { id: string }; answered: boolean; feedback: FeedbackData | null }[];
}

/** After a 409: the answer another tab or device gave to this question, or null if it has none. */
export async function answeredElsewhere(
  attemptId: string,
  itemId: string,
): Promise<{ feedback: FeedbackData | null; finished: boolean } | null> {
  const res = await fetch(`/api/v1/attempts/${attemptId}`, { cache: 'no-store' }).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json().catch(() => null)) as AttemptItems | null;
  const entry = body?.items.find((i) => i.item.id === itemId);
  return entry?.answered ? { feedback: entry.feedback, finished: body!.current === null } : null;
}
