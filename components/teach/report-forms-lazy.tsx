'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import type { ResetPersonalCodeForm } from './reset-personal-code-form';
import type { RosterManager } from './roster-manager';
import type { SettingsForm } from './settings-form';

// The assignment report's forms sit in a closed <details> or below the live report: their code
// loads when the page renders them, not with the page's first chunk. The server renders them; each
// has its own Suspense boundary so the rest of the page (the live report) hydrates without waiting
// for their code, and the three load side by side.
const Settings = lazy(() => import('./settings-form').then((m) => ({ default: m.SettingsForm })));
const Roster = lazy(() => import('./roster-manager').then((m) => ({ default: m.RosterManager })));
const ResetCode = lazy(() => import('./reset-personal-code-form').then((m) => ({ default: m.ResetPersonalCodeForm })));

export function SettingsFormLazy(props: ComponentProps<typeof SettingsForm>) {
  return (
    <Suspense fallback={null}>
      <Settings {...props} />
    </Suspense>
  );
}

export function RosterManagerLazy(props: ComponentProps<typeof RosterManager>) {
  return (
    <Suspense fallback={null}>
      <Roster {...props} />
    </Suspense>
  );
}

export function ResetPersonalCodeFormLazy(props: ComponentProps<typeof ResetPersonalCodeForm>) {
  return (
    <Suspense fallback={null}>
      <ResetCode {...props} />
    </Suspense>
  );
}
