'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { moveEntry } from '@/lib/quiz/draft';
import type { ControlProps } from './answer-controls';
import { Mark, markTone } from './marks';
import type { OrderingDragProps, RowRender } from './ordering-drag';

/**
 * Ordering: each entry's handle moves it with the arrow keys (Home and End to the ends); the drag
 * library (pointer and touch) is loaded only when an ordering question is on screen.
 */
export function OrderingControl({ item, draft, onChange, disabled, labelledBy, marks }: ControlProps) {
  const [Drag, setDrag] = useState<ComponentType<OrderingDragProps> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map<string, HTMLButtonElement>());
  // The drag library's rows replace the plain ones: the handle that had the focus gets it back.
  const focusedBeforeDrag = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('./ordering-drag').then((m) => {
      if (!live) return;
      focusedBeforeDrag.current = [...handles.current].find(([, el]) => el === document.activeElement)?.[0] ?? null;
      setDrag(() => m.OrderingDrag);
    });
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    if (Drag && focusedBeforeDrag.current) handles.current.get(focusedBeforeDrag.current)?.focus();
    focusedBeforeDrag.current = null;
  }, [Drag]);
  if (item.type !== 'ordering' || draft.type !== 'ordering') return null;
  const order = draft.order;
  const text = new Map(item.entries.map((e) => [e.id, e.text]));
  const hintId = `${labelledBy}-order-hint`;

  const move = (from: number, to: number) => {
    const next = moveEntry(draft, from, to);
    if (next === draft) return;
    const moved = order[from]!;
    onChange(next);
    setAnnouncement(`Moved “${text.get(moved)}” to position ${next.order.indexOf(moved) + 1} of ${order.length}.`);
    requestAnimationFrame(() => handles.current.get(moved)?.focus());
  };
  const onHandleKey = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: order.length - 1 }[event.key];
    if (to === undefined || disabled) return;
    event.preventDefault();
    move(index, to);
  };

  const row: RowRender = (id, index, drag) => {
    const mark = marks?.type === 'ordering' ? marks.rows[index] : undefined;
    const label = text.get(id);
    return (
      <li
        key={id}
        ref={drag?.setNodeRef}
        style={drag?.style}
        className={`flex items-center gap-2 rounded-lg px-3 py-2 ${mark ? markTone({ correct: mark.right, chosen: true }) : 'border border-border bg-surface'} ${drag?.dragging ? 'relative z-10 shadow-lg' : ''}`}
      >
        {disabled ? null : (
          <button
            type="button"
            ref={(el) => {
              if (el) handles.current.set(id, el);
              else handles.current.delete(id);
              drag?.setActivatorNodeRef(el);
            }}
            {...drag?.listeners}
            onKeyDown={onHandleKey(index)}
            aria-label={`${label}, position ${index + 1} of ${order.length}`}
            aria-describedby={hintId}
            className="min-h-11 min-w-11 shrink-0 cursor-grab touch-none rounded-md border border-border text-lg text-muted active:cursor-grabbing"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <span className="w-6 shrink-0 text-right text-sm text-muted tabular-nums" aria-hidden="true">
          {index + 1}.
        </span>
        <span className="flex-1">
          {label}
          {mark ? (
            <span className="mt-1 block">
              <Mark correct={mark.right} chosen />
              {mark.right ? null : <span className="ml-2 text-sm">belongs at position {mark.correctPosition}</span>}
            </span>
          ) : null}
        </span>
        {disabled ? null : (
          <span className="flex shrink-0 flex-col gap-1">
            <button
              type="button"
              tabIndex={-1}
              disabled={index === 0}
              onClick={() => move(index, index - 1)}
              aria-label={`Move “${label}” up`}
              className="min-h-10 min-w-11 rounded-md border border-border text-lg disabled:opacity-40"
            >
              ↑
            </button>
            <button
              type="button"
              tabIndex={-1}
              disabled={index === order.length - 1}
              onClick={() => move(index, index + 1)}
              aria-label={`Move “${label}” down`}
              className="min-h-10 min-w-11 rounded-md border border-border text-lg disabled:opacity-40"
            >
              ↓
            </button>
          </span>
        )}
      </li>
    );
  };

  return (
    <div className="space-y-3">
      <p id={hintId} className="text-sm text-muted">
        Drag an entry by its handle, or focus the handle and press the up and down arrow keys.
      </p>
      {Drag && !disabled ? (
        <Drag ids={order} labelledBy={labelledBy} renderRow={row} textOf={(id) => text.get(id) ?? ''} onMove={move} />
      ) : (
        <ol aria-labelledby={labelledBy} className="space-y-2">
          {order.map((id, index) => row(id, index, null))}
        </ol>
      )}
      {disabled ? null : (
        <button
          type="button"
          aria-pressed={draft.touched}
          onClick={() => onChange({ ...draft, touched: true })}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-border bg-surface px-4 font-medium aria-pressed:border-accent aria-pressed:bg-accent-soft"
        >
          {draft.touched ? <span aria-hidden="true">✓</span> : null}
          This order is my answer
        </button>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
