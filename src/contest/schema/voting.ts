import { z } from 'zod';
import { idSchema, quoteSchema } from './common.ts';

/**
 * 大众投票 run in Leitai: for a public-vote phase, what one voter may do and when the counts are
 * shown. What the votes decide is said once, elsewhere: the review round whose `publicVotePhase` is
 * the phase (its weight and `publicVoteScore`) and award tiers `decidedBy: public-vote`; the entries
 * voted on are that round's, in its divisions. A public-vote phase with no entry here runs outside
 * Leitai, and the organiser imports its counts.
 */

const limit = z.number().int().positive();

export type VoteLimitName = 'perDay' | 'perEntryPerDay' | 'perEntry' | 'perDivision' | 'total';

/** Pairs of a narrower limit and a broader one: the narrower above the broader never applies. */
const narrowerThan: readonly [VoteLimitName, VoteLimitName][] = [
  ['perEntryPerDay', 'perDay'],
  ['perEntryPerDay', 'perEntry'],
  ['perEntry', 'perDivision'],
  ['perEntry', 'total'],
  ['perDivision', 'total'],
  ['perDay', 'total'],
];

/**
 * Days are calendar days in the contest's time zone. A limit left out does not apply; a vote needs
 * at least one.
 */
export const voteLimitsSchema = z
  .strictObject({
    /** Votes one voter may cast in a day, over all entries (每人每天可投 N 票). */
    perDay: limit.optional(),
    /** Votes for one entry in a day (每个作品每天限投 1 票). */
    perEntryPerDay: limit.optional(),
    /** Votes for one entry over the whole vote (每个作品限投 1 票). */
    perEntry: limit.optional(),
    /** Votes in one division over the whole vote: 1 is "one in each division" (每个类别限投 1 票). */
    perDivision: limit.optional(),
    /** Votes over the whole vote (每人共可投 N 票). */
    total: limit.optional(),
  })
  .superRefine((limits, ctx) => {
    if (Object.values(limits).every((value) => value === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a vote needs a limit: perDay, perEntryPerDay, perEntry, perDivision or total' });
    }
    for (const [narrow, broad] of narrowerThan) {
      const [n, b] = [limits[narrow], limits[broad]];
      if (n !== undefined && b !== undefined && n > b) {
        ctx.addIssue({ code: 'custom', path: [narrow], message: `${narrow} (${n}) is more than ${broad} (${b}), so it never applies` });
      }
    }
  });

/**
 * When the public sees the counts: `live` as votes come in; `after-review` once the vote has closed
 * and every held vote is counted or rejected; `hidden` only in the round's published results.
 * Organisers always see them.
 */
export const showCountsSchema = z.enum(['live', 'after-review', 'hidden']);

export const publicVoteSchema = z.strictObject({
  /** The public-vote phase: its window is when votes are taken. */
  phase: idSchema,
  quote: quoteSchema,
  limits: voteLimitsSchema,
  showCounts: showCountsSchema,
});

export const votingSchema = z.array(publicVoteSchema);

export type VoteLimits = z.infer<typeof voteLimitsSchema>;
export type ShowCounts = z.infer<typeof showCountsSchema>;
export type PublicVote = z.infer<typeof publicVoteSchema>;
