'use client';

import dynamic from 'next/dynamic';
import type { ReviewQueue } from '@/lib/review/types';
import type { NextSteps } from './session-summary';

// The session reads localStorage and the clock from its first render, so it renders in the
// browser only.
const ReviewSession = dynamic(() => import('./review-session'), {
  ssr: false,
  loading: () => <p className="text-muted">Loading your cards…</p>,
});

export function ReviewSessionLoader(props: { initial: ReviewQueue; typeAnswers: boolean; assignmentId?: string; next: NextSteps }) {
  return <ReviewSession {...props} />;
}
