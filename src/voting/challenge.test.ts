import { describe, expect, it } from 'vitest';
import { solvedChallenge } from '../../test/support/voting.ts';
import type { Clock } from '../platform/clock.ts';
import type { ChallengeSettings } from '../platform/config.ts';
import { memoryCounters } from '../platform/counters.ts';
import { verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { challenges, MAX_PAYLOAD_LENGTH, signingSecretsOf } from './challenge.ts';

const settings: ChallengeSettings = { hmacKey: 'test-altcha-key-of-at-least-32-characters', cost: 1, maxCounter: 10 };

const movableClock = () => {
  let now = new Date('2025-09-01T08:00:00+08:00').getTime();
  const clock: Clock & { advance(ms: number): void } = { now: () => new Date(now), advance: (ms) => (now += ms) };
  return clock;
};

const setUp = (options: Partial<ChallengeSettings> = {}) => {
  const clock = movableClock();
  const counters = memoryCounters(clock);
  return { clock, counters, issuer: challenges({ settings: { ...settings, ...options }, counters, clock }) };
};

/** The payload with its JSON changed by `edit`: what a client forging or tampering sends. */
const edited = (payload: string, edit: (decoded: any) => void) => {
  const decoded = JSON.parse(Buffer.from(payload, 'base64').toString());
  edit(decoded);
  return Buffer.from(JSON.stringify(decoded)).toString('base64');
};

describe('the proof-of-work challenge', () => {
  it('makes a signed PBKDF2 challenge that expires five minutes later by the server clock', async () => {
    const { issuer } = setUp({ cost: 1000 });
    const challenge = await issuer.createChallenge();
    expect(challenge.parameters).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1000,
      keyLength: 32,
      keyPrefix: expect.stringMatching(/^[0-9a-f]{32}$/),
      keySignature: expect.stringMatching(/^[0-9a-f]{64}$/),
      data: { expiresAt: new Date('2025-09-01T08:05:00+08:00').getTime() },
    });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters.expiresAt).toBeUndefined();
  });

  it('takes between half the most attempts and the most to solve', async () => {
    const { issuer } = setUp({ maxCounter: 10 });
    for (let i = 0; i < 5; i++) {
      const payload = await solvedChallenge(await issuer.createChallenge());
      const { counter } = JSON.parse(Buffer.from(payload, 'base64').toString()).solution;
      expect(counter).toBeGreaterThanOrEqual(5);
      expect(counter).toBeLessThanOrEqual(10);
    }
  });

  it('accepts a solved challenge once, and refuses it replayed, also by another process sharing the counters', async () => {
    const { issuer, counters, clock } = setUp();
    const other = challenges({ settings, counters, clock });
    const payload = await solvedChallenge(await issuer.createChallenge());
    expect(await issuer.verifyChallenge(payload)).toBe(true);
    expect(await issuer.verifyChallenge(payload)).toBe(false);
    expect(await other.verifyChallenge(payload)).toBe(false);
    expect(await other.verifyChallenge(await solvedChallenge(await issuer.createChallenge()))).toBe(true);
  });

  it('refuses a challenge solved after it expired', async () => {
    const { issuer, clock } = setUp();
    const payload = await solvedChallenge(await issuer.createChallenge());
    clock.advance(5 * 60_000);
    expect(await issuer.verifyChallenge(payload)).toBe(false);
  });

  it('refuses a wrong answer, changed parameters, a later expiry and a challenge signed with another key', async () => {
    const { issuer } = setUp();
    const payload = await solvedChallenge(await issuer.createChallenge());
    // The derived key is the proof (its signature is checked, not the work redone), so the counter beside it is not.
    const wrongKey = edited(payload, (p) => (p.solution.derivedKey = p.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'))));
    const cheaper = edited(payload, (p) => (p.challenge.parameters.cost = 0));
    const later = edited(payload, (p) => (p.challenge.parameters.data.expiresAt += 3_600_000));
    for (const forged of [wrongKey, cheaper, later]) expect(await issuer.verifyChallenge(forged)).toBe(false);
    const stranger = setUp({ hmacKey: 'another-servers-key-of-at-least-32-chars' }).issuer;
    expect(await stranger.verifyChallenge(payload)).toBe(false);
    // None of the refusals used it up.
    expect(await issuer.verifyChallenge(payload)).toBe(true);
  });

  it('refuses what is not a payload, without an error', async () => {
    const { issuer } = setUp();
    const solved = await solvedChallenge(await issuer.createChallenge());
    for (const payload of [
      '',
      'not base64 at all!',
      Buffer.from('{"challenge":1}').toString('base64'),
      Buffer.from('[]').toString('base64'),
      edited(solved, (p) => (p.challenge.parameters.algorithm = 'SHA-256')),
      edited(solved, (p) => delete p.challenge.parameters.keySignature),
      'A'.repeat(MAX_PAYLOAD_LENGTH + 1),
    ]) {
      expect(await issuer.verifyChallenge(payload)).toBe(false);
    }
  });

  it('signs with a key derived from the audit key when none is configured, the same in every process', async () => {
    const clock = movableClock();
    const counters = memoryCounters(clock);
    const [one, other] = [0, 1].map(() => challenges({ settings: { ...settings, hmacKey: undefined }, counters, clock }));
    expect(await other.verifyChallenge(await solvedChallenge(await one.createChallenge()))).toBe(true);
    expect(await setUp().issuer.verifyChallenge(await solvedChallenge(await one.createChallenge()))).toBe(false);
  });

  it("gives altcha-lib's verifySolution verdict on solutions right and wrong", async () => {
    const { issuer, clock } = setUp();
    const variants: ((p: any) => void)[] = [
      () => undefined,
      (p) => (p.solution.counter += 1),
      (p) => (p.solution.counter = -1),
      (p) => (p.solution.counter = 2 ** 32),
      (p) => (p.solution.counter = 1.5),
      (p) => (p.solution.derivedKey = p.solution.derivedKey.toUpperCase()),
      (p) => (p.solution.derivedKey = p.solution.derivedKey.slice(1)),
      (p) => (p.solution.derivedKey = p.solution.derivedKey.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))),
      (p) => (p.challenge.signature = p.challenge.signature.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a'))),
      (p) => (p.challenge.signature = p.challenge.signature.toUpperCase()),
      (p) => (p.challenge.parameters.keySignature = p.challenge.parameters.keySignature.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a'))),
      (p) => (p.challenge.parameters.keyPrefix = '00'),
      (p) => (p.challenge.parameters.data.note = 'added'),
      (p) => (p.challenge.parameters.extra = undefined),
    ];
    for (const variant of variants) {
      const payload = edited(await solvedChallenge(await issuer.createChallenge()), variant);
      const { challenge, solution } = JSON.parse(Buffer.from(payload, 'base64').toString());
      const theirs = await verifySolution({ challenge, solution, deriveKey, ...signingSecretsOf(settings.hmacKey!) });
      const ours = await challenges({ settings, counters: memoryCounters(clock), clock }).verifyChallenge(payload);
      expect([variant.toString(), ours]).toEqual([variant.toString(), theirs.verified]);
    }
  });
});
