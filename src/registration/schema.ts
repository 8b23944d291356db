import { z } from 'zod';
import { entrantKindSchema, organisationTypeSchema } from '../contest/schema/common.ts';
import { optionalText, requiredText } from '../platform/text.ts';

/** a***@example.com as a reply showed it: an edit form sends it back for the server to keep the stored address. */
const maskedEmail = z.string().regex(/^[^@\s]\*{3}@[^@\s]+$/);

/**
 * What an entrant sends to register. Formats that carry rules (phone, ID number, credit code) are
 * checked by the eligibility rules, not here, so each refusal gets its own code and a message that
 * names the value; this schema only fixes the shape.
 */
export const personInputSchema = z.object({
  name: requiredText({ max: 50 }),
  /** Canonicalised (identity.ts canonicalPerson) by the service before any rule or storage. */
  phone: optionalText({ max: 24 }),
  email: z
    .email()
    .max(200)
    .or(maskedEmail)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** 居民身份证号 */
  idNumber: optionalText({ max: 24 }),
  isFullTimeStudent: z.boolean().optional(),
  school: optionalText({ max: 100 }),
  employer: optionalText({ max: 100 }),
  /** The kind of body the person works for; matched by excludedEmployers. */
  employerType: optionalText({ max: 60 }),
  experienceYears: z.number().min(0).max(80).optional(),
});

export const organisationInputSchema = z.object({
  name: requiredText({ max: 100 }),
  type: organisationTypeSchema,
  /** 牵头单位 */
  isLead: z.boolean().default(false),
  hasLegalEntity: z.boolean().default(false),
  /** 统一社会信用代码 */
  creditCode: optionalText({ max: 18 }),
});

export const entryPlaceSchema = z.object({
  trackId: z.string().min(1).max(60),
  groupId: z.string().max(60).nullish(),
  categoryId: z.string().max(60).nullish(),
  topicId: z.string().max(60).nullish(),
  zoneId: z.string().max(60).nullish(),
});

export const registrationInputSchema = entryPlaceSchema.extend({
  title: requiredText({ max: 100 }),
  entrantKind: entrantKindSchema,
  teamName: optionalText({ max: 60 }),
  /** The individual entrant, the team's 负责人, or an organisation entry's contact person. */
  leader: personInputSchema,
  members: z.array(personInputSchema).max(100).default([]),
  advisors: z.array(personInputSchema).max(20).default([]),
  organisations: z.array(organisationInputSchema).max(20).default([]),
  /** Ids of the definition's declarations the entrant accepts. */
  declarations: z.array(z.string().max(60)).max(20).default([]),
});

export type PersonInput = z.infer<typeof personInputSchema>;
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
export type RegistrationInput = z.infer<typeof registrationInputSchema>;
export type RegistrationInputRaw = z.input<typeof registrationInputSchema>;

const named = z.object({ id: z.string(), name: z.string() });
/**
 * Reply schemas carry no transforms: Fastify serialises replies with z.encode, which refuses the
 * one-way trimming transforms of the input schemas (every reply would be a 500).
 */
const personViewSchema = z.object({
  name: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  idNumber: z.string().optional(),
  isFullTimeStudent: z.boolean().optional(),
  school: z.string().optional(),
  employer: z.string().optional(),
  employerType: z.string().optional(),
  experienceYears: z.number().optional(),
  status: z.enum(['confirmed', 'invited']),
});
const organisationViewSchema = z.object({
  name: z.string(),
  type: organisationTypeSchema,
  isLead: z.boolean(),
  hasLegalEntity: z.boolean(),
  creditCode: z.string().optional(),
});

