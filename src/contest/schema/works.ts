import { z } from 'zod';
import { idSchema, quoteSchema } from './common.ts';

/**
 * What an entry must submit. Declared here; the submission feature enforces it.
 * Text lengths count 字 as a Chinese reader does: graphemes, full-width punctuation included,
 * spaces at the ends not.
 */
export const fileKindSchema = z.enum(['jpeg', 'png', 'pdf', 'ppt', 'pptx', 'mp4', 'mov', 'doc', 'docx', 'zip']);

/**
 * The phase in whose window a requirement is handed in, where works differ by stage (003: the
 * application, the online stage, the workshop; 004: materials asked for during the review). Absent:
 * with the entry's works in the contest's submission phases.
 */
const stageSchema = idSchema.optional();

const imageRequirementSchema = z.strictObject({
  minLongSidePx: z.number().int().positive().optional(),
  minWidthPx: z.number().int().positive().optional(),
  minHeightPx: z.number().int().positive().optional(),
  exifRequired: z.boolean().optional(),
  colour: z.boolean().optional(),
});

const videoRequirementSchema = z.strictObject({
  maxDurationSeconds: z.number().positive().optional(),
  orientation: z.enum(['landscape', 'portrait']).optional(),
  minWidthPx: z.number().int().positive().optional(),
  minHeightPx: z.number().int().positive().optional(),
  subtitles: z.enum(['required', 'optional']).optional(),
});

export const fileRequirementSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  quote: quoteSchema,
  kinds: z.array(fileKindSchema).min(1),
  phase: stageSchema,
  required: z.boolean().default(true),
  count: z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive() }).default({ min: 1, max: 1 }),
  maxSizeMb: z.number().positive().optional(),
  image: imageRequirementSchema.optional(),
  video: videoRequirementSchema.optional(),
  /** Things a person must check by eye (opening and closing captions…): shown, not probed. */
  notes: z.array(z.string()).optional(),
});

export const fieldRequirementSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  quote: quoteSchema,
  type: z.enum(['text', 'url']),
  phase: stageSchema,
  required: z.boolean().default(true),
  maxChars: z.number().int().positive().optional(),
  minChars: z.number().int().positive().optional(),
  /** Text length is counted in graphemes (字); the only counting the seeds use. */
  countAs: z.literal('graphemes').default('graphemes'),
  requiredWhen: z.string().optional(),
});

export const worksSchema = z.strictObject({
  quote: quoteSchema,
  files: z.array(fileRequirementSchema).default([]),
  fields: z.array(fieldRequirementSchema).default([]),
  /**
   * Export names built from the entry, e.g. `{entrantName}+{title}`. Placeholders: entrantName,
   * title, category, leaderName, leaderPhone, track, group.
   */
  naming: z
    .string()
    .regex(/^([^{}]|\{(entrantName|title|category|leaderName|leaderPhone|track|group)\})+$/, 'unknown placeholder')
    .optional(),
  originality: z.array(z.enum(['original', 'unpublished', 'no-plagiarism'])).optional(),
});

export type Works = z.infer<typeof worksSchema>;
