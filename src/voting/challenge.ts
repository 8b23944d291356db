/**
 * The proof-of-work challenge before each vote (ALTCHA, `altcha-lib`, the widget's v2 protocol): the
 * server signs a challenge whose answer takes a phone a fraction of a second to find and a bot farm
 * that much per vote, times every vote it casts.
 *
 * A challenge is made in deterministic mode: the server picks the answer (a counter) and signs the key
 * it leads to, so checking a solution is two HMACs, never the work itself (a vote's path stays cheap).
 * Those two HMACs are computed here with node:crypto as altcha-lib's verifySolution computes them
 * (the test holds the two to the same verdicts): verifySolution imports its keys through WebCrypto on
 * every call, about 0.18 ms a vote on this machine, more than the rest of a vote's path; node:crypto
 * takes a few microseconds.
 * It expires CHALLENGE_MINUTES after it was made, by the server's Clock (the expiry is signed in its
 * data; altcha-lib's own `expiresAt` would be read against the wall clock). A solved challenge is
 * accepted once: its signature is kept in the counters until it expires, so a replay is refused in
 * every process that shares them.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { createChallenge as createAltchaChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { z } from 'zod';
import { keyedDigest } from '../audit/key.ts';
import type { Clock } from '../platform/clock.ts';
import type { ChallengeSettings } from '../platform/config.ts';
import type { Counters } from '../platform/counters.ts';
import { AppError } from '../platform/errors.ts';

export const CHALLENGE_ALGORITHM = 'PBKDF2/SHA-256';
export const CHALLENGE_MINUTES = 5;
/** A payload longer than this is no widget's: refused before it is decoded. */
export const MAX_PAYLOAD_LENGTH = 4096;

export type { Challenge };

export interface Challenges {
  /** A new signed challenge for the widget. */
  createChallenge(): Promise<Challenge>;
  /**
   * Whether `payload` (the widget's base64 JSON of challenge and solution) solves a challenge this
   * server signed, before it expired, for the first time: true once per challenge, false for
   * anything else (malformed, tampered, wrong, expired, used).
   */
  verifyChallenge(payload: string): Promise<boolean>;
}

export interface ChallengesOptions {
  settings: ChallengeSettings;
  counters: Counters;
  clock: Clock;
}

/** The signing key: LEITAI_ALTCHA_HMAC_KEY, else one derived from the audit key every server shares. */
export const challengeKeyOf = (settings: ChallengeSettings) => settings.hmacKey ?? keyedDigest('altcha.hmac-key', 1);

/** The two secrets altcha-lib signs with (the challenge, the derived key), each derived from the one key. */
export const signingSecretsOf = (key: string) => ({
  hmacSignatureSecret: createHmac('sha256', key).update('altcha signature').digest('hex'),
  hmacKeySignatureSecret: createHmac('sha256', key).update('altcha key signature').digest('hex'),
});

const hmacHex = (secret: string, data: string | Buffer) => createHmac('sha256', secret).update(data).digest('hex');

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** altcha-lib's canonical JSON (what its signature covers): keys sorted at every depth, undefined left out. */
const canonicalJson = (value: unknown): string => JSON.stringify(sortedKeys(value));

function sortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const item = (value as Record<string, unknown>)[key];
      return item === undefined ? [] : [[key, sortedKeys(item)] as const];
    });
  return Object.fromEntries(entries);
}

// What verifySolution reads; everything else of the parameters passes through untouched, as the
// signature covers it.
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.literal(CHALLENGE_ALGORITHM),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string(),
      data: z.object({ expiresAt: z.number() }).catchall(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
    signature: z.string(),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string(), time: z.number().optional() }),
});

function decodePayload(payload: string) {
  if (payload.length > MAX_PAYLOAD_LENGTH) return undefined;
  try {
    return payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))).data;
  } catch {
    return undefined;
  }
}

type Payload = z.infer<typeof payloadSchema>;

/**
 * verifySolution's fast path (a challenge with a key signature): the parameters carry our signature,
 * the counter is one the widget can send (uint32), and the derived key (lower-case hex) carries our key
 * signature, which only the work of finding that key gives.
 */
function solves({ challenge, solution }: Payload, secrets: { hmacSignatureSecret: string; hmacKeySignatureSecret: string }): boolean {
  if (!sameText(hmacHex(secrets.hmacSignatureSecret, canonicalJson(challenge.parameters)), challenge.signature)) return false;
  if (!Number.isInteger(solution.counter) || solution.counter < 0 || solution.counter > 0xffffffff) return false;
  if (!/^(?:[0-9a-f]{2})+$/.test(solution.derivedKey)) return false;
  return sameText(hmacHex(secrets.hmacKeySignatureSecret, Buffer.from(solution.derivedKey, 'hex')), challenge.parameters.keySignature);
}

export function challenges({ settings, counters, clock }: ChallengesOptions): Challenges {
  const secrets = signingSecretsOf(challengeKeyOf(settings));
  const fewest = Math.ceil(settings.maxCounter / 2);

  return {
    createChallenge: () =>
      createAltchaChallenge({
        algorithm: CHALLENGE_ALGORITHM,
        cost: settings.cost,
        counter: randomInt(fewest, settings.maxCounter + 1),
        deriveKey,
        data: { expiresAt: clock.now().getTime() + CHALLENGE_MINUTES * 60_000 },
        ...secrets,
      }),

    async verifyChallenge(payload) {
      const decoded = decodePayload(payload);
      if (!decoded) return false;
      const msLeft = decoded.challenge.parameters.data.expiresAt - clock.now().getTime();
      if (msLeft <= 0) return false;
      if (!solves(decoded, secrets)) return false;
      // Only a verified payload is remembered, so made-up ones cannot fill the counters.
      return (await counters.hit(`challenge-solved:${decoded.challenge.signature}`, msLeft, 1)).allowed;
    },
  };
}

/**
 * What the widget sends once it has solved `challenge`: base64 of `{challenge, solution}`, found by
 * the work the widget does. The demo's voters vote with it, as do tests.
 */
export async function solvedChallenge(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The challenge was not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/**
 * Making a challenge costs the server one derivation (`cost` iterations), so one address may ask for
 * CHALLENGES_PER_MINUTE a minute: a class voting behind one campus address stays well under it.
 */
export const CHALLENGES_PER_MINUTE = 120;

/** A new challenge for the client at `address`; refuses voting.too_many_challenges past the limit. */
export async function challengeFor(address: string, context: { challenges: Challenges; counters: Counters }): Promise<Challenge> {
  const hit = await context.counters.hit(`challenge-made:${address}`, 60_000, CHALLENGES_PER_MINUTE);
  if (!hit.allowed) {
    const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
    throw new AppError(
      'voting.too_many_challenges',
      { zh: `请求过于频繁，请 ${seconds} 秒后再试`, en: `Too many challenges were asked for; try again in ${seconds} s` },
      429,
    );
  }
  return context.challenges.createChallenge();
}
