import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/teach/auth-form';
import { currentTeacher } from '@/server/auth';
import { signUpAction } from '../actions';

export const metadata: Metadata = { title: 'Create a teacher account' };

export default async function SignUpPage() {
  if (await currentTeacher()) redirect('/teach');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>Create a teacher account</h1>
      <p className="text-muted">
        Set assignments from the question sets, share a link or code with your class, and watch the results arrive.
      </p>
      <AuthForm mode="sign-up" action={signUpAction} />
      <p>
        Already have an account? <Link href="/teach/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
