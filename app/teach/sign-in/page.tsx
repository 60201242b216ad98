import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/teach/auth-form';
import { currentTeacher } from '@/server/auth';
import { signInAction } from '../actions';

export const metadata: Metadata = { title: 'Teacher sign in' };

export default async function SignInPage() {
  if (await currentTeacher()) redirect('/teach');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>Teacher sign in</h1>
      <AuthForm mode="sign-in" action={signInAction} />
      <p>
        New here? <Link href="/teach/sign-up">Create a teacher account</Link>. Students need no account: they join with a link or code.
      </p>
    </div>
  );
}
