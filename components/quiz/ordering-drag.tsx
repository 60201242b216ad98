'use client';

import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, ReactNode } from 'react';

/** What a row needs from the drag library: its node, its handle, its moving style. */
export interface RowDrag {
  setNodeRef: (el: HTMLElement | null) => void;
  setActivatorNodeRef: (el: HTMLElement | null) => void;
  listeners: Record<string, (event: never) => void> | undefined;
  style: CSSProperties;
  dragging: boolean;
}
export type RowRender = (id: string, index: number, drag: RowDrag | null) => ReactNode;

export interface OrderingDragProps {
  ids: string[];
  labelledBy: string;
  renderRow: RowRender;
  textOf: (id: string) => string;
  onMove: (from: number, to: number) => void;
}

function SortableRow({ id, index, renderRow }: { id: string; index: number; renderRow: RowRender }) {
  const sortable = useSortable({ id });
  return renderRow(id, index, {
    setNodeRef: sortable.setNodeRef,
    setActivatorNodeRef: sortable.setActivatorNodeRef,
    listeners: sortable.listeners as RowDrag['listeners'],
    style: { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition },
    dragging: sortable.isDragging,
  });
}

/** Pointer and touch dragging for an ordering question (dnd-kit); keys are handled by the rows. */
export function OrderingDrag({ ids, labelledBy, renderRow, textOf, onMove }: OrderingDragProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const position = (id: string | number) => ids.indexOf(String(id)) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: 'Press the up and down arrow keys to move this entry.' },
        announcements: {
          onDragStart: ({ active }) => `Picked up “${textOf(String(active.id))}”.`,
          onDragOver: ({ active, over }) => (over ? `“${textOf(String(active.id))}” is over position ${position(over.id)}.` : undefined),
          onDragEnd: ({ active, over }) =>
            over ? `Dropped “${textOf(String(active.id))}” at position ${position(over.id)}.` : `Dropped “${textOf(String(active.id))}”.`,
          onDragCancel: ({ active }) => `Put “${textOf(String(active.id))}” back.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-labelledby={labelledBy} className="space-y-2">
          {ids.map((id, index) => (
            <SortableRow key={id} id={id} index={index} renderRow={renderRow} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
