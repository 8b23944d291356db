import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonical-json.ts';
import { keyedDigestWith } from '../audit/key.ts';
import { TEST_AUDIT_KEY } from '../../test/support/audit-key.ts';
import { auditEntry } from './records.ts';
import { socialTeam } from '../../test/support/test-fixtures.ts';

/** Every 64-hex-digit string anywhere in the payload: whatever digest a reader of the log could test guesses against. */
const digestsIn = (value: unknown): string[] =>
  typeof value === 'string' ? (/^[0-9a-f]{64}$/.test(value) ? [value] : []) : value && typeof value === 'object' ? Object.values(value).flatMap(digestsIn) : [];

/**
 * What a holder of the log does: the event shows the entry with the leader's phone masked
 * (139****0001); try the 10⁴ hidden digits and test each full entry against `confirms`.
 */
const bruteForcePhone = (payload: ReturnType<typeof auditEntry>, confirms: (candidate: unknown) => boolean) => {
  const masked = payload.entry.leader.phone!;
  for (let n = 0; n < 10_000; n++) {
    const phone = masked.replace('****', String(n).padStart(4, '0'));
    const candidate = { ...payload.entry, leader: { ...payload.entry.leader, phone } };
    if (confirms(candidate)) return phone;
  }
  return undefined;
};

describe('the registration audit payload', () => {
  // The leader's phone is the entry's only hidden datum, as a reader of the log would hope.
  const entry = socialTeam(0);
  const payload = auditEntry(entry);

  it('shows the phone masked', () => {
    expect(entry.leader.phone).toBe('13900000001');
    expect(payload.entry.leader.phone).toBe('139****0001');
  });

  it('lets no one without the audit key confirm the hidden digits of a masked phone against a digest in the event', () => {
    const digests = new Set(digestsIn(payload));
    const sha256 = (candidate: unknown) => createHash('sha256').update(canonicalJson(candidate)).digest('hex');
    expect(bruteForcePhone(payload, (candidate) => digests.has(sha256(candidate)))).toBe(undefined);
    const wrongKey = 'not-the-servers-key-but-32-chars-long!';
    expect(bruteForcePhone(payload, (candidate) => digests.has(keyedDigestWith(wrongKey, 'registration.entry', candidate)))).toBe(undefined);
  });

  it('still proves the entry to whoever holds the key', () => {
    expect(bruteForcePhone(payload, (candidate) => keyedDigestWith(TEST_AUDIT_KEY, 'registration.entry', candidate) === payload.entryHmac)).toBe('13900000001');
  });
});
