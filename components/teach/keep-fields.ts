import { startTransition, type FormEvent } from 'react';

/**
 * Submits a form to its action without React's reset afterwards. These forms hold state (the set,
 * the ticked items, the due date and zone) that a reset would put back to the defaults behind
 * React's back, so a refused form would send something other than what it shows. Without
 * JavaScript the form's `action` still submits it.
 */
export function keepFields(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}
