/**
 * The proof-of-work challenge before each vote (ALTCHA, `altcha-lib`, the widget's v2 protocol): the
 * server signs a challenge whose answer takes a phone a fraction of a second to find and a bot farm
 * that much per vote, times every vote it casts.
 *
 * A challenge is made in deterministic mode: the server picks the answer (a counter) and signs the key
 * it leads to, so checking a solution is two HMACs, never the work itself (a vote's path stays cheap).
 * It expires CHALLENGE_MINUTES after it was made, by the server's Clock (the expiry is signed in its
 * data; altcha-lib's own `expiresAt` would be read against the wall clock). A solved challenge is
 * accepted once: its signature is kept in the counters until it expires, so a replay is refused in
 * every process that shares them.
 */
import { createHmac, randomInt } from 'node:crypto';
import { createChallenge as createAltchaChallenge, verifySolution, type Challenge } from 'altcha-lib';
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

const secretOf = (key: string, purpose: string) => createHmac('sha256', key).update(purpose).digest('hex');

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

export function challenges({ settings, counters, clock }: ChallengesOptions): Challenges {
  const key = challengeKeyOf(settings);
  const secrets = { hmacSignatureSecret: secretOf(key, 'altcha signature'), hmacKeySignatureSecret: secretOf(key, 'altcha key signature') };
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
      let verified: boolean;
      try {
        ({ verified } = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution, deriveKey, ...secrets }));
      } catch {
        return false;
      }
      // Only a verified payload is remembered, so made-up ones cannot fill the counters.
      return verified && (await counters.hit(`challenge-solved:${decoded.challenge.signature}`, msLeft, 1)).allowed;
    },
  };
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
