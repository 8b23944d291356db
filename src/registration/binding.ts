import { personIdentifiers } from './eligibility/index.ts';
import type { PersonInput, RegistrationInput } from './schema.ts';

interface Bound {
  role: 'member' | 'advisor';
  for_identifiers: string[] | null;
}

/** Whether a person is the one an invitation is for: any identifier in common. An unbound invitation is for anyone. */
export const isInvitationFor = (invitation: Bound, person: PersonInput) =>
  invitation.for_identifiers === null || personIdentifiers(person).some((id) => invitation.for_identifiers!.includes(id));

/** Bound invitations whose person the entry no longer lists in that role: an edit that removes someone revokes theirs. */
export const invitationsOfRemovedPeople = <Invitation extends Bound>(invitations: Invitation[], entry: RegistrationInput) =>
  invitations.filter((invitation) => {
    if (invitation.for_identifiers === null) return false;
    const listed = invitation.role === 'member' ? entry.members : entry.advisors;
    return !listed.some((person) => isInvitationFor(invitation, person));
  });
