import { z } from 'zod';
import { clearableText, optionalText, requiredText } from '../../platform/text.ts';
import { declaredConflictView } from '../conflicts/schema.ts';

/** Requests and replies of the judges' routes; the presenter builds exactly these replies. */
export const judgeParams = z.object({ id: z.string().max(120), judgeId: z.string().max(120) });
export const invitationParams = z.object({ code: z.string().max(100) });

/** a***@example.com as a reply showed it: sent back unchanged, it keeps the stored address. */
const maskedEmail = z.string().regex(/^[^@\s]\*{3}@[^@\s]+$/);
const email = z.union([z.email().max(200), maskedEmail, z.literal('')]);
const ids = z.array(z.string().min(1).max(120)).max(100);
const expertise = z.array(requiredText({ max: 40 })).max(20);
const cap = z.number().int().positive().max(100_000).nullable();

/** What a judge may change of their own record (and an organiser too). */
const profileFields = {
  title: clearableText({ max: 60 }).optional(),
  organisation: clearableText({ max: 100 }).optional(),
  employer: clearableText({ max: 100 }).optional(),
  school: clearableText({ max: 100 }).optional(),
  expertise: expertise.optional(),
};
export const profileFieldNames = Object.keys(profileFields) as (keyof typeof profileFields)[];

export const inviteJudgeBody = z.object({
  name: requiredText({ max: 50 }),
  ...profileFields,
  email: email.optional(),
  phone: optionalText({ max: 24 }),
  /** 居民身份证号: compared with entrants' for conflicts of interest, shown masked. */
  idNumber: optionalText({ max: 24 }),
  /** Round ids; empty or absent: every round. */
  rounds: ids.optional(),
  /** Division or track ids; empty or absent: every division. */
  covers: ids.optional(),
  cap: cap.optional(),
});

/** Absent: unchanged; '' (or null for cap): cleared; a masked value as shown: unchanged. */
export const updateJudgeBody = z.object({
  name: requiredText({ max: 50 }).optional(),
  ...profileFields,
  email: email.optional(),
  phone: clearableText({ max: 24 }).optional(),
  idNumber: clearableText({ max: 24 }).optional(),
  rounds: ids.optional(),
  covers: ids.optional(),
  cap: cap.optional(),
});

export type InviteJudgeRequest = z.infer<typeof inviteJudgeBody>;
export type UpdateJudgeRequest = z.infer<typeof updateJudgeBody>;

export const judgeView = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    organisation: z.string(),
    employer: z.string(),
    school: z.string(),
    expertise: z.array(z.string()),
    rounds: z.array(z.string()),
    covers: z.array(z.string()),
    cap: z.number().nullable(),
    status: z.enum(['invited', 'active', 'removed']),
    hasAccount: z.boolean(),
    /** Masked (a***@example.com, 139****0001, 1301**********32). */
    email: z.string().optional(),
    phone: z.string().optional(),
    idNumber: z.string().optional(),
    /** How many entries the judge is in conflict with (found and declared). */
    conflicts: z.number(),
  })
  .meta({ id: 'Judge' });

export type JudgeView = z.infer<typeof judgeView>;

const invitationView = z.object({ link: z.string(), expiresAt: z.string() });
const publishedView = z.object({ at: z.string(), by: z.string() }).nullable();

export const invitedReply = z.object({ judge: judgeView, invitation: invitationView });
export const judgeReply = z.object({ judge: judgeView });
export const invitationReply = z.object({ invitation: invitationView });
export const judgesReply = z.object({ judges: z.array(judgeView), published: publishedView });
export const publishedReply = z.object({ published: publishedView });
export const publicJudgesReply = z.object({ judges: z.array(z.object({ name: z.string(), title: z.string(), organisation: z.string() })) });
export const invitationDescriptionReply = z.object({
  contest: z.object({ id: z.string(), name: z.string() }),
  judge: z.object({ name: z.string() }),
  status: z.enum(['open', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
});
export const acceptedReply = z.object({ contestId: z.string(), judgeId: z.string() });
export const ownJudgeReply = z.object({ judge: judgeView, declaredConflicts: z.array(declaredConflictView) });
