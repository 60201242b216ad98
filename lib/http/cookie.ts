/**
 * One cookie's value from a Cookie header, parsed as Next's request cookies are (pairs split on
 * ";", the last of a repeated name wins, values percent-decoded, one that does not decode ignored).
 */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  let value: string | null = null;
  for (const pair of header.split(/; */)) {
    const splitAt = pair.indexOf('=');
    if (splitAt === -1 ? pair !== name : pair.slice(0, splitAt) !== name) continue;
    if (splitAt === -1) value = 'true';
    else {
      try {
        value = decodeURIComponent(pair.slice(splitAt + 1));
      } catch {
        // Next skips a value that does not decode, keeping any earlier one.
      }
    }
  }
  return value;
}
