import type { ComponentProps } from 'react';

export function Card({ className = '', ...props }: ComponentProps<'section'>) {
  return <section className={`rounded-xl border border-border bg-surface p-5 shadow-sm sm:p-6 ${className}`} {...props} />;
}
