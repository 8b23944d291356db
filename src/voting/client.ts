/**
 * Where a vote came from, as the vote row keeps it and the fraud signals read it: the address (from
 * a trusted proxy only: address.ts), its subnet, and a digest of what the browser says of itself.
 */
import type { FastifyRequest } from 'fastify';
import { keptKeyedDigest } from '../audit/key.ts';
import { clientAddress, subnetOf } from './address.ts';
import type { VoteClient } from './service.ts';

/**
 * What tells one browser build from another without naming a person: user agent, languages and its
 * client hints. Keyed, so the column holds no header a guess could be checked against.
 */
const deviceHeaders = ['user-agent', 'accept-language', 'sec-ch-ua', 'sec-ch-ua-platform', 'sec-ch-ua-mobile', 'sec-ch-ua-model'] as const;

/** A crowd's phones share a few builds: their digests are kept (4,096 header sets, a few MB at most). */
const deviceDigest = keptKeyedDigest('vote.device', 4096);

export const deviceOf = (headers: FastifyRequest['headers']) => deviceDigest(deviceHeaders.map((name) => String(headers[name] ?? '')));

export const voteClientOf = (request: FastifyRequest): VoteClient => {
  const address = clientAddress(request);
  return { address, subnet: subnetOf(address), device: deviceOf(request.headers) };
};
