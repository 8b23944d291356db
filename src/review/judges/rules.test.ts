import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import { canonicalContact, invitationStatus, placementProblems } from './rules.ts';

describe("a judge's contact details", () => {
  it('keeps a phone and an ID number canonical and an email in lower case', () => {
    expect(canonicalContact({ email: ' Wang@Example.COM ', phone: '+86 139-0000-0777', idNumber: '11010519491231002x' })).toEqual({
      contact: { email: 'wang@example.com', phone: '13900000777', idNumber: '11010519491231002X' },
      problems: [],
    });
  });

  it('leaves out a value sent back masked (unchanged), clears an empty one, and names a phone or ID number that is not one', () => {
    expect(canonicalContact({ email: 'w***@example.com', phone: '', idNumber: '110105194912310021' })).toEqual({
      contact: { phone: null, idNumber: '110105194912310021' },
      problems: [{ code: 'judge.id_number_invalid', path: 'idNumber', message: { zh: '身份证号不正确', en: 'Not a valid ID number' } }],
    });
  });
});

describe('where a judge may serve', () => {
  it('takes rounds of the definition and covers that are divisions, tracks or topics', () => {
    expect(placementProblems(seedDefinition('000'), { rounds: ['preliminary', 'final'], covers: ['app-dev', 'app-dev/campus'] })).toEqual([]);
    const topic = seedDefinition('003').tracks[0].topics[0].id;
    expect(placementProblems(seedDefinition('003'), { covers: [topic] })).toEqual([]);
  });

  it('names each round and division the definition does not have by its place', () => {
    expect(placementProblems(seedDefinition('000'), { rounds: ['semifinal'], covers: ['app-dev/social', 'campus'] })).toEqual([
      { code: 'judge.unknown_round', path: 'rounds[0]', message: { zh: '赛事没有评审轮次 semifinal', en: 'The contest has no review round semifinal' } },
      {
        code: 'judge.unknown_division',
        path: 'covers[1]',
        message: { zh: '赛事没有赛道、组别或赛题 campus', en: 'The contest has no track, division or topic campus' },
      },
    ]);
  });
});

describe('an invitation link', () => {
  const link = { accepted_at: null, revoked_at: null, expires_at: new Date('2025-07-01T02:00:00Z') };
  it('is open until the second it expires, then expired; used and revoked say so whatever the time', () => {
    expect(invitationStatus(link, new Date('2025-07-01T01:59:59Z'))).toBe('open');
    expect(invitationStatus(link, new Date('2025-07-01T02:00:00Z'))).toBe('expired');
    expect(invitationStatus({ ...link, revoked_at: new Date('2025-06-02T00:00:00Z') }, new Date('2025-06-03T00:00:00Z'))).toBe('revoked');
    expect(invitationStatus({ ...link, accepted_at: new Date('2025-06-02T00:00:00Z') }, new Date('2025-08-01T00:00:00Z'))).toBe('accepted');
  });
});
