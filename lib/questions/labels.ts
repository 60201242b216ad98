import type { ItemType } from './schema';

/** How each item type is named to learners. */
export const TYPE_LABELS: Record<ItemType, { one: string; many: string }> = {
  single: { one: 'single choice', many: 'single choice' },
  multiple: { one: 'multiple select', many: 'multiple select' },
  truefalse: { one: 'true or false', many: 'true or false' },
  typed: { one: 'typed answer', many: 'typed answers' },
  numeric: { one: 'number', many: 'numbers' },
  ordering: { one: 'ordering', many: 'ordering' },
  matching: { one: 'matching', many: 'matching' },
  card: { one: 'flashcard', many: 'flashcards' },
};
