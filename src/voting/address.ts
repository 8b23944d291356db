/**
 * The client's address and its subnet, as rate limits and fraud signals count them.
 *
 * The address is Fastify's `request.ip`, which believes X-Forwarded-For only from the proxies
 * LEITAI_TRUST_PROXY names (platform/config.ts, platform/http/server.ts): from anyone else the header
 * is the client's own writing and is ignored. One address may be written many ways (an IPv4 address
 * inside IPv6, zeros spelled out or not), so each is brought to one form before it is counted.
 */
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** The address the request came from, in its one written form. */
export const clientAddress = (request: FastifyRequest): string => normaliseAddress(request.ip);

/**
 * One form per address: IPv4 dotted (also for IPv4-mapped IPv6, `::ffff:1.2.3.4`), IPv6 as RFC 5952
 * writes it (lower case, no leading zeros, the longest run of zero groups as `::`), without a zone.
 * Anything that is not an IP address comes back as it was.
 */
export function normaliseAddress(address: string): string {
  if (isIP(address) === 4) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return mappedIpv4(groups) ?? compressIpv6(groups);
}

/** The /24 of an IPv4 address (`1.2.3.0/24`), the /48 of an IPv6 one (`2001:db8:1::/48`). */
export function subnetOf(address: string): string {
  const normalised = normaliseAddress(address);
  if (isIP(normalised) === 4) return `${normalised.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Groups(normalised);
  if (!groups) throw new Error(`subnetOf: not an IP address: ${address}`);
  return `${compressIpv6([...groups.slice(0, 3), 0, 0, 0, 0, 0])}/48`;
}

/** The eight 16-bit groups of an IPv6 address, or undefined for anything else. */
function ipv6Groups(address: string): number[] | undefined {
  const withoutZone = address.split('%')[0];
  if (isIP(withoutZone) !== 6) return undefined;
  let text = withoutZone.toLowerCase();
  // A dotted IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
  const tail = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(2).map(Number);
    text = `${tail[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const [head, rest] = text.split('::');
  const before = groupsOf(head);
  const after = rest === undefined ? [] : groupsOf(rest);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

const mappedIpv4 = (groups: number[]) =>
  groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
    ? [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.')
    : undefined;

function compressIpv6(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8;) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > best.length) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
