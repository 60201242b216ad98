import type http from 'node:http';
export function startBalancer(options: {
  port: number;
  host?: string;
  backends: { host?: string; port: number }[];
  log?: (line: string) => void;
}): Promise<http.Server>;
export function trustOneMoreHop(raw: string | undefined): string;
