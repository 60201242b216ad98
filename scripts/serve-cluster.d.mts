export function serveInCluster(options: {
  exec: string;
  args: string[];
  execArgv?: string[];
  workers: number;
  env?: NodeJS.ProcessEnv;
  restartMs?: number;
  log?: (line: string) => void;
}): { ready: Promise<void>; ended: Promise<{ code: number }>; pids(): number[]; stop(): Promise<void> };
