/**
 * The keys of an entry that the rules across registrations compare: its people's canonical
 * identifiers and its organisations. Stored one row each for active registrations (the
 * registration_identifiers and registration_organisations tables), so a registration loads only
 * the entries that share a key with it, and locks only those keys.
 */
import { divisionIdOf } from '../contest/divisions.ts';
import type { NewRegistrationIdentifier, NewRegistrationOrganisation } from '../platform/db-types.ts';
import { comparableText } from '../platform/text.ts';
import { personIdentifiers } from './eligibility/index.ts';
import { normaliseCreditCode } from './identity.ts';
import type { PersonInput, RegistrationInput } from './schema.ts';

type Kind = NewRegistrationIdentifier['kind'];

/** `phone:139…` → ['phone', '139…']: the same canonical forms the rules compare (personIdentifiers). */
const split = (identifier: string): [Kind, string] => {
  const at = identifier.indexOf(':');
  return [identifier.slice(0, at) as Kind, identifier.slice(at + 1)];
};

const peopleOf = (entry: RegistrationInput): [PersonInput, 'leader' | 'member' | 'advisor'][] => [
  [entry.leader, 'leader'],
  ...entry.members.map((p): [PersonInput, 'member'] => [p, 'member']),
  ...entry.advisors.map((p): [PersonInput, 'advisor'] => [p, 'advisor']),
];

/** What an entry is found by: every identifier of every person (advisors too), every organisation's code and name. */
export interface EntryKeys {
  identifiers: [Kind, string][];
  creditCodes: string[];
  nameKeys: string[];
}

export const entryKeys = (entry: RegistrationInput): EntryKeys => ({
  identifiers: peopleOf(entry).flatMap(([person]) => personIdentifiers(person).map(split)),
  creditCodes: entry.organisations.flatMap((o) => (o.creditCode ? [normaliseCreditCode(o.creditCode)] : [])),
  nameKeys: entry.organisations.map((o) => comparableText(o.name)),
});

/**
 * The advisory locks a change of this entry takes, sorted so two transactions always take shared
 * keys in the same order (no deadlock). Two entries the rules could set against each other share a
 * person or an organisation, so they share a lock and run one after the other; the title needs no
 * lock, since one work entered twice is the same title *and* a shared person or organisation.
 */
export const lockKeys = (contestId: string, keys: EntryKeys) =>
  [
    ...new Set([
      ...keys.identifiers.map(([kind, value]) => `${kind}:${value}`),
      ...keys.creditCodes.map((c) => `org:${c}`),
      ...keys.nameKeys.map((n) => `org-name:${n}`),
    ]),
  ]
    .map((key) => `registration-key:${contestId}:${key}`)
    .sort();

/** The rows an active registration keeps in the key tables; names are kept for the organiser's search. */
export const keyRows = (contestId: string, registrationId: string, entry: RegistrationInput) => {
  const division_id = divisionIdOf(entry.trackId, entry.groupId ?? entry.categoryId);
  const identifiers: NewRegistrationIdentifier[] = peopleOf(entry).flatMap(([person, person_role]) =>
    [...personIdentifiers(person).map(split), ['name', person.name] as [Kind, string]].map(([kind, value]) => ({
      contest_id: contestId,
      registration_id: registrationId,
      kind,
      value,
      person_role,
      division_id,
    })),
  );
  const organisations: NewRegistrationOrganisation[] = entry.organisations.map((o) => ({
    contest_id: contestId,
    registration_id: registrationId,
    credit_code: o.creditCode ? normaliseCreditCode(o.creditCode) : null,
    name_key: comparableText(o.name),
    type: o.type,
    is_lead: o.isLead,
    division_id,
  }));
  return { identifiers, organisations };
};
