import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { deleteMyDataAction } from '../actions';

export const metadata: Metadata = { title: 'Delete my data' };

export default async function DeletePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const missingConfirm = (await searchParams).error === 'confirm';
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <h1>Delete my data</h1>
      <p>
        This removes your cards, every review, your quiz answers and your settings from this server, on every device. It cannot be
        undone. Download your data first if you may want it.
      </p>
      {missingConfirm ? <Alert tone="danger">Tick the box to confirm; nothing was deleted.</Alert> : null}
      <form action={deleteMyDataAction} className="space-y-4">
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="confirm" value="delete" required className="size-5" />
          <span>I understand that my progress will be gone for good.</span>
        </label>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass('danger')}>
            Delete everything
          </button>
          <Link href="/settings" className={buttonClass('secondary')}>
            Keep my data
          </Link>
        </div>
      </form>
    </div>
  );
}
