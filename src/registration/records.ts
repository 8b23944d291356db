import { keyedDigest } from '../audit/key.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import type { NewRegistrationMember, RegistrationMemberRow, MemberStatus } from '../platform/db-types.ts';
import { maskPerson } from './identity.ts';
import { personIdentifiers, personKey, toExistingEntry, type ExistingEntry } from './eligibility/index.ts';
import type { PersonInput, RegistrationInput } from './schema.ts';

/**
 * A registration as it is kept: the input as validated and, where its place registers an entry under
 * its leader's school (000's 校园组, `entrySchool: leader`), that school, the 申报学校, as it stood when
 * the entry was registered or last edited.
 */
export type RegistrationRecord = RegistrationInput & { entrySchool?: string };

/** How a registration's entrant is kept: the record without the place (kept in columns). */
export type StoredEntrant = Omit<RegistrationRecord, 'trackId' | 'groupId' | 'categoryId' | 'topicId' | 'zoneId' | 'title'>;

/**
 * The entry as it will be stored and audited: with its 申报学校 where its place records one, taken
 * from the leader; never one the request carried.
 */
export const withEntrySchool = (definition: ContestDefinition, entry: RegistrationRecord): RegistrationRecord => {
  const { entrySchool: _carried, ...input } = entry;
  const track = definition.tracks.find((t) => t.id === input.trackId);
  const subdivision = [...(track?.groups ?? []), ...(track?.categories ?? [])].find((s) => s.id === (input.groupId ?? input.categoryId));
  const school = subdivision?.entrySchool === 'leader' ? input.leader.school : undefined;
  return school ? { ...input, entrySchool: school } : input;
};

export const toStoredEntrant = ({
  trackId: _t,
  groupId: _g,
  categoryId: _c,
  topicId: _p,
  zoneId: _z,
  title: _title,
  ...entrant
}: RegistrationRecord): StoredEntrant => entrant;

export const toInput = (row: {
  title: string;
  track_id: string;
  group_id: string | null;
  category_id: string | null;
  topic_id: string | null;
  zone_id: string | null;
  entrant: unknown;
}): RegistrationRecord => ({
  ...(row.entrant as StoredEntrant),
  title: row.title,
  trackId: row.track_id,
  groupId: row.group_id,
  categoryId: row.category_id,
  topicId: row.topic_id,
  zoneId: row.zone_id,
});

/** The other registrations as the rules see them; `disclosed` says which of them a message may name to this actor. */
export const existingEntriesOf = (rows: { id: string; ref: string; title: string; entrant: unknown }[], disclosed: (id: string) => boolean): ExistingEntry[] =>
  rows.map((row) => toExistingEntry(row.id, row.ref, { ...(row.entrant as StoredEntrant), title: row.title } as RegistrationInput, disclosed(row.id)));

/**
 * One member row per person. The leader who registers is confirmed; people the leader lists stay
 * invited until they confirm through an invitation, and keep their confirmation across edits.
 */
export const memberRows = (
  registrationId: string,
  entry: RegistrationInput,
  leaderAccountId: string | null,
  previous: RegistrationMemberRow[] = [],
): NewRegistrationMember[] => {
  const confirmedBefore = (person: PersonInput, role: 'member' | 'advisor') =>
    previous.find((row) => row.role === role && row.status === 'confirmed' && personIdentifiers(person).includes(row.person_key));
  const row = (person: PersonInput, role: 'leader' | 'member' | 'advisor', status: MemberStatus, accountId: string | null): NewRegistrationMember => ({
    registration_id: registrationId,
    person_key: personKey(person),
    role,
    name: person.name,
    account_id: accountId,
    status,
  });
  const listed = (person: PersonInput, role: 'member' | 'advisor') => {
    const before = confirmedBefore(person, role);
    return row(person, role, before ? 'confirmed' : 'invited', before?.account_id ?? null);
  };
  const people = entry.entrantKind === 'individual' ? [] : entry.members.map((p) => listed(p, 'member'));
  return [row(entry.leader, 'leader', 'confirmed', leaderAccountId), ...people, ...entry.advisors.map((p) => listed(p, 'advisor'))];
};

/**
 * The audit log is read by supervisors, so it must not spread people's ID numbers and phones:
 * the event carries the entry with those masked, plus a keyed digest (HMAC under the audit key)
 * of the full entry, which proves what was accepted to whoever holds the key. Never a bare hash:
 * the masked entry leaves 10⁴ candidates for a phone, and a bare hash confirms the right one.
 */
export const auditEntry = (entry: RegistrationRecord) => {
  const mask = (person: PersonInput) => maskPerson(person);
  return {
    entry: { ...entry, leader: mask(entry.leader), members: entry.members.map(mask), advisors: entry.advisors.map(mask) },
    entryHmac: keyedDigest('registration.entry', entry),
  };
};
