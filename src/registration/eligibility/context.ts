import { comparableText } from '../../platform/text.ts';
import type { ContestDefinition, EligibilityRule, EligibilityRuleName, RuleOf } from '../../contest/schema/index.ts';
import type { Scope } from '../../contest/scope.ts';
import type { Problem } from '../../platform/errors.ts';
import { normaliseCreditCode, normaliseIdNumber, normalisePhone } from '../identity.ts';
import type { PersonInput, RegistrationInput } from '../schema.ts';

/** Another active registration of the same contest, as the rules across registrations need it. */
export interface ExistingEntry {
  id: string;
  ref: string;
  title: string;
  teamName?: string;
  /** Identifiers of the leader and members (advisors are not 队员). */
  memberIdentifiers: string[][];
  /** Identifiers of who entered: the leader's, or the lead organisation's. */
  entrantIdentifiers: string[];
  /**
   * Whether the one registering may be told which entry this is (its own people, organisers).
   * To anyone else a message names no other entry: it would answer "which team is 139… on?".
   */
  disclosed: boolean;
}

export interface EligibilityContext {
  definition: ContestDefinition;
  entry: RegistrationInput;
  scope: Scope;
  /** Other active registrations, this one excluded when it is being edited. */
  others: ExistingEntry[];
}

export type Check = (context: EligibilityContext) => Problem[];

/** A rule's refusal; its English starts with a capital, as messages that open with a role ("member 张三 …") would not. */
export const problem = (code: string, zh: string, en: string, extra: { path?: string; rule?: string } = {}): Problem => ({
  code,
  message: { zh, en: en.charAt(0).toUpperCase() + en.slice(1) },
  ...(extra.path ? { path: extra.path } : {}),
  ...(extra.rule ? { rule: extra.rule } : {}),
});

export const ruleOf = <Name extends EligibilityRuleName>(scope: Scope, name: Name) => scope.rules.find((rule): rule is RuleOf<Name> => rule.rule === name);

export const ruleSource = (scope: Scope, rule: EligibilityRule) => scope.ruleSources.get(rule.rule);

/** Chinese text the definition gives no English for, quoted in an English message as a name is. */
export const quoted = (text: string) => `"${text}"`;

/** The place's readable name: 应用开发赛道（校园组）. */
export const placeName = (scope: Scope) => ({
  zh: scope.subdivision ? `${scope.track.name}（${scope.subdivision.name}）` : scope.track.name,
  en: scope.subdivision
    ? `${scope.track.nameEn ?? scope.track.name} (${scope.subdivision.nameEn ?? scope.subdivision.name})`
    : (scope.track.nameEn ?? scope.track.name),
});

/**
 * A person may be written with an ID number in one team and a phone in another; every identifier
 * given counts, and two people are the same when any identifier matches.
 */
export const personIdentifiers = (person: PersonInput): string[] => [
  ...(person.idNumber ? [`id:${normaliseIdNumber(person.idNumber)}`] : []),
  ...(person.phone ? [`phone:${normalisePhone(person.phone)}`] : []),
  ...(person.email ? [`email:${person.email.toLowerCase()}`] : []),
];

/** The stable key a person is stored under: ID number, else phone, else email, else name. */
export const personKey = (person: PersonInput) => personIdentifiers(person)[0] ?? `name:${person.name}`;

/** The people on the team (队员): the leader and members; advisors are not. */
export const teamPeople = (entry: RegistrationInput) =>
  entry.entrantKind === 'organisation' && entry.members.length === 0
    ? []
    : [
        { person: entry.leader, path: 'leader', label: { zh: '负责人', en: 'leader' } },
        ...entry.members.map((person, i) => ({ person, path: `members[${i}]`, label: { zh: '成员', en: 'member' } })),
      ];

export const entrantIdentifiers = (entry: RegistrationInput): string[] => {
  if (entry.entrantKind === 'organisation') {
    const lead = entry.organisations.find((o) => o.isLead) ?? entry.organisations[0];
    if (!lead) return [];
    return [lead.creditCode ? `org:${normaliseCreditCode(lead.creditCode)}` : `org-name:${comparableText(lead.name)}`];
  }
  return personIdentifiers(entry.leader);
};

export const toExistingEntry = (id: string, ref: string, entry: RegistrationInput, disclosed = false): ExistingEntry => ({
  id,
  ref,
  title: entry.title,
  teamName: entry.teamName,
  memberIdentifiers: teamPeople(entry).map(({ person }) => personIdentifiers(person)),
  entrantIdentifiers: entrantIdentifiers(entry),
  disclosed,
});
