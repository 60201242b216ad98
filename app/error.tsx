'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="max-w-xl space-y-4" role="alert">
      <h1>Something went wrong</h1>
      <p className="text-muted">
        Passage could not show this page. Your progress is safe. Try again, and if it keeps happening, tell whoever runs this server
        {error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
