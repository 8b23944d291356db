import { z } from 'zod';
import { idSchema, quoteSchema } from './common.ts';

export const criterionSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  /** Percent of the round's judge score. */
  weight: z.number().positive().max(100),
  scale: z.strictObject({ min: z.number(), max: z.number() }).default({ min: 0, max: 100 }),
});

/** Which divisions a setting applies to: `each` division, or the listed ones. */
export const divisionSelectorSchema = z.union([z.literal('each'), z.array(z.string()).min(1)]);

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
    rubric: z.array(criterionSchema).optional(),
    /** How judges' scores for one entry combine. */
    combine: z.enum(['mean', 'trimmed-mean', 'median']).default('mean'),
    /** Percent weights of the round score; they sum to 100. */
    weights: z
      .strictObject({
        judges: z.number().min(0).max(100),
        publicVote: z.number().min(0).max(100).default(0),
      })
      .default({ judges: 100, publicVote: 0 }),
    /** The phase of the public vote counted in this round, when it counts. */
    publicVotePhase: idSchema.optional(),
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
