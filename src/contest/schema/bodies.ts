import { z } from 'zod';
import { idSchema, quoteSchema, yuanSchema } from './common.ts';

/**
 * 机构设置: the committees an announcement sets up (001's 组委会 with its published names, and its
 * 评审委员会 whose names are published later), as the page shows them.
 */
export const committeeMemberSchema = z.strictObject({
  /** 顾问 · 主任 · 副主任 · 秘书处 … as published. */
  role: z.string(),
  /** Absent where the announcement gives only the post. */
  name: z.string().optional(),
  /** 职务: the member's organisation and post. */
  position: z.string().optional(),
});

export const committeeSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  duties: z.string().optional(),
  /** Who it is made of, where the members themselves are not named (a review committee's experts). */
  composition: z.string().optional(),
  /** When or how the members' names are published, where the announcement does not list them. */
  membersPublished: z.string().optional(),
  members: z.array(committeeMemberSchema).default([]),
  quote: quoteSchema,
});

/** A loan ceiling of a support measure: 001's 创业担保贷款, 20万 for a person, 300万 for a small firm. */
export const loanLimitSchema = z.strictObject({
  /** Who borrows, in the announcement's words (个人, 合伙创业（人均）…). */
  borrower: z.string(),
  maxCny: yuanSchema,
});

/** 政策扶持: what the organisers offer after the contest, each measure as published. */
export const supportMeasureSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().optional(),
  text: z.string(),
  loanLimits: z.array(loanLimitSchema).optional(),
  /** 贴息: who subsidises the loan's interest, as published. */
  interestSubsidy: z.string().optional(),
  quote: quoteSchema,
});

export const supportSchema = z.strictObject({
  summary: z.string().optional(),
  quote: quoteSchema,
  measures: z.array(supportMeasureSchema).default([]),
});

export type Committee = z.infer<typeof committeeSchema>;
export type Support = z.infer<typeof supportSchema>;
