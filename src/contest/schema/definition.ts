import { IANAZone } from 'luxon';
import { z } from 'zod';
import { divisionsOf } from '../divisions.ts';
import { contestFormatSchema, httpUrlSchema, idSchema, localDateTimeSchema, quoteSchema } from './common.ts';
import { eligibilityRuleSchema } from './eligibility.ts';
import { awardsSchema } from './awards.ts';
import { committeeSchema, supportSchema } from './bodies.ts';
import { reviewSchema } from './review.ts';
import { phaseSchema } from './schedule.ts';
import { trackSchema } from './tracks.ts';
import { votingSchema } from './voting.ts';
import { worksSchema, type Works } from './works.ts';

export const organiserSchema = z.strictObject({
  /** 主办 host · 承办 organiser · 执行 executor · 支持 supporter · 协办/合作 partner · 出资 funder */
  role: z.enum(['host', 'organiser', 'executor', 'supporter', 'partner', 'funder']),
  name: z.string(),
  nameEn: z.string().optional(),
});

export const carriedOverFieldSchema = z.enum(['summary', 'announcement']);
export type CarriedOverField = z.infer<typeof carriedOverFieldSchema>;

export const zoneSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  /** The body that coordinates the zone's entrants (赛区组织单位). */
  coordinator: z.string().optional(),
  quote: quoteSchema,
});

