import type { Metadata } from 'next';
import { JoinCodeForm } from '@/components/classroom/join-code-form';
import { joinByCodeAction } from './actions';

export const metadata: Metadata = { title: 'Join a class' };

export default function JoinPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>Join a class</h1>
      <JoinCodeForm action={joinByCodeAction} />
    </div>
  );
}
