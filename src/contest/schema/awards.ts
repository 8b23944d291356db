import { z } from 'zod';
import { idSchema, quoteSchema, yuanSchema } from './common.ts';
import { divisionSelectorSchema } from './review.ts';

export const awardTierSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  /** Per division the award group applies to. Absent where the announcement says 若干 (some). */
  count: z.number().int().positive().optional(),
  countAsPublished: z.string().optional(),
  /** Prize money per winner, integer yuan. */
  prizeCny: yuanSchema.optional(),
  /** A prize in kind (奖品), described. */
  goods: z.string().optional(),
  certificate: z.boolean().default(false),
  /** A title conferred (e.g. 医保电子凭证推荐官). */
  title: z.string().optional(),
  /**
   * `final`: the final's ranking; `public-vote`: votes alone; `finalists`: every finalist (001's 奖品及奖牌);
   * `finalists-not-placed`: every finalist without a placed tier; `judges`: chosen by the judges apart from a ranking.
   */
  decidedBy: z.enum(['final', 'public-vote', 'finalists', 'finalists-not-placed', 'judges']).default('final'),
  /** Decided apart from the final's ranking, e.g. 001's 人气奖 ("投票结果与总决赛评审无关"). */
  independentOfFinal: z.boolean().optional(),
  quote: quoteSchema,
});

/** A set of tiers given in each listed division, or once across the whole contest. */
export const awardGroupSchema = z.strictObject({
  divisions: z.union([divisionSelectorSchema, z.literal('contest')]),
  quote: quoteSchema,
  tiers: z.array(awardTierSchema).min(1),
});

export const awardsSchema = z.strictObject({
  quote: quoteSchema,
  /**
   * Whether prize money is before tax (税前, the payer withholds: 代扣代缴). Absent where the
   * announcement does not say, so that the page says so instead of stating either.
   */
  preTax: z.boolean().optional(),
  /** "每个作品只能参加一个奖项评选": an entry wins at most one award. */
  oneAwardPerEntry: z.boolean().default(false),
  groups: z.array(awardGroupSchema).default([]),
});

export type AwardTier = z.infer<typeof awardTierSchema>;
export type AwardGroup = z.infer<typeof awardGroupSchema>;
