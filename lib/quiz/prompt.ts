import type { PublicItem } from './present';

const SELECT_ALL = /select all that apply/i;

/** The line under a choice question's prompt, without repeating what the prompt already says. */
export function choiceHint(item: PublicItem): string | null {
  if (item.type !== 'single' && item.type !== 'multiple') return null;
  const keys = `keys 1 to ${item.options.length}`;
  if (item.type === 'single') return `Choose one; ${keys} pick an option.`;
  return SELECT_ALL.test(item.prompt)
    ? `Tick each one that applies; ${keys} tick or untick an option.`
    : `Select all that apply; ${keys} tick or untick an option.`;
}
