import { z } from 'zod';
import { optionalText } from '../../platform/text.ts';

/** Requests and replies of the held-votes routes; the presenter builds exactly these replies. */

/** A signal's name, as hold reasons carry it (burst, shared-address, lockstep…). */
const signal = z
  .string()
  .max(40)
  .regex(/^[a-z-]+$/);

const heldFilter = z.strictObject({ reason: signal.optional(), entry: z.uuid().optional() });

export const heldVotesQuery = heldFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const localised = z.object({ zh: z.string(), en: z.string() });
const entryView = z.object({ id: z.string(), ref: z.string(), title: z.string() });

export const heldVotesReply = z.object({
  votes: z.array(
    z.object({
      id: z.string(),
      entry: entryView,
      /** Masked: 139****1234. */
      phone: z.string(),
      castAt: z.string(),
      address: z.string(),
      reasons: z.array(z.object({ signal: z.string(), detail: localised })),
    }),
  ),
  /** How many held votes match the filter (the page shows `limit` of them from `offset`). */
  total: z.number(),
  /** How many of them each signal held (a vote held for two reasons counts under both). */
  signals: z.array(z.object({ signal: z.string(), count: z.number() })),
});

/** Either the votes by id, or every held vote that matches the filter (an empty filter: all of the phase's). */
export const decisionBody = z
  .strictObject({
    voteIds: z.array(z.uuid()).min(1).max(10_000).optional(),
    filter: heldFilter.optional(),
    decision: z.enum(['count', 'reject']),
    reason: optionalText({ max: 500 }),
  })
  .refine((body) => (body.voteIds === undefined) !== (body.filter === undefined), { message: 'give either voteIds or filter, not both', path: ['voteIds'] });

export const decisionReply = z.object({ decided: z.number() });

export const rescanReply = z.object({ held: z.number(), signals: z.record(z.string(), z.number()) });

export const timelineQuery = z.strictObject({ entry: z.uuid().optional(), bucket: z.enum(['minute', 'hour']).default('hour') });

export const timelineReply = z.object({
  bucket: z.enum(['minute', 'hour']),
  timeZone: z.string(),
  /** Per entry, the buckets that have votes, oldest first: each bucket's start and its votes by standing now. */
  entries: z.array(
    z.object({
      entry: entryView,
      points: z.array(z.object({ at: z.string(), counted: z.number(), held: z.number(), rejected: z.number() })),
    }),
  ),
});
