import type { ContestDefinition } from '../../contest/schema/index.ts';
import type { Scope } from '../../contest/scope.ts';
import type { Problem } from '../../platform/errors.ts';
import type { RegistrationInput } from '../schema.ts';
import { checkExclusiveMembers, checkOneEntryPerWork } from './across.ts';
import type { Check, ExistingEntry } from './context.ts';
import { checkDeclarations } from './declarations.ts';
import { checkLeadOrganisation, checkLegalEntity, checkOrganisationTypes, checkOrganisationsPresent } from './organisations.ts';
import { checkExcludedEmployers, checkMinExperience, checkNoDuplicatePeople, checkPersonDetails, checkStudentsOnly } from './people.ts';
import { placeEntry } from './place.ts';
import { checkAdvisors, checkEntrantKind, checkTeamSize } from './team.ts';

export type { ExistingEntry } from './context.ts';
export { toExistingEntry, personKey, personIdentifiers } from './context.ts';
export { describeRule, entrantKindNames, organisationTypeNames } from '../../contest/describe-rule.ts';

/** Every check, in the order a person filling the form meets the fields. */
const checks: Check[] = [
  checkEntrantKind,
  checkTeamSize,
  checkAdvisors,
  checkPersonDetails,
  checkNoDuplicatePeople,
  checkStudentsOnly,
  checkMinExperience,
  checkExcludedEmployers,
  checkOrganisationsPresent,
  checkOrganisationTypes,
  checkLegalEntity,
  checkLeadOrganisation,
  checkExclusiveMembers,
  checkOneEntryPerWork,
  checkDeclarations,
];

export interface EligibilityResult {
  ok: boolean;
  problems: Problem[];
  scope?: Scope;
}

/**
 * Whether an entry may register where it says, under every rule in force there. Pure: the other
 * registrations of the contest come in as data, and the phase window is the service's to check.
 */
export const checkEligibility = (definition: ContestDefinition, entry: RegistrationInput, others: ExistingEntry[] = []): EligibilityResult => {
  const placed = placeEntry(definition, entry);
  if (!placed.scope) return { ok: false, problems: placed.problems };
  const scope = placed.scope;
  const problems = [...placed.problems, ...checks.flatMap((check) => check({ definition, entry, scope, others }))];
  return { ok: problems.length === 0, problems, scope };
};
