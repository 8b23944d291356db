import { z } from 'zod';
import { idSchema, quoteSchema } from './common.ts';
import { eligibilityRuleSchema } from './eligibility.ts';
import { worksSchema } from './works.ts';

/** What a track, group or category may override of its parent. */
const overridable = {
  rules: z.array(eligibilityRuleSchema).default([]),
  works: worksSchema.optional(),
};

const named = {
  id: idSchema,
  name: z.string().min(1),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  quote: quoteSchema,
};

/** 组别 (000's 校园组/社会组) or 作品类别 (002's 平面设计类…): each is a division of its own. */
export const subdivisionSchema = z.strictObject({
  ...named,
  ...overridable,
  /** The school an entry is registered under (申报学校): `leader`, the school of its leader (000's 校园组). */
  entrySchool: z.literal('leader').optional(),
});

/** 赛题: a topic within a track; some are closed to registration, some are 揭榜挂帅 challenges. */
export const topicSchema = z.strictObject({
  ...named,
  openChallenge: z.boolean().default(false),
  /** The company that set an open challenge (发榜企业). */
  company: z.string().optional(),
  registration: z.enum(['open', 'closed']).default('open'),
  closedReason: z.string().optional(),
});

export const trackSchema = z
  .strictObject({
    ...named,
    ...overridable,
    groups: z.array(subdivisionSchema).default([]),
    categories: z.array(subdivisionSchema).default([]),
    topics: z.array(topicSchema).default([]),
    /** Whether an entry must pick one of the listed topics ("每个参赛项目限报一个赛题方向"). */
    topicRequired: z.boolean().default(false),
    /** The track has 揭榜挂帅 sub-topics set by companies, listed or not. */
    openChallenges: z.boolean().default(false),
    /** How many topics the announcement says the track has, where it lists only some of them. */
    topicCountAsPublished: z.number().int().positive().optional(),
  })
  .superRefine((track, ctx) => {
    if (track.groups.length > 0 && track.categories.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'a track has groups or categories, not both' });
    }
  });

export type Subdivision = z.infer<typeof subdivisionSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Track = z.infer<typeof trackSchema>;
