import { buttonClass } from '../ui/button';

/**
 * "Leave the class", with what it does said before the button: the work stays with the teacher,
 * and nothing more can be added. Works without JavaScript (a plain form to a server action).
 */
export function LeaveClassForm({
  assignmentId,
  title,
  returnTo,
  action,
}: {
  assignmentId: string;
  title: string;
  returnTo: 'assignment' | 'delete';
  action: (formData: FormData) => Promise<void>;
}) {
  const explanation = `leave-explained-${assignmentId}`;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <p id={explanation} className="text-sm">
        Your teacher keeps your nickname and every attempt you made in “{title}”. After leaving you cannot add to them, continue on another
        device, or join again for new attempts.
      </p>
      <button type="submit" className={buttonClass('secondary')} aria-describedby={explanation}>
        Leave “{title}”
      </button>
    </form>
  );
}
