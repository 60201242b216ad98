import type { Metadata } from 'next';
import { RedeemForm } from '@/components/settings/redeem-form';
import { redeemResumeAction } from '../actions';

export const metadata: Metadata = { title: 'Resume on this device' };

// The code is spent by the button, not by opening the link, so link previews cannot use it up.
export default async function ResumePage({ params }: PageProps<'/resume/[code]'>) {
  const { code } = await params;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1>Continue on this device</h1>
      <p>This link signs this browser in to the progress of the device that made it. Anything this browser did before is set aside.</p>
      <RedeemForm code={code.slice(0, 64)} action={redeemResumeAction} />
    </div>
  );
}