/** A registration as the API presents it (presenter.ts builds exactly this). */
export const registrationViewSchema = z
  .object({
    id: z.string(),
    ref: z.string(),
    contestId: z.string(),
    contestName: z.string(),
    title: z.string(),
    entrantKind: entrantKindSchema,
    teamName: z.string().optional(),
    entrySchool: z.string().optional(),
    track: named,
    group: named.optional(),
    category: named.optional(),
    topic: named.optional(),
    zone: named.optional(),
    division: named,
    status: z.enum(['active', 'withdrawn']),
    isDemo: z.boolean(),
    leader: personViewSchema,
    members: z.array(personViewSchema),
    advisors: z.array(personViewSchema),
    organisations: z.array(organisationViewSchema),
    declarations: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawnAt: z.string().nullable(),
    editable: z.boolean(),
    /** How the reading account stands to the entry; null only for a reply no account asked for. */
    viewerRole: z.enum(['leader', 'member', 'advisor', 'organiser', 'coordinator']).nullable(),
    /** What the reading account may do to the entry now: pages offer only these actions. */
    can: z.object({ edit: z.boolean(), invite: z.boolean(), withdraw: z.boolean(), upload: z.boolean(), reveal: z.boolean() }),
  })
  .meta({ id: 'Registration' });

export const registrationReply = z.object({ registration: registrationViewSchema });
export const registrationListReply = z.object({ registrations: z.array(registrationViewSchema) });

const problemSchema = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  path: z.string().optional(),
  rule: z.string().optional(),
});
export const checkReply = z.object({ ok: z.boolean(), problems: z.array(problemSchema) });

export const contestRegistrationsQuery = z.object({
  trackId: z.string().optional(),
  groupId: z.string().optional(),
  categoryId: z.string().optional(),
  zoneId: z.string().optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
  /** A part of the title, the start of a person's name or phone, or a reference number. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['created', 'ref', 'title']).default('ref'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number<string>().int().min(0).default(0),
  limit: z.coerce.number<string>().int().min(1).max(500).default(100),
});

export const contestRegistrationsReply = z.object({
  registrations: z.array(registrationViewSchema),
  /** How many registrations match the filters and search in all; `registrations` is one page of them. */
  matched: z.number(),
  counts: z.object({
    /** Active entries. */
    total: z.number(),
    /** Entries withdrawn: they keep their data, so a contest that has any is not empty. */
    withdrawn: z.number(),
    byDivision: z.array(z.object({ divisionId: z.string(), name: z.string(), count: z.number() })),
    byZone: z.array(z.object({ zoneId: z.string(), name: z.string(), count: z.number() })),
  }),
});

/** Why an organiser needs the full data: kept in the audit log with the reveal. */
export const revealBody = z.object({ reason: requiredText({ max: 500 }).pipe(z.string().min(4)) });

const invitationRole = z.enum(['member', 'advisor']);
/** `person.index`: the listed member or advisor (by place among the role's people) the invitation is for; none for anyone. */
export const invitationBody = z.object({ role: invitationRole, person: z.object({ index: z.number().int().min(0).max(99) }).optional() });
export type InvitationRequest = z.infer<typeof invitationBody>;
export const invitationCreatedReply = z.object({
  invitation: z.object({ id: z.string(), code: z.string(), role: invitationRole, for: z.string().optional(), url: z.string(), expiresAt: z.string() }),
});
/** Signed out, only the contest and track: the entry, its leader and who it is for need sign-in. */
export const invitationReply = z.object({
  invitation: z.object({
    code: z.string(),
    role: invitationRole,
    expiresAt: z.string(),
    for: z.string().optional(),
    registration: z.object({
      contestId: z.string(),
      contestName: z.string(),
      trackName: z.string(),
      id: z.string().optional(),
      ref: z.string().optional(),
      title: z.string().optional(),
      leaderName: z.string().optional(),
    }),
  }),
});
const invitationSummary = z.object({
  id: z.string(),
  role: invitationRole,
  for: z.string().optional(),
  status: z.enum(['open', 'accepted', 'revoked', 'expired']),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const invitationListReply = z.object({ invitations: z.array(invitationSummary) });
export const invitationSummaryReply = z.object({ invitation: invitationSummary });
/** Codes are 10 letters or digits (typed in either case); one with a character the alphabet leaves out (0, 1, I, O) is not found. */
export const invitationCodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9]{10}$/) });
export const invitationIdParams = z.object({ id: z.string().uuid(), invitationId: z.string().uuid() });
export const acceptInvitationBody = z.object({ person: personInputSchema });
