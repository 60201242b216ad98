import type http from 'node:http';
export function startBalancer(options: {
  port: number;
  host?: string;
  backends: { host?: string; port: number }[];
  log?: (line: string) => void;
  /** How long an idle connection to a backend stays open (default 4 s, below the backends' 5 s). */
  idleMs?: number;
}): Promise<http.Server>;
