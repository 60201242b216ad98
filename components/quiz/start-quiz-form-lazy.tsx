'use client';

import { lazy, type ComponentProps } from 'react';
import type { StartQuizForm } from './start-quiz-form';

const Form = lazy(() => import('./start-quiz-form').then((m) => ({ default: m.StartQuizForm })));

/**
 * The start form where a page shows it only in some states (the quiz's results, not its
 * questions): its code loads when it renders. No Suspense boundary of its own: the server renders
 * the form, and a client render keeps the previous screen until the code is in.
 */
export function StartQuizFormLazy(props: ComponentProps<typeof StartQuizForm>) {
  return <Form {...props} />;
}