export const contestDefinitionSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    nameEn: z.string().optional(),
    shortName: z.string().optional(),
    edition: z.string().optional(),
    format: contestFormatSchema,
    theme: z.string().optional(),
    themeEn: z.string().optional(),
    summary: z.string().optional(),
    announcement: z
      .strictObject({
        title: z.string(),
        reference: z.string().optional(),
        url: httpUrlSchema.optional(),
        publishedOn: localDateTimeSchema.optional(),
      })
      .optional(),
    /**
     * Texts a copy took from the previous edition (copy.ts): shown as the previous edition's until
     * the organiser publishes their own, which drops the mark. Absent: every text is this edition's.
     */
    carriedOver: z.array(carriedOverFieldSchema).min(1).optional(),
    organisers: z.array(organiserSchema).min(1),
    /** 机构设置: the organising and review committees. */
    committees: z.array(committeeSchema).default([]),
    /** The one body that pays prize money (唯一发放主体). */
    prizePayer: z.string().optional(),
    timeZone: z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone like Asia/Shanghai'),
    free: z.boolean().default(true),
    /** Rules for every track; tracks, groups and categories replace a rule of the same name. */
    rules: z.array(eligibilityRuleSchema).default([]),
    works: worksSchema.optional(),
    tracks: z.array(trackSchema).min(1),
    zones: z.array(zoneSchema).default([]),
    zoneRequired: z.boolean().default(false),
    phases: z.array(phaseSchema).min(1),
    /** 大众投票 that Leitai runs, one entry per public-vote phase (voting.ts). */
    voting: votingSchema.default([]),
    review: reviewSchema.default({ rounds: [] }),
    awards: awardsSchema.default({ oneAwardPerEntry: false, groups: [] }),
    /** 政策扶持: support after the contest. */
    support: supportSchema.optional(),
    notes: z.array(z.string()).default([]),
    contacts: z.array(z.strictObject({ label: z.string(), value: z.string() })).default([]),
  })
  .superRefine((definition, ctx) => {
    const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    for (const id of duplicates(definition.tracks.map((t) => t.id))) issue(['tracks'], `duplicate track id ${id}`);
    for (const id of duplicates(definition.phases.map((p) => p.id))) issue(['phases'], `duplicate phase id ${id}`);
    definition.tracks.forEach((track, t) => {
      const subIds = [...track.groups, ...track.categories, ...track.topics].map((s) => s.id);
      for (const id of duplicates(subIds)) issue(['tracks', t], `duplicate group, category or topic id ${id}`);
    });
    if (!definition.phases.some((p) => p.kind === 'registration' || p.alsoKinds?.includes('registration'))) {
      issue(['phases'], 'a contest needs a registration phase');
    }
    definition.phases.forEach((phase, p) => {
      if (phase.end < phase.start) issue(['phases', p, 'end'], `ends (${phase.end}) before it starts (${phase.start})`);
    });

    const phaseIds = new Set(definition.phases.map((p) => p.id));
    const divisionIds = new Set(divisionsOf(definition.tracks).map((d) => d.id));
    const checkDivisions = (selector: unknown, path: (string | number)[]) => {
      if (!Array.isArray(selector)) return;
      selector.forEach((id: string, i) => {
        if (!divisionIds.has(id)) issue([...path, i], `unknown division ${id}; divisions are ${[...divisionIds].join(', ')}`);
      });
    };
    definition.review.rounds.forEach((round, r) => {
      if (!phaseIds.has(round.phase)) issue(['review', 'rounds', r, 'phase'], `unknown phase ${round.phase}`);
      if (round.publicVotePhase && !phaseIds.has(round.publicVotePhase)) {
        issue(['review', 'rounds', r, 'publicVotePhase'], `unknown phase ${round.publicVotePhase}`);
      }
      checkDivisions(round.divisions, ['review', 'rounds', r, 'divisions']);
    });
    definition.awards.groups.forEach((group, g) => checkDivisions(group.divisions, ['awards', 'groups', g, 'divisions']));
    // Awards are decided in the last round, on the votes of the phase it names.
    const lastRound = definition.review.rounds.at(-1);
    definition.awards.groups.forEach((group, g) =>
      group.tiers.forEach((tier, t) => {
        if (tier.decidedBy === 'public-vote' && !lastRound?.publicVotePhase) {
          const round = lastRound ? `the last review round (${lastRound.id}) names no publicVotePhase` : 'no review round reads votes';
          issue(['awards', 'groups', g, 'tiers', t, 'decidedBy'], `decided by the public vote, but ${round}`);
        }
      }),
    );
    for (const id of duplicates(definition.voting.map((v) => v.phase))) issue(['voting'], `more than one vote in phase ${id}`);
    definition.voting.forEach((vote, v) => {
      const phase = definition.phases.find((p) => p.id === vote.phase);
      if (!phase) issue(['voting', v, 'phase'], `unknown phase ${vote.phase}`);
      else if (phase.kind !== 'public-vote' && !phase.alsoKinds?.includes('public-vote')) {
        issue(['voting', v, 'phase'], `phase ${vote.phase} is ${phase.kind}, not public-vote`);
      }
      // The round that counts the votes gives the entries voted on: without one, a vote decides nothing.
      if (phase && !definition.review.rounds.some((round) => round.publicVotePhase === vote.phase)) {
        issue(['voting', v, 'phase'], `no review round counts the votes of ${vote.phase}: name it in that round's publicVotePhase`);
      }
    });
    forEachWorks(definition, (works, path) => {
      (['files', 'fields'] as const).forEach((list) =>
        works[list].forEach((requirement, r) => {
          if (requirement.phase && !phaseIds.has(requirement.phase)) issue([...path, list, r, 'phase'], `unknown phase ${requirement.phase}`);
        }),
      );
    });
  });

/** Every `works` of a definition (contest, tracks, groups, categories) with its path. */
const forEachWorks = (
  definition: { works?: Works; tracks: { works?: Works; groups: { works?: Works }[]; categories: { works?: Works }[] }[] },
  visit: (works: Works, path: (string | number)[]) => void,
) => {
  if (definition.works) visit(definition.works, ['works']);
  definition.tracks.forEach((track, t) => {
    if (track.works) visit(track.works, ['tracks', t, 'works']);
    (['groups', 'categories'] as const).forEach((kind) =>
      track[kind].forEach((sub, s) => {
        if (sub.works) visit(sub.works, ['tracks', t, kind, s, 'works']);
      }),
    );
  });
};

export type ContestDefinition = z.infer<typeof contestDefinitionSchema>;
/** What an organiser writes, before defaults are filled in. */
export type ContestDefinitionInput = z.input<typeof contestDefinitionSchema>;
