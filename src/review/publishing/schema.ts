import { z } from 'zod';
import { optionalText } from '../../platform/text.ts';

/** Requests and replies of the publishing and vote-count routes; the services build exactly these replies. */
export const roundParams = z.object({ id: z.string().max(120), roundId: z.string().max(120) });
export const phaseParams = z.object({ id: z.string().max(120), phaseId: z.string().max(120) });
export const registrationParams = z.object({ registrationId: z.string().uuid() });

export const publishBody = z.object({ reason: optionalText({ max: 500 }) }).nullish();

/** Each entry by its reference (JSSC25-0004) or its registration id, with its count. */
export const voteCountsBody = z.object({
  counts: z
    .array(
      z.union([
        z.object({ ref: z.string().min(1).max(40), count: z.number().int().min(0).max(2_000_000_000) }),
        z.object({ registrationId: z.string().uuid(), count: z.number().int().min(0).max(2_000_000_000) }),
      ]),
    )
    .max(200_000),
});

export const voteImportReply = z.object({
  phase: z.string(),
  entries: z.number(),
  total: z.number(),
  digest: z.string(),
  importedAt: z.string(),
});

export const voteCountsReply = z.object({
  phase: z.string(),
  importedAt: z.string().nullable(),
  counts: z.array(z.object({ registrationId: z.string(), ref: z.string(), title: z.string(), count: z.number() })),
});

const localised = z.object({ zh: z.string(), en: z.string() });
const award = z.object({ entry: z.string(), division: z.string(), tier: z.string(), name: z.string(), prizeCny: z.number() });
const vacancy = z.object({ tier: z.string(), empty: z.number(), undecided: z.number() });

/** The results engine's output (review/results/types.ts), as previews and publications carry it. */
export const resultsSchema = z.object({
  round: z.string(),
  decidesAwards: z.boolean(),
  divisions: z.array(
    z.object({
      id: z.string(),
      entries: z.array(
        z.object({
          id: z.string(),
          division: z.string(),
          score: z.number().nullable(),
          rank: z.number().nullable(),
          tied: z.boolean(),
          advances: z.boolean(),
          judgeScore: z.number().nullable(),
          voteScore: z.number().nullable(),
          votes: z.number(),
          judges: z.number(),
        }),
      ),
      awards: z.array(award),
      vacancies: z.array(vacancy),
    }),
  ),
  contestAwards: z.array(award),
  contestVacancies: z.array(vacancy),
  advancing: z.number(),
  notComputed: z.array(
    z.object({
      what: z.enum(['advancement', 'award']),
      tier: z.string().optional(),
      reason: z.enum(['count-not-published', 'chosen-by-judges']),
    }),
  ),
  problems: z.array(
    z.object({
      code: z.string(),
      message: localised,
      entries: z.array(z.string()).optional(),
      judge: z.string().optional(),
      division: z.string().optional(),
    }),
  ),
});

export const previewReply = z.object({
  results: resultsSchema,
  entries: z.record(z.string(), z.object({ ref: z.string(), title: z.string() })),
  /** The earlier round this one waits for: it has no entries until that round is published. */
  waitingFor: z.string().optional(),
});

export const publishReply = z.object({ publication: z.object({ version: z.number(), sha256: z.string(), publishedAt: z.string() }) });

const awardView = z.object({ tier: z.string(), name: z.string(), prizeCny: z.number() });

export const roundResultsReply = z.object({
  round: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  version: z.number(),
  sha256: z.string(),
  publishedAt: z.string(),
  divisions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      entries: z.array(
        z.object({
          ref: z.string(),
          title: z.string(),
          rank: z.number().nullable(),
          tied: z.boolean(),
          score: z.number().nullable(),
          advances: z.boolean(),
          awards: z.array(awardView),
        }),
      ),
    }),
  ),
  /** The organisers' only: every publication, oldest first, with its full results. */
  publications: z
    .array(
      z.object({
        version: z.number(),
        sha256: z.string(),
        publishedAt: z.string(),
        reason: z.string().nullable(),
        definitionVersion: z.number(),
        results: resultsSchema,
      }),
    )
    .optional(),
});

export const registrationResultsReply = z.object({
  rounds: z.array(
    z.object({
      roundId: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      published: z.boolean(),
      division: z.string().nullable(),
      rank: z.number().nullable(),
      tied: z.boolean(),
      score: z.number().nullable(),
      advances: z.boolean(),
      awards: z.array(awardView),
      publishedAt: z.string().nullable(),
    }),
  ),
});
