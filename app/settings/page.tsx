import type { Metadata } from 'next';
import Link from 'next/link';
import { FlashcardDownloads } from '@/components/interop/flashcard-downloads';
import { ResumeLink } from '@/components/settings/resume-link';
import { SettingsForm } from '@/components/settings/settings-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { currentLearner } from '@/server/session';
import { createResumeLinkAction, saveSettingsAction, signOutOtherDevicesAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: PageProps<'/settings'>) {
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  const deleted = (await searchParams).deleted === '1';
  const timeZones = Intl.supportedValuesOf('timeZone');
  if (!timeZones.includes(learner.timeZone)) timeZones.unshift(learner.timeZone);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1>Settings</h1>
      {deleted ? <Alert tone="success">Your data has been deleted from this server. This browser now starts afresh.</Alert> : null}
      <Card>
        <h2 className="mb-4">Studying</h2>
        <SettingsForm
          action={saveSettingsAction}
          timeZones={timeZones}
          values={{
            displayName: learner.displayName ?? '',
            timeZone: learner.timeZone,
            desiredRetention: learner.desiredRetention,
            newPerDay: learner.newPerDay,
            reviewsPerDay: learner.reviewsPerDay,
            typeAnswers: learner.typeAnswers,
          }}
        />
      </Card>
      <Card className="space-y-3">
        <h2>Use Passage on another device</h2>
        <p className="text-muted">No account needed: a one-time link signs your other browser in to this same progress.</p>
        <ResumeLink createLink={createResumeLinkAction} signOutOthers={signOutOtherDevicesAction} />
      </Card>
      <Card>
        <FlashcardDownloads heading="h2" />
      </Card>
      <Card className="space-y-3">
        <h2>Your data</h2>
        <p className="text-muted">Download everything Passage stores about you, or delete it.</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="/api/v1/me/export/reviews.csv" download>
              Reviews (CSV, the columns FSRS optimizers read)
            </a>
          </li>
          <li>
            <a href="/api/v1/me/export/answers.csv" download>
              Quiz answers (CSV)
            </a>
          </li>
          <li>
            <a href="/api/v1/me/export/passage-data.json" download>
              Everything (JSON)
            </a>
          </li>
        </ul>
        <p>
          <Link href="/settings/delete" className="font-medium text-danger">
            Delete my data…
          </Link>
        </p>
      </Card>
    </div>
  );
}
