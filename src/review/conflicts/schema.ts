import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/text.ts';
import { reasonKinds } from './rules.ts';

/** Requests and replies of the conflicts' routes; the service builds exactly these replies. */
export const conflictParams = z.object({ id: z.string().max(120), conflictId: z.string().max(120) });

const note = optionalText({ max: 300 });

/** What a judge declares: an entry, an organisation, or a person (a name, an identifier, or both). */
export const declareConflictBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), registrationId: z.string().min(1).max(120), note }),
  z.object({ kind: z.literal('organisation'), organisation: requiredText({ max: 100 }), note }),
  z.object({
    kind: z.literal('person'),
    name: optionalText({ max: 50 }),
    /** An ID number, a phone or an email: matched against the entries' people in canonical form. */
    identifier: optionalText({ max: 200 }),
    note,
  }),
]);

export type DeclareConflictRequest = z.infer<typeof declareConflictBody>;

export const declaredConflictView = z
  .object({
    id: z.string(),
    kind: z.enum(['entry', 'organisation', 'person']),
    registrationId: z.string().nullable(),
    /** The entry's reference and title, for an entry declared. */
    ref: z.string().nullable(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    name: z.string().nullable(),
    /** Masked as the kind it looks like (139****0001, a***@example.com, 1301**********32). */
    identifier: z.string().nullable(),
    note: z.string(),
    declaredAt: z.string(),
  })
  .meta({ id: 'DeclaredConflict' });

export type DeclaredConflictView = z.infer<typeof declaredConflictView>;

export const declaredConflictReply = z.object({ conflict: declaredConflictView });

const localised = z.object({ zh: z.string(), en: z.string() });

export const conflictsReply = z.object({
  conflicts: z.array(
    z.object({
      judgeId: z.string(),
      judgeName: z.string(),
      registrationId: z.string(),
      ref: z.string(),
      title: z.string(),
      reasons: z.array(z.object({ kind: z.enum(reasonKinds), detail: localised })),
    }),
  ),
});
