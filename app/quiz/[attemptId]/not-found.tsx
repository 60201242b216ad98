import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';

/** A missing attempt, another device's or another learner's: all look the same. */
export default function AttemptNotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <h1>Quiz not found</h1>
      <p className="text-muted">
        There is no quiz at this address for this device. A quiz belongs to the device that started it: on another device, bring your
        progress over with a resume link from Settings.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink href="/">Choose a set to quiz on</ButtonLink>
        <Link href="/settings">Settings</Link>
      </div>
    </div>
  );
}
