import { z } from 'zod';
import { fieldRequirementSchema, fileRequirementSchema } from '../contest/schema/works.ts';
import { clearableText } from '../platform/text.ts';
import type { FileFacts } from './probes/types.ts';

export const worksParams = z.object({ id: z.string().uuid() });
export const fieldParams = z.object({ id: z.string().uuid(), fieldId: z.string().max(60) });
export const fileParams = z.object({ fileId: z.string().uuid() });
export const fileContentQuery = z.object({ inline: z.enum(['0', '1']).optional() });
export const fieldBody = z.object({ value: clearableText({ max: 20_000, multiLine: true }) });
export const exportParams = z.object({ id: z.string().max(120) });
/** `stage`: one stage's files only, where works differ by stage (a phase id a requirement names). */
export const exportQuery = z.object({ division: z.string().max(120), stage: z.string().max(60).optional() });

/**
 * The tus Upload-Metadata of a new upload, as tus-js-client sends it. The file name is checked as
 * text by startUpload; the ids must look like ids before they reach a query.
 */
export const uploadMetadata = z.object({
  registrationId: z.string().uuid(),
  requirementId: z
    .string()
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  filename: z.string().max(1000).optional(),
  name: z.string().max(1000).optional(),
});

/** What the probes found in a file (probes/types.ts), as replies carry it. */
const orientation = z.enum(['landscape', 'portrait', 'square']);
export const fileFactsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    fileKind: z.enum(['jpeg', 'png']),
    mediaType: z.string(),
    width: z.number(),
    height: z.number(),
    orientation,
    hasExif: z.boolean(),
    colour: z.boolean().optional(),
    exif: z
      .object({ make: z.string().optional(), model: z.string().optional(), takenAt: z.string().optional(), orientation: z.number().optional() })
      .optional(),
  }),
  z.object({
    kind: z.literal('video'),
    fileKind: z.enum(['mp4', 'mov']),
    mediaType: z.string(),
    durationSeconds: z.number(),
    width: z.number(),
    height: z.number(),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    orientation,
    videoCodec: z.string().optional(),
    audioCodec: z.string().optional(),
    hasSubtitleTrack: z.boolean(),
  }),
  z.object({ kind: z.literal('pdf'), fileKind: z.literal('pdf'), mediaType: z.string(), pages: z.number(), textExtractable: z.boolean() }),
  z.object({ kind: z.literal('slides'), fileKind: z.enum(['ppt', 'pptx']), mediaType: z.string(), slides: z.number() }),
  z.object({ kind: z.enum(['document', 'archive']), fileKind: z.enum(['doc', 'docx', 'zip']), mediaType: z.string() }),
]);
/** Replies strip keys their schema lacks: this fails to compile when the schema and FileFacts part. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const fileFactsSchemaMatchesProbes: Same<z.infer<typeof fileFactsSchema>, FileFacts> = true;

const localised = z.object({ zh: z.string(), en: z.string() });
const problem = z.object({
  code: z.string(),
  message: localised,
  severity: z.enum(['error', 'warning']).optional(),
  path: z.string().optional(),
  rule: z.string().optional(),
});
const fileView = z.object({
  id: z.string(),
  requirementId: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  fileKind: z.string().nullable(),
  mediaType: z.string().nullable(),
  facts: fileFactsSchema.nullable(),
  problems: z.array(problem),
  accepted: z.boolean(),
  uploadStartedAt: z.string(),
  receivedAt: z.string(),
  bytesPurgedAt: z.string().nullable(),
});

const itemStatus = z.enum(['done', 'missing', 'invalid', 'upcoming']);
/** When a requirement is handed in (presenter.ts presentStage). */
const stageView = z.object({
  stageId: z.string().nullable(),
  phaseId: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  start: z.string(),
  end: z.string(),
  state: z.enum(['upcoming', 'open', 'closed']),
});

/** An entry's works as its judges and the public see them: each requirement's files, with the link to read each, or its value. */
export const shownWorksReply = z.array(
  z.object({
    requirement: z.string(),
    name: z.string(),
    /** A text or link field's value; null for a file requirement. */
    value: z.string().nullable(),
    files: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string().nullable(), size: z.number(), url: z.string() })),
  }),
);

export const worksReply = z
  .object({
    works: z.object({
      registrationId: z.string(),
      ref: z.string(),
      title: z.string(),
      contestId: z.string(),
      /** The contest's time zone, in which pages show each stage's window. */
      timeZone: z.string(),
      submissionOpen: z.boolean(),
      deadline: z.string().nullable(),
      graceMinutes: z.number(),
      naming: z.string().nullable(),
      originality: z.array(z.string()),
      files: z.array(
        z.object({ requirement: fileRequirementSchema, stage: stageView, files: z.array(fileView), problems: z.array(problem), status: itemStatus }),
      ),
      fields: z.array(
        z.object({
          requirement: fieldRequirementSchema,
          stage: stageView,
          value: z.string().nullable(),
          problems: z.array(problem),
          status: itemStatus,
        }),
      ),
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
export const originalityReply = z.object({
  pairs: z.array(z.object({ kind: z.enum(['image', 'text']), similarity: z.number(), a: duplicateSide, b: duplicateSide })),
  /** Files not compared because an earlier algorithm made their fingerprint, and the command that recomputes them; null when none. */
  outdatedFingerprints: z.object({ files: z.number(), command: z.string(), message: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
});

/** Where a report being computed stands: queued behind `ahead` others, or `checked` of its `candidates` image pairs given a pixel verdict. */
export const originalityProgressReply = z.object({
  progress: z
    .discriminatedUnion('state', [
      z.object({ state: z.literal('queued'), ahead: z.number() }),
      z.object({ state: z.literal('comparing'), checked: z.number(), candidates: z.number() }),
    ])
    .nullable(),
});
