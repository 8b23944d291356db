import { describe, expect, it } from 'vitest';
import type { InvitationSummary, PersonView } from '../api/types.ts';
import { invitablePeople, invitationCodeOf, sortInvitations } from './invitations.ts';

const person = (name: string, status: PersonView['status']): PersonView => ({ name, phone: '139****0001', status });

describe('who a leader may invite by name', () => {
  it('lists members and advisors still invited, with their place among their role', () => {
    const r = { entrantKind: 'team' as const, members: [person('甲', 'confirmed'), person('乙', 'invited')], advisors: [person('丙', 'invited')] };
    expect(invitablePeople(r)).toEqual([
      { role: 'member', index: 1, name: '乙' },
      { role: 'advisor', index: 0, name: '丙' },
    ]);
  });
  it('lists no members for an individual entry and nobody for an organisation', () => {
    expect(invitablePeople({ entrantKind: 'individual', members: [person('甲', 'invited')], advisors: [person('丙', 'invited')] })).toEqual([
      { role: 'advisor', index: 0, name: '丙' },
    ]);
    expect(invitablePeople({ entrantKind: 'organisation', members: [person('甲', 'invited')], advisors: [person('丙', 'invited')] })).toEqual([]);
  });
});

describe('the order of a leader’s invitations', () => {
  const invitation = (id: string, status: InvitationSummary['status'], createdAt: string): InvitationSummary => ({
    id,
    role: 'member',
    status,
    createdAt,
    expiresAt: '2025-09-09T16:00:00.000Z',
  });
  it('puts open ones first, newest first within each', () => {
    const list = [
      invitation('a', 'revoked', '2025-06-03T00:00:00Z'),
      invitation('b', 'open', '2025-06-01T00:00:00Z'),
      invitation('c', 'open', '2025-06-02T00:00:00Z'),
      invitation('d', 'accepted', '2025-06-04T00:00:00Z'),
    ];
    expect(sortInvitations(list).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('the invitation code a member types on 我的报名', () => {
  it('takes the 10-character code as issued, keeping its case and dropping spaces around it', () => {
    expect([invitationCodeOf('  Ab3dE5gH9k '), invitationCodeOf('ab3de5gh9k')]).toEqual(['Ab3dE5gH9k', 'ab3de5gh9k']);
  });
  it('takes the code out of a whole invitation link', () => {
    expect([invitationCodeOf('https://leitai.example/join/Ab3dE5gH9k'), invitationCodeOf('/join/Ab3dE5gH9k/?from=wx')]).toEqual(['Ab3dE5gH9k', 'Ab3dE5gH9k']);
  });
  it('refuses codes of the wrong length or with other characters, and other links', () => {
    expect([
      invitationCodeOf('Ab3dE5gH9'),
      invitationCodeOf('Ab3dE5gH9kk'),
      invitationCodeOf('Ab3dE-gH9k'),
      invitationCodeOf('/contests/Ab3dE5gH9k'),
      invitationCodeOf(''),
    ]).toEqual([null, null, null, null, null]);
  });
});
