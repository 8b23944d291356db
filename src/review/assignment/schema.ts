import { z } from 'zod';

/** Requests and replies of the assignment routes; presenter.ts builds exactly these replies. */
export const roundParams = z.object({ id: z.string().max(120), roundId: z.string().max(120) });

/** A run's, an entry's or a judge's id: letters, digits, - and _ (UUIDs), so nothing unstorable reaches a query. */
const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/);
export const runParams = roundParams.extend({ runId: entityId });

export const startRunBody = z
  .object({
    /** Balance the judges' loads (the objective's third part); on unless false. */
    balance: z.boolean().optional(),
  })
  .nullish();

export const moveBody = z.object({ entry: entityId, from: entityId.optional(), to: entityId });

const shortfallView = z.object({
  entry: z.string(),
  needed: z.number(),
  assigned: z.number(),
  covering: z.number(),
  conflicted: z.number(),
  reason: z.enum(['coverage', 'conflicts', 'caps']),
});

const summaryView = z.object({
  entries: z.number(),
  judges: z.number(),
  /** The pairs standing after the run. */
  pairs: z.number(),
  objective: z.object({ shortfall: z.number(), spread: z.number(), balance: z.number(), affinity: z.number() }).optional(),
  shortfalls: z.array(shortfallView),
  move: moveBody.optional(),
  /** A judge taken off entries on declaring a conflict (release.ts). */
  released: z.object({ judge: z.string(), entries: z.array(z.string()), reason: z.literal('conflict') }).optional(),
  error: z.string().optional(),
});

export const runView = z.object({
  id: z.string(),
  kind: z.enum(['solver', 'hand']),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'undone']),
  progress: z.object({ routed: z.number(), total: z.number() }),
  summary: summaryView.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The account that started the run or made the change. */
  startedBy: z.string(),
  undoneAt: z.string().nullable(),
});

export const runReply = z.object({ run: runView });

const scoreStatus = z.enum(['none', 'draft', 'submitted']);

export const boardReply = z.object({
  round: z.object({
    id: z.string(),
    name: z.string(),
    mode: z.enum(['online', 'live']),
    state: z.enum(['open', 'closed', 'published']),
    judgesPerEntry: z.number(),
    judgeCap: z.number().nullable(),
  }),
  /** Newest first, at most 20. */
  runs: z.array(runView),
  judges: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      load: z.number(),
      /** The lower of the judge's own cap and the round's; null where neither sets one. */
      cap: z.number().nullable(),
      submitted: z.number(),
      drafts: z.number(),
    }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      division: z.string(),
      judges: z.array(z.object({ id: z.string(), name: z.string(), score: scoreStatus })),
    }),
  ),
  /** Of the newest done solver run. */
  shortfalls: z.array(shortfallView),
  waitingFor: z.string().optional(),
});

export type RunView = z.infer<typeof runView>;
export type BoardReply = z.infer<typeof boardReply>;
