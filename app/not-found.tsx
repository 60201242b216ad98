import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <h1>Page not found</h1>
      <p className="text-muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <ButtonLink href="/">Back to the sets</ButtonLink>
    </div>
  );
}
