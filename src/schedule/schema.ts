import { z } from 'zod';
import { phaseView as contestPhaseView } from '../contest/api-schema.ts';
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

const phaseView = contestPhaseView.pick({ id: true, kind: true, kinds: true, name: true, nameEn: true, start: true, end: true, asPublished: true });
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
    rounds: z.array(
      z.object({ id: z.string(), name: z.string(), phase: z.string(), state: roundState, reason: z.string().nullable(), changedAt: z.string().nullable() }),
    ),
  }),
});
