import { backHtml, facesOf, frontHtml } from '../flashcard-faces';
import type { ExportContext, PortableItem } from '../portable';

/** One Anki note per Passage item, in a deck per set; the guid follows the item id so re-imports update. */
export interface AnkiNote {
  guid: string;
  front: string;
  back: string;
  tags: string[];
}

export interface AnkiDeck {
  name: string;
  notes: AnkiNote[];
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
const tag = (text: string) => text.replace(/\s+/g, '_');

export function ankiDeck(items: readonly PortableItem[], context: ExportContext): AnkiDeck {
  return {
    name: `Passage::${context.setTitle.replace(/::/g, ':')}`,
    notes: items.map((item) => {
      const faces = facesOf(item);
      return {
        guid: `passage-${item.id}`,
        front: oneLine(frontHtml(faces)),
        back: oneLine(backHtml(faces, context.link(item.id))),
        tags: [`passage::set::${tag(context.setId)}`, `passage::type::${item.type}`, ...(item.tags ?? []).map(tag)],
      };
    }),
  };
}
