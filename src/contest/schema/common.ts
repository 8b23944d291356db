import { z } from 'zod';

/** Ids are the stable names used in URLs, references and division paths (`app-dev/campus`). */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id of letters, digits and hyphens');

/**
 * A day as published (`2025-09-09`: the whole day in the contest's time zone) or a local time
 * (`2025-09-28T09:00`). Never an offset: the contest's time zone gives it.
 */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'expected a date like 2025-09-09 or a local time like 2025-09-28T09:00');

/**
 * A web address shown as a link: only http: and https:, since a `javascript:` or `data:` link
 * runs or shows whatever it carries when a visitor clicks it on the contest page.
 */
export const httpUrlSchema = z.httpUrl('expected a web address starting with http:// or https://');

/** The sentence of the announcement a setting comes from, shown beside it on the contest page. */
export const quoteSchema = z.string().min(1).optional();

/** Money is integer yuan. */
export const yuanSchema = z.number().int().nonnegative();

/** 创新大赛 · 黑客马拉松 · 作品征集 */
export const contestFormatSchema = z.enum(['innovation-contest', 'hackathon', 'works-call']);
export type ContestFormat = z.infer<typeof contestFormatSchema>;

export const entrantKindSchema = z.enum(['individual', 'team', 'organisation']);
export type EntrantKind = z.infer<typeof entrantKindSchema>;

/**
 * Kinds of organisation the seeds distinguish. 党政机关 and 各级政府部门 are `government`;
 * 事业单位 `public-institution`; 社会团体 and 民间组织 `social-organisation`.
 */
export const organisationTypeSchema = z.enum([
  'government',
  'public-institution',
  'enterprise',
  'financial-institution',
  'research-institute',
  'university',
  'social-organisation',
  'designated-medical-institution',
  'other',
]);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;
