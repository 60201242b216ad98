'use client';

import { useState, useTransition } from 'react';
import { buttonClass } from '../ui/button';

export interface ResumeLinkState {
  url: string;
  qr: string;
  expiresAt: string;
}

interface Props {
  createLink: () => Promise<ResumeLinkState>;
  signOutOthers: () => Promise<{ message: string }>;
}

export function ResumeLink({ createLink, signOutOthers }: Props) {
  const [link, setLink] = useState<ResumeLinkState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending}
          className={buttonClass('primary')}
          onClick={() => start(async () => setLink(await createLink()))}
        >
          {link ? 'Make a new link' : 'Make a resume link'}
        </button>
        <button
          type="button"
          disabled={pending}
          className={buttonClass('secondary')}
          onClick={() => start(async () => setMessage((await signOutOthers()).message))}
        >
          Sign out other devices
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {link ? (
        <div className="flex flex-wrap items-start gap-4 rounded-lg border border-border p-4" role="status">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL QR code; next/image adds nothing */}
          <img src={link.qr} alt="QR code of the resume link" width={160} height={160} className="rounded bg-white p-1" />
          <div className="min-w-0 flex-1 space-y-2">
            <p>Open this link on your other device, or scan the code. It works once, within 15 minutes.</p>
            <p className="font-mono text-sm break-all">
              <a href={link.url}>{link.url}</a>
            </p>
            <p className="text-sm text-muted">Expires at {new Date(link.expiresAt).toLocaleTimeString()}.</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
