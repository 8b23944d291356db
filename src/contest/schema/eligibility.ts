import { z } from 'zod';
import { entrantKindSchema, organisationTypeSchema, quoteSchema } from './common.ts';

/**
 * The fixed vocabulary of eligibility rules. Each entry is one named rule with its own error codes
 * (see src/registration/eligibility). A track, group or category lists only the rules that differ
 * from its parent: a rule replaces the parent's rule of the same name.
 */
const rule = <Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape) =>
  z.strictObject({ rule: z.literal(name), quote: quoteSchema, ...shape });

export const eligibilityRuleSchema = z.discriminatedUnion('rule', [
  /** Who may register: individuals, teams, organisations. */
  rule('entrantKinds', { allowed: z.array(entrantKindSchema).min(1) }),
  /** People on a team, the leader included and advisors not. */
  rule('teamSize', {
    min: z.number().int().positive().optional(),
    max: z.number().int().positive(),
  }),
  rule('advisors', { max: z.number().int().nonnegative() }),
  /** Every member (advisors apart) is a full-time student; a team may span schools. */
  rule('studentsOnly', {}),
  rule('minExperienceYears', { years: z.number().positive() }),
  /** People employed by these kinds of body (by declared type or by a word in the employer's name) may not enter. */
  rule('excludedEmployers', {
    description: z.string(),
    organisationTypes: z.array(z.string()).default([]),
    nameContains: z.array(z.string()).default([]),
  }),
  /** Which kinds of organisation may enter, as lead or partner. */
  rule('organisationTypes', { allowed: z.array(organisationTypeSchema).min(1) }),
  /** Every organisation is a legal entity with a valid unified social credit code. */
  rule('legalEntityOnly', {}),
  /** An entry by several organisations names exactly one lead organisation (牵头单位). */
  rule('leadOrganisation', {}),
  /** No person is a member of two teams in the contest. */
  rule('exclusiveMembers', {}),
  /** One work enters once: the same entrant may not register the same title again anywhere in the contest. */
  rule('oneEntryPerWork', {}),
  /** Entrants must accept these statements (承诺) to register. */
  rule('declarations', {
    items: z.array(z.strictObject({ id: z.string(), text: z.string(), textEn: z.string().optional() })).min(1),
  }),
]);

export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type EligibilityRuleName = EligibilityRule['rule'];
export type RuleOf<Name extends EligibilityRuleName> = Extract<EligibilityRule, { rule: Name }>;
