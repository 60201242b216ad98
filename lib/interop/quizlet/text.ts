import { backText, facesOf, frontText } from '../flashcard-faces';
import type { PortableItem } from '../portable';

/**
 * What Quizlet's "Import" box takes with its default settings: a tab between term and definition,
 * one card per line. Neither side may hold a tab or a line break, so each is flattened to one line.
 */
export function quizletText(items: readonly PortableItem[]): string {
  return (
    items
      .map((item) => {
        const faces = facesOf(item);
        return `${frontText(faces)}\t${backText(faces)}`;
      })
      .join('\n') + '\n'
  );
}
