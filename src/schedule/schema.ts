import { z } from 'zod';
import { phaseKindSchema } from '../contest/schema/index.ts';
import { localDateTimeSchema } from '../contest/schema/common.ts';
import { optionalText, requiredText } from '../platform/text.ts';

/** Requests and replies of the schedule routes; the service builds exactly these replies. */
export const phaseParams = z.object({ id: z.string().max(120), phaseId: z.string().max(120) });
export const roundParams = z.object({ id: z.string().max(120), roundId: z.string().max(120) });

const reason = requiredText({ max: 500 });
export const extendPhaseBody = z.object({
  /** As the definition writes an end: a date is the whole of that day in the contest's time zone. */
  end: localDateTimeSchema,
  reason,
});
export const closePhaseBody = z.object({ reason });
/** Reopening needs a reason (the service refuses `round.reason_required` without one); closing and publishing may give one. */
export const roundBody = z.object({ reason: optionalText({ max: 500 }) }).nullish();

const phaseView = z.object({
  id: z.string(),
  kind: phaseKindSchema,
  kinds: z.array(phaseKindSchema),
  name: z.string(),
  nameEn: z.string().optional(),
  start: z.string(),
  end: z.string(),
  asPublished: z.string().optional(),
});
export const phaseReply = z.object({ phase: phaseView });

const roundState = z.enum(['open', 'closed', 'published']);
export const roundReply = z.object({ round: z.object({ id: z.string(), state: roundState, reason: z.string().nullable(), changedAt: z.string() }) });

export const scheduleReply = z.object({
  schedule: z.object({
    timeZone: z.string(),
    phases: z.array(
      phaseView.extend({
        plannedEnd: z.string(),
        change: z.object({ kind: z.enum(['extended', 'closed_early']), reason: z.string(), changedAt: z.string() }).nullable(),
      }),
    ),
    rounds: z.array(z.object({ id: z.string(), name: z.string(), phase: z.string(), state: roundState, reason: z.string().nullable(), changedAt: z.string().nullable() })),
  }),
});
