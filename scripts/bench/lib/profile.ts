// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by
// function and by package.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  /** Seconds of samples summarized (the window, or the whole profile). */
  seconds: number;
  /** Whether the samples were limited to the given window (same monotonic clock as process.hrtime). */
  windowed: boolean;
  /** Share of the main thread's time spent busy (not idle) in those samples. */
  busyShare: number;
  functions: { name: string; where: string; selfMs: number; share: number }[];
  packages: { name: string; selfMs: number; share: number }[];
}

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's server bundles: name the chunk's role, not just "next".
    if (pkg === 'next' && url.includes('/compiled/')) return `next (compiled ${rest[rest.indexOf('compiled') + 1] ?? ''})`;
    return pkg;
  }
  if (url.includes('/.next/server/')) return 'app bundle (.next/server)';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/**
 * Self time by function and package, shares of the busy (non-idle) time. With `windowUs`
 * (microseconds of the monotonic clock, as process.hrtime.bigint() / 1000n), only samples in
 * that window count.
 */
export function summarizeProfile(file: string, top = 20, windowUs?: [number, number]): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const collect = (window?: [number, number]) => {
    const self = new Map<number, number>();
    let t = profile.startTime;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      if (window && (t < window[0] || t > window[1])) continue;
      const us = deltas[i + 1] ?? 0;
      self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + us);
    }
    return self;
  };
  let selfUs = windowUs ? collect(windowUs) : new Map<number, number>();
  const windowed = selfUs.size > 0;
  if (!windowed) selfUs = collect();
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const all = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const idle = [...selfUs.entries()].filter(([id]) => idleIds.has(id)).reduce((a, [, us]) => a + us, 0);
  for (const id of idleIds) selfUs.delete(id);
  const total = all - idle || 1;
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const pkg = packageOf(url, name);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    file,
    seconds: Math.round(all / 1e4) / 100,
    windowed,
    busyShare: Math.round(((all - idle) / all) * 1000) / 10,
    functions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), share: share(f.us) })),
    packages: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: share(us) })),
  };
}
