import { z } from 'zod';
import { idSchema, quoteSchema } from './common.ts';

const scaleSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((scale) => scale.min < scale.max, { message: 'a scale runs from a lower min to a higher max' });

export const criterionSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  /** Percent of the round's judge score. */
  weight: z.number().positive().max(100),
  scale: scaleSchema.default({ min: 0, max: 100 }),
});

/** Which divisions a setting applies to: `each` division, or the listed ones. */
export const divisionSelectorSchema = z.union([z.literal('each'), z.array(z.string()).min(1)]);

/**
 * How an entry's vote count becomes its public-vote score: `division-max` is votes ÷ the highest count
 * in its division × `scale`; `round-max` divides by the highest count across the round's divisions.
 */
export const publicVoteScoreSchema = z.strictObject({
  relativeTo: z.enum(['division-max', 'round-max']).default('division-max'),
  scale: z.number().positive().default(100),
});

/**
 * What decides between entries of equal round score, in order: `judges` the higher combined judge
 * score, `public-vote` the higher vote count. A tie left after the list is reported, never broken by chance.
 */
export const tieBreakSchema = z.array(z.enum(['judges', 'public-vote']));

export const reviewRoundSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    nameEn: z.string().optional(),
    /** The phase whose window this round runs in. */
    phase: idSchema,
    quote: quoteSchema,
    divisions: divisionSelectorSchema.default('each'),
    mode: z.enum(['online', 'live']).default('online'),
    /**
     * How many judges score each entry in an online round (the assignment gives each entry this many);
     * in a live round every judge of the round scores every entry.
     */
    judgesPerEntry: z.number().int().positive().max(50).default(3),
    /** The most entries one judge takes in the round; a judge's own cap, when lower, holds for that judge. */
    judgeCap: z.number().int().positive().optional(),
    /** Judges see no names, organisations or schools of the entries (盲评). */
    blind: z.boolean().default(false),
    rubric: z.array(criterionSchema).optional(),
    /** The range of a judge's total in a round without a rubric (a rubric's criteria give their own). */
    scale: scaleSchema.optional(),
    /**
     * How judges' scores for one entry combine: `trimmed-mean` drops one highest and one lowest
     * (去掉一个最高分和一个最低分); `z-score` puts each judge's scores on that judge's own mean and
     * spread before averaging, so a strict judge and a lenient one count alike.
     */
    combine: z.enum(['mean', 'trimmed-mean', 'median', 'z-score']).default('mean'),
    /** Percent weights of the round score; they sum to 100. */
    weights: z
      .strictObject({
        judges: z.number().min(0).max(100),
        publicVote: z.number().min(0).max(100).default(0),
      })
      .default({ judges: 100, publicVote: 0 }),
    /** The phase of the public vote counted in this round, when it counts. */
    publicVotePhase: idSchema.optional(),
    publicVoteScore: publicVoteScoreSchema.default({ relativeTo: 'division-max', scale: 100 }),
    tieBreak: tieBreakSchema.default([]),
    /** How many entries go on from each division, or across the contest. */
    advance: z
      .strictObject({
        perDivision: z.number().int().positive().optional(),
        total: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .superRefine((round, ctx) => {
    if (round.weights.judges + round.weights.publicVote !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `judges and publicVote weights must sum to 100, got ${round.weights.judges + round.weights.publicVote}`,
      });
    }
    if (round.weights.publicVote > 0 && !round.publicVotePhase) {
      ctx.addIssue({ code: 'custom', path: ['publicVotePhase'], message: 'a round that counts public votes names the vote phase' });
    }
    if (round.rubric && round.scale) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'a round with a rubric takes its scale from the criteria; leave scale out' });
    }
    const rubricTotal = (round.rubric ?? []).reduce((sum, c) => sum + c.weight, 0);
    if (round.rubric && Math.abs(rubricTotal - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: `criterion weights must sum to 100, got ${rubricTotal}` });
    }
  });

export const reviewSchema = z.strictObject({
  quote: quoteSchema,
  rounds: z.array(reviewRoundSchema).default([]),
});

export type ReviewRound = z.infer<typeof reviewRoundSchema>;
