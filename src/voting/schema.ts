/** Requests and replies of the vote path (the vote, the phases, the counts, the showcase); presenter.ts builds exactly these replies. */
import { z } from 'zod';

export const contestVotingParams = z.object({ id: z.string().max(120) });
export const phaseParams = z.object({ id: z.string().max(120), phaseId: z.string().max(120) });

export const voteBody = z.object({
  registrationId: z.string().min(1).max(120).describe('The entry voted for'),
  challenge: z.string().min(1).max(4096).describe("The ALTCHA widget's payload: a solved challenge from GET /api/voting/challenge, good for one vote"),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, '8 to 100 letters, digits, - or _')
    .describe('Made by the client for this vote (a UUID) and sent again with every retry of it: a retry answers with the first vote'),
});

const localised = z.object({ zh: z.string(), en: z.string() });

export const votesLeftView = z
  .object({
    today: z.number().nullable().describe("Votes the voter may still cast today; null without a day's limit or total"),
    total: z.number().nullable().describe('Votes left over the whole vote; null without a total'),
    perDivision: z.record(z.string(), z.number()).optional().describe('Per division voted on, with a per-division limit'),
    entriesAtLimit: z.array(z.string()).describe('Entries the voter cannot vote for again (today, or at all)'),
  })
  .meta({ id: 'VotesLeft' });

export const voteReply = z.object({
  vote: z.object({
    id: z.string(),
    status: z.literal('received').describe('Received and committed; whether it is counted or held for review is not told to the voter'),
  }),
  votesLeft: votesLeftView,
});

export const votePhaseView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  window: z.object({ start: z.string(), end: z.string() }),
  open: z.boolean().describe('Whether votes are taken now'),
  rules: z.object({
    words: z.array(localised).describe('Each limit in words, then when counts are shown'),
    limits: z.record(z.string(), z.number()).describe('The limits as numbers: perDay, perEntryPerDay, perEntry, perDivision, total'),
  }),
  showCounts: z.enum(['live', 'after-review', 'hidden']),
  countsShown: z.boolean().describe('Whether this reader sees the counts now (organisers always)'),
  divisions: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() })),
  votesLeft: votesLeftView.nullable().describe('For the signed-in voter; null without one'),
});

export const votingReply = z.object({ phases: z.array(votePhaseView) });

export const talliesReply = z.object({
  phaseId: z.string(),
  entries: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      division: z.string(),
      counted: z.number(),
      held: z.number().optional().describe('Votes held apart for review (organisers only)'),
    }),
  ),
  counted: z.number().describe('Counted votes of the phase'),
  held: z.number().optional().describe('Held votes of the phase (organisers only)'),
});
