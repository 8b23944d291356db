import { z } from 'zod';
import { clearableText, requiredText } from '../../platform/text.ts';
import { shownWorksReply } from '../../submission/schema.ts';

/** Requests and replies of the scoring and review-board routes; the services build exactly these replies. */
export const contestParams = z.object({ id: z.string().max(120) });
export const roundParams = z.object({ id: z.string().max(120), roundId: z.string().max(120) });
export const entryParams = roundParams.extend({ entryId: z.string().uuid() });
export const reopenParams = entryParams.extend({ judgeId: z.string().uuid() });

/**
 * A judge's values: criterion id → value (a rubric round), or a total (a round without one). The
 * service checks them against the round (rules.ts), so each refusal names its criterion.
 */
export const scoreBody = z.object({
  criteria: z
    .record(z.string().max(60), z.number())
    .refine((criteria) => Object.keys(criteria).length <= 50, 'at most 50 criteria')
    .optional(),
  total: z.number().nullable().optional(),
  comment: clearableText({ max: 5000, multiLine: true }).optional(),
});
export const reopenBody = z.object({ reason: requiredText({ max: 500 }) });
export const remindBody = z.object({ judgeIds: z.array(z.string().uuid()).max(1000).optional() }).nullish();

const window = z.object({ start: z.string(), end: z.string() });
const roundState = z.enum(['open', 'closed', 'published']);
const scale = z.object({ min: z.number(), max: z.number() });

const scoreView = z.object({
  criteria: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  comment: z.string(),
  status: z.enum(['draft', 'submitted']),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export const scoreReply = z.object({ score: scoreView });

export const judgingRoundsReply = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      mode: z.enum(['online', 'live']),
      blind: z.boolean(),
      window,
      state: roundState,
      assigned: z.number(),
      submitted: z.number(),
    }),
  ),
});

const division = { division: z.string(), divisionName: z.string() };

export const judgingRoundReply = z.object({
  round: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    mode: z.enum(['online', 'live']),
    rubric: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), weight: z.number(), min: z.number(), max: z.number() })),
    scale: scale.nullable(),
    blind: z.boolean(),
    window,
    state: roundState,
    open: z.boolean(),
  }),
  entries: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      ...division,
      /** Absent in a blind round. */
      names: z.array(z.string()).optional(),
      score: z.object({ status: z.enum(['draft', 'submitted']), total: z.number().nullable() }).nullable(),
    }),
  ),
  progress: z.object({ submitted: z.number(), total: z.number() }),
});

export const judgedEntryReply = z.object({
  entry: z.object({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    ...division,
    summary: z.string().nullable(),
    /** Absent in a blind round. */
    team: z
      .object({
        entrantKind: z.enum(['individual', 'team', 'organisation']),
        name: z.string().nullable(),
        leader: z.string(),
        members: z.array(z.string()),
        advisors: z.array(z.string()),
        organisations: z.array(z.string()),
        schools: z.array(z.string()),
      })
      .optional(),
  }),
  works: shownWorksReply,
  score: scoreView.nullable(),
});

export const reopenReply = z.object({ score: z.object({ status: z.literal('draft'), savedAt: z.string(), submittedAt: z.null() }) });

export const reviewBoardReply = z.object({
  round: z.object({ id: z.string(), name: z.string(), state: roundState, scale, standsApartAt: z.number() }),
  judges: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      assigned: z.number(),
      submitted: z.number(),
      drafts: z.number(),
      mean: z.number().nullable(),
      deviation: z.number().nullable(),
      compared: z.number(),
      standsApart: z.boolean(),
    }),
  ),
  entries: z.object({ total: z.number(), fullyScored: z.number(), partlyScored: z.number(), unscored: z.number() }),
});

export const remindReply = z.object({ messages: z.number() });
