'use client';

/**
 * Writes the review screen makes, kept in localStorage until the server acknowledges them, so
 * a rating survives a dropped network or a reload. Ids make every resend safe (the server
 * answers a repeated reviewId with the first result). Operations are sent strictly in order.
 */
export type OutboxOp =
  | {
      kind: 'rate';
      reviewId: string;
      itemId: string;
      rating: 'again' | 'hard' | 'good' | 'easy';
      durationMs: number;
      reviewedAt: string;
      assignmentId?: string;
    }
  | { kind: 'undo'; reviewId: string }
  | { kind: 'flag'; itemId: string; action: 'bury' | 'unbury' | 'suspend' | 'unsuspend'; opId: string };

export type OutboxStatus = 'saved' | 'saving' | 'offline' | 'error';

const OUTBOX_KEY = 'passage-review-outbox';

/** The operations still waiting in this browser (the one place that reads the outbox's storage). */
export function storedOps(): OutboxOp[] {
  try {
    const raw = localStorage.getItem(OUTBOX_KEY);
    return raw ? (JSON.parse(raw) as OutboxOp[]) : [];
  } catch {
    return [];
  }
}

/** The cards whose ratings have not reached the server yet. */
export function pendingRatedItems(): Set<string> {
  return new Set(storedOps().flatMap((op) => (op.kind === 'rate' ? [op.itemId] : [])));
}

function request(op: OutboxOp): { url: string; body?: string } {
  switch (op.kind) {
    case 'rate':
      return {
        url: '/api/v1/reviews',
        body: JSON.stringify({
          reviewId: op.reviewId,
          itemId: op.itemId,
          rating: op.rating,
          durationMs: op.durationMs,
          reviewedAt: op.reviewedAt,
          assignmentId: op.assignmentId,
        }),
      };
    case 'undo':
      return { url: `/api/v1/reviews/${encodeURIComponent(op.reviewId)}/undo` };
    case 'flag':
      return { url: `/api/v1/cards/${encodeURIComponent(op.itemId)}/${op.action}` };
  }
}

export class Outbox {
  private ops: OutboxOp[] = storedOps();
  private running = false;
  private delay = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onStatus: (status: OutboxStatus, detail?: string) => void,
    private readonly onAck: (op: OutboxOp, response: unknown) => void,
  ) {}

  pending(): readonly OutboxOp[] {
    return this.ops;
  }

  push(op: OutboxOp): void {
    this.ops.push(op);
    this.persist();
    void this.flush();
  }

  /** Takes back an operation not yet sent; false when it has already reached the server. */
  withdraw(match: (op: OutboxOp) => boolean): boolean {
    const index = this.ops.findIndex(match);
    if (index < 0 || (index === 0 && this.running)) return false;
    this.ops.splice(index, 1);
    this.persist();
    return true;
  }

  retryNow(): void {
    this.delay = 1000;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.flush();
  }

  async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.ops.length > 0) {
        const op = this.ops[0]!;
        this.onStatus('saving');
        const { url, body } = request(op);
        let res: Response;
        try {
          res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-passage-time-zone': Intl.DateTimeFormat().resolvedOptions().timeZone },
            body,
          });
        } catch {
          this.scheduleRetry('offline');
          return;
        }
        if (res.status >= 500 || res.status === 429) {
          this.scheduleRetry('offline');
          return;
        }
        const payload: unknown = await res.json().catch(() => null);
        this.ops.shift();
        this.persist();
        this.delay = 1000;
        if (res.ok || (op.kind === 'undo' && res.status === 404)) this.onAck(op, payload);
        else
          this.onStatus(
            'error',
            (payload as { error?: { message?: string } } | null)?.error?.message ?? `The server refused a change (${res.status}).`,
          );
      }
      this.onStatus('saved');
    } finally {
      this.running = false;
    }
  }

  private scheduleRetry(status: OutboxStatus) {
    this.onStatus(status);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, 30_000);
  }

  private persist() {
    try {
      localStorage.setItem(OUTBOX_KEY, JSON.stringify(this.ops));
    } catch {
      // Storage full or disabled: the operations still go out from memory.
    }
  }
}
