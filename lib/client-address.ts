/**
 * Which address a request came from, for the limits. X-Forwarded-For is written by whoever sends
 * the request, so it is believed only as far as a proxy configured as trusted
 * (`PASSAGE_TRUSTED_PROXY`) vouches for it; otherwise the socket's address is the client.
 */

/** `hops`: that many proxies in front of Passage; `addresses`: the proxies' own addresses. */
export type TrustedProxy = { hops: number } | { addresses: Set<string> } | null;

/**
 * Parses PASSAGE_TRUSTED_PROXY: unset or empty (no proxy), a number of hops (1–10), or a
 * comma-separated list of proxy addresses. Throws with a message naming the problem.
 */
export function parseTrustedProxy(raw: string | undefined): TrustedProxy {
  const value = raw?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new Error(`PASSAGE_TRUSTED_PROXY: a number of proxy hops must be 1 to 10; got ${value}`);
    return { hops };
  }
  const addresses = value.split(',').map((a) => normaliseAddress(a.trim()));
  const bad = addresses.find((a) => !isIpAddress(a));
  if (bad !== undefined) throw new Error(`PASSAGE_TRUSTED_PROXY: "${bad}" is neither a number of hops nor an IP address`);
  return { addresses: new Set(addresses) };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpAddress(address: string): boolean {
  return IPV4.test(address) || expandIpv6(address) !== null;
}

/** An IPv6 address as eight 4-digit groups, or null when it is not one. */
function expandIpv6(address: string): string[] | null {
  if (!address.includes(':') || !/^[0-9a-f:.]+$/i.test(address)) return null;
  let text = address.toLowerCase();
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    if (!IPV4.test(v4[1]!)) return null;
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.padStart(4, '0'));
}

/** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as plain IPv4; brackets and zones dropped. */
export function normaliseAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = bare.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  return mapped ? mapped[1]! : bare.toLowerCase();
}

/**
 * The client's address: the socket's peer unless a trusted proxy forwarded the request, in which
 * case X-Forwarded-For is read from the right, past the trusted proxies only.
 */
export function clientAddress(options: { peer: string | null; forwardedFor: string | null; trusted: TrustedProxy }): string {
  const peer = options.peer ? normaliseAddress(options.peer) : 'unknown';
  const trusted = options.trusted;
  if (!trusted || !options.forwardedFor) return peer;
  const chain = [
    ...options.forwardedFor
      .split(',')
      .map((a) => normaliseAddress(a.trim()))
      .filter(Boolean),
    peer,
  ];
  if ('hops' in trusted) return chain[Math.max(0, chain.length - 1 - trusted.hops)]!;
  if (!trusted.addresses.has(peer)) return peer;
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.addresses.has(chain[i]!)) return chain[i]!;
  return chain[0]!;
}

/**
 * The key a client is counted under: the address itself for IPv4, the /64 network for IPv6 (one
 * household or device is usually given a whole /64, so counting single addresses would let it
 * rotate through 2^64 of them).
 */
export function clientKey(address: string): string {
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}
