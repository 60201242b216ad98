import { Alert } from '../ui/alert';
import { LocalTime } from '../ui/local-time';

/** Tells a self-study learner that some items are away for a class assignment, and when they return. */
export function WithheldNotice({ count, until, className }: { count: number; until: Date | null; className?: string }) {
  if (count === 0) return null;
  return (
    <div className={className}>
      <Alert tone="info" title={`${count} ${count === 1 ? 'item is' : 'items are'} away for a class assignment`}>
        {until ? (
          <>
            They return to self-study on <LocalTime iso={until} />.
          </>
        ) : (
          'They return to self-study when the teacher closes the assignment.'
        )}
      </Alert>
    </div>
  );
}
