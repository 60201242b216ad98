interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
  tone?: 'accent' | 'success';
}

/** A labelled progress bar; the label is what screen readers announce with the value. */
export function ProgressBar({ value, max, label, tone = 'accent' }: ProgressBarProps) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className="h-2.5 w-full overflow-hidden rounded-full bg-surface-muted"
    >
      <div className={`h-full rounded-full ${tone === 'success' ? 'bg-success' : 'bg-accent'}`} style={{ width: `${share * 100}%` }} />
    </div>
  );
}
