import { TYPE_LABELS } from '@/lib/questions/labels';
import type { ItemType } from '@/lib/questions/schema';
import type { ReactNode } from 'react';

export interface SetCardProps {
  id: string;
  title: string;
  description: string;
  itemCount: number;
  typeCounts: Partial<Record<ItemType, number>>;
  href?: string;
  /** Extra lines at the foot of the card, such as a returning learner's status. */
  footer?: ReactNode;
}

export function SetCard({ title, description, itemCount, typeCounts, href, footer }: SetCardProps) {
  const types = Object.entries(typeCounts) as [ItemType, number][];
  return (
    <article className="flex h-full flex-col rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h3 className="text-lg font-semibold">
        {href ? (
          <a href={href} className="text-text no-underline hover:text-accent hover:underline">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p className="mt-2 flex-1 text-muted">{description}</p>
      <p className="mt-4 text-sm font-medium">
        {itemCount} {itemCount === 1 ? 'item' : 'items'}
      </p>
      <ul aria-label="Item types" className="mt-2 flex flex-wrap gap-1.5">
        {types.map(([type, count]) => (
          <li key={type} className="rounded-full bg-surface-muted px-2.5 py-0.5 text-xs text-muted">
            {count} {count === 1 ? TYPE_LABELS[type].one : TYPE_LABELS[type].many}
          </li>
        ))}
      </ul>
      {footer}
    </article>
  );
}
