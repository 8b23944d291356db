import { z } from 'zod';

export const worksParams = z.object({ id: z.string().uuid() });
export const fieldParams = z.object({ id: z.string().uuid(), fieldId: z.string().max(60) });
export const fileParams = z.object({ fileId: z.string().uuid() });
export const fieldBody = z.object({ value: z.string().max(20_000) });
export const exportParams = z.object({ id: z.string().max(120) });
export const exportQuery = z.object({ division: z.string().max(120) });

const localised = z.object({ zh: z.string(), en: z.string() });
const problem = z.object({ code: z.string(), message: localised, severity: z.enum(['error', 'warning']).optional(), path: z.string().optional(), rule: z.string().optional() });
const fileView = z.object({
  id: z.string(),
  requirementId: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  fileKind: z.string().nullable(),
  mediaType: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()).nullable(),
  problems: z.array(problem),
  accepted: z.boolean(),
  uploadStartedAt: z.string(),
  receivedAt: z.string(),
});

export const worksReply = z
  .object({
    works: z.object({
      registrationId: z.string(),
      ref: z.string(),
      title: z.string(),
      contestId: z.string(),
      submissionOpen: z.boolean(),
      deadline: z.string().nullable(),
      graceMinutes: z.number(),
      naming: z.string().nullable(),
      originality: z.array(z.string()),
      files: z.array(z.object({ requirement: z.record(z.string(), z.unknown()), files: z.array(fileView), problems: z.array(problem), status: z.enum(['done', 'missing', 'invalid']) })),
      fields: z.array(z.object({ requirement: z.record(z.string(), z.unknown()), value: z.string().nullable(), problems: z.array(problem), status: z.enum(['done', 'missing', 'invalid']) })),
      complete: z.boolean(),
    }),
  })
  .meta({ id: 'Works' });

const duplicateSide = z.object({
  registrationId: z.string(),
  ref: z.string(),
  title: z.string(),
  fileId: z.string().nullable(),
  fieldId: z.string().nullable(),
  what: z.string(),
  fileName: z.string().nullable(),
  text: z.string().nullable(),
});
export const originalityReply = z.object({ pairs: z.array(z.object({ kind: z.enum(['image', 'text']), similarity: z.number(), a: duplicateSide, b: duplicateSide })) });
