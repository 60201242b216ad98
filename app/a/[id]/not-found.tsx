import { ButtonLink } from '@/components/ui/button';

/** A missing assignment: a mistyped link, or one the teacher has deleted. */
export default function AssignmentNotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <h1>Assignment not found</h1>
      <p className="text-muted">
        There is no assignment at this address. The link may be mistyped, or your teacher may have deleted it. Enter the join code your
        teacher gave you instead.
      </p>
      <ButtonLink href="/join">Enter a join code</ButtonLink>
    </div>
  );
}
