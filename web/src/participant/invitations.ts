import type { InvitationSummary, PersonView, RegistrationView } from '../api/types.ts';

export interface InvitablePerson {
  role: 'member' | 'advisor';
  /** Their place among the role's people: what the server binds the invitation to. */
  index: number;
  name: string;
}

/**
 * The listed people who have not confirmed yet, each of whom the leader may send an invitation only
 * they can accept: a team's members and advisors, an individual's advisors; an organisation entry's
 * people are offered none here, though the server would take an invitation for them.
 */
export const invitablePeople = (r: Pick<RegistrationView, 'entrantKind' | 'members' | 'advisors'>): InvitablePerson[] => {
  const waiting = (role: InvitablePerson['role'], people: PersonView[]) =>
    people.flatMap((p, index) => (p.status === 'invited' ? [{ role, index, name: p.name }] : []));
  return [...(r.entrantKind === 'team' ? waiting('member', r.members) : []), ...(r.entrantKind !== 'organisation' ? waiting('advisor', r.advisors) : [])];
};

/** Open invitations first (they are what a leader may revoke), then the rest, newest first within each. */
export const sortInvitations = (list: InvitationSummary[]): InvitationSummary[] =>
  [...list].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.createdAt.localeCompare(a.createdAt));

const CODE = /^[A-Za-z0-9]{10}$/;

/**
 * The invitation code in what a member typed or pasted: the 10-character 邀请码 as issued (case kept,
 * spaces around it dropped), or the code at the end of a whole /join/ link. Null when neither.
 */
export const invitationCodeOf = (text: string): string | null => {
  const typed = text.trim();
  if (CODE.test(typed)) return typed;
  const linked = /\/join\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(typed)?.[1];
  return linked && CODE.test(linked) ? linked : null;
};
