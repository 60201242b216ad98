const LABELS = { open: 'Open', due_soon: 'Due soon', past_due: 'Past due', closed: 'Closed' } as const;
const TONES = {
  open: 'bg-success-soft text-success',
  due_soon: 'bg-warning-soft text-warning',
  past_due: 'bg-danger-soft text-danger',
  closed: 'bg-surface-muted text-muted',
} as const;

export function StatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${TONES[status]}`}>{LABELS[status]}</span>;
}
