import { z } from 'zod';
import { optionalText, requiredText } from '../platform/text.ts';
import {
  awardTierSchema,
  carriedOverFieldSchema,
  committeeSchema,
  contestFormatSchema,
  entrantKindSchema,
  httpUrlSchema,
  organisationTypeSchema,
  organiserSchema,
  localDateTimeSchema,
  phaseKindSchema,
  reviewRoundSchema,
  supportSchema,
  worksSchema,
} from './schema/index.ts';

/** Replies of the contest routes; presenter.ts builds exactly these. */
const localised = z.object({ zh: z.string(), en: z.string() });
/** A phase as replies show it; the schedule's replies pick from it. */
export const phaseView = z.object({
  id: z.string(),
  kind: phaseKindSchema,
  kinds: z.array(phaseKindSchema),
  name: z.string(),
  nameEn: z.string().optional(),
  start: z.string(),
  end: z.string(),
  asPublished: z.string().optional(),
  unpublished: z.array(z.enum(['start', 'end'])).optional(),
  online: z.boolean().optional(),
  place: z.string().optional(),
  quote: z.string().optional(),
});
/** stage: upcoming (报名未开放), open, closed (报名已截止, the contest runs on) or ended (已结束, every phase over); see stage.ts. */
const registrationWindow = z.object({ open: z.boolean(), stage: z.enum(['upcoming', 'open', 'closed', 'ended']), start: z.string(), end: z.string() });

export const contestListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  format: contestFormatSchema,
  theme: z.string().optional(),
  editionOf: z.string().nullable(),
  isDemo: z.boolean(),
  /** The contest's time zone, to show the registration window in. */
  timeZone: z.string(),
  organisers: z.array(organiserSchema.pick({ role: true, name: true })),
  registration: registrationWindow,
  phasesNow: z.array(z.object({ id: z.string(), name: z.string(), kind: phaseKindSchema })),
  prizePoolCny: z.number(),
  trackCount: z.number(),
  divisionCount: z.number(),
});

const eligibilityView = z.object({
  entrantKinds: z.array(entrantKindSchema),
  rules: z.array(z.object({ rule: z.string(), text: localised, quote: z.string().optional(), params: z.record(z.string(), z.unknown()) })),
  declarations: z.array(z.object({ id: z.string(), text: z.string(), textEn: z.string().optional() })),
  teamSize: z.object({ min: z.number().optional(), max: z.number() }).optional(),
  advisors: z.object({ max: z.number() }).optional(),
  studentsOnly: z.boolean(),
  minExperienceYears: z.number().optional(),
  organisationTypes: z.array(organisationTypeSchema).optional(),
  legalEntityOnly: z.boolean(),
});

const subView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  quote: z.string().optional(),
  eligibility: eligibilityView,
  works: worksSchema.optional(),
  entrySchool: z.literal('leader').optional(),
});

const trackView = subView.extend({
  groups: z.array(subView),
  categories: z.array(subView),
  topics: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      openChallenge: z.boolean(),
      company: z.string().optional(),
      registration: z.enum(['open', 'closed']),
      closedReason: z.string().optional(),
      quote: z.string().optional(),
    }),
  ),
  topicRequired: z.boolean(),
  openChallenges: z.boolean(),
  topicCountAsPublished: z.number().optional(),
});

const divisionView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  trackId: z.string(),
  groupId: z.string().optional(),
  categoryId: z.string().optional(),
});

/** Another edition, named for people (its id is for links only). */
const editionLink = z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), edition: z.string().optional() });

export const contestViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    format: contestFormatSchema,
    theme: z.string().optional(),
    themeEn: z.string().optional(),
    summary: z.string().optional(),
    edition: z.string().optional(),
    editionOf: z.string().nullable(),
    /** Its place among its editions: the contest it was copied from and the current (newest) edition of the chain. */
    editions: z.object({ of: editionLink.nullable(), current: editionLink }),
    /** The definition version in force and the SHA-256 of its canonical JSON: what decisions under it record. */
    version: z.object({ number: z.number().int(), sha256: z.string() }),
    isDemo: z.boolean(),
    announcement: z.object({ title: z.string(), reference: z.string().optional(), url: z.string().optional(), publishedOn: z.string().optional() }).optional(),
    /** The texts still the previous edition's (copy.ts), which the page marks as such. */
    carriedOver: z.array(carriedOverFieldSchema).optional(),
    organisers: z.array(organiserSchema),
    committees: z.array(committeeSchema),
    prizePayer: z.string().optional(),
    timeZone: z.string(),
    free: z.boolean(),
    registrationOpen: z.boolean(),
    registration: registrationWindow,
    phasesNow: z.array(z.string()),
    phases: z.array(phaseView),
    /** The contest-level rules and works; a track's own replace them rule by rule. */
    eligibility: eligibilityView,
    works: worksSchema.optional(),
    tracks: z.array(trackView),
    zones: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), coordinator: z.string().optional() })),
    zoneRequired: z.boolean(),
    divisions: z.array(divisionView),
    review: z.object({ rounds: z.array(reviewRoundSchema) }),
    awards: z.object({
      preTax: z.boolean().optional(),
      oneAwardPerEntry: z.boolean(),
      groups: z.array(
        z.object({
          divisions: z.union([z.literal('contest'), z.array(z.object({ id: z.string(), name: z.string() }))]),
          quote: z.string().optional(),
          tiers: z.array(awardTierSchema),
        }),
      ),
    }),
    prizePoolCny: z.number(),
    support: supportSchema.optional(),
    notes: z.array(z.string()),
    contacts: z.array(z.object({ label: z.string(), value: z.string() })),
  })
  .meta({ id: 'Contest' });

export const contestListReply = z.object({ contests: z.array(contestListItemSchema) });
export const contestReply = z.object({ contest: contestViewSchema });
export const contestParams = z.object({ id: z.string().max(120) });
/** A new edition: the day its registration opens, and the organiser's own names over the proposed ones. */
export const copyContestBody = z.object({
  registrationOpens: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  name: optionalText({ max: 200 }),
  nameEn: optionalText({ max: 200 }),
});
export const nextEditionQuery = copyContestBody;
export const nextEditionReply = z.object({
  edition: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    shortName: z.string().optional(),
    edition: z.string().optional(),
    year: z.number().int(),
    previousYear: z.number().int(),
    firstDay: z.string(),
    lastDay: z.string(),
    /** First-edition words (首届, 1st) in its names, for the organiser to keep or edit. */
    flagged: z.array(z.object({ field: z.enum(['name', 'nameEn', 'shortName']), word: z.string() })),
    carriedOver: z.array(carriedOverFieldSchema),
  }),
});
/** An edition's own summary and announcement, over those carried from the previous edition; a text left out stays as it is. */
export const editionTextsBody = z.object({
  summary: optionalText({ max: 2000, multiLine: true }),
  announcement: z
    .object({
      title: requiredText({ max: 300 }),
      reference: optionalText({ max: 100 }),
      url: httpUrlSchema.optional(),
      publishedOn: localDateTimeSchema.optional(),
    })
    .optional(),
});
export const publishedContestReply = z.object({ contest: z.object({ id: z.string(), version: z.number().int() }) });
export const copiedContestReply = z.object({ contest: z.object({ id: z.string() }) });
export const deletedContestReply = copiedContestReply;
