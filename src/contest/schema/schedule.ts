import { z } from 'zod';
import { idSchema, localDateTimeSchema, quoteSchema } from './common.ts';

export const phaseKindSchema = z.enum([
  'launch',
  'registration',
  'submission',
  'screening',
  'preliminary',
  'semifinal',
  'final',
  'public-vote',
  'publicity',
  'ceremony',
  'promotion',
  'other',
]);
export type PhaseKind = z.infer<typeof phaseKindSchema>;

/**
 * A window in the contest's time zone. A date as end means the whole of that day.
 * `asPublished` keeps the announcement's wording when it was vaguer than a date (6月上旬).
 */
export const phaseSchema = z.strictObject({
  id: idSchema,
  kind: phaseKindSchema,
  /** One window can be several phases at once: 000's 报名及作品提交 is registration and submission. */
  alsoKinds: z.array(phaseKindSchema).optional(),
  name: z.string(),
  nameEn: z.string().optional(),
  start: localDateTimeSchema,
  end: localDateTimeSchema,
  asPublished: z.string().optional(),
  /**
   * The ends of the window the announcement does not give. The definition still needs a window to
   * enforce, so it states one (with an `# ASSUMED:` comment); the page says the date is not published.
   */
  unpublished: z
    .array(z.enum(['start', 'end']))
    .min(1)
    .optional(),
  online: z.boolean().optional(),
  place: z.string().optional(),
  quote: quoteSchema,
});

export type Phase = z.infer<typeof phaseSchema>;
