/**
 * The judges' rules, over plain data: where a judge may serve (the definition's rounds and
 * divisions), the contact details kept in their canonical forms, and what an invitation link is
 * worth at a given time.
 */
import { divisions } from '../../contest/views.ts';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import { AppError, type Problem } from '../../platform/errors.ts';
import {
  isMasked,
  isValidIdNumber,
  isValidMobile,
  maskEmail,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  normalisePhone,
} from '../../registration/identity.ts';

/** "Single-use link … expires in 30 days": long enough for an expert's inbox, short enough to go stale. */
export const INVITATION_DAYS = 30;

export const invitationExpiry = (at: Date) => new Date(at.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);

export type InvitationStatus = 'open' | 'accepted' | 'expired' | 'revoked';

export const invitationStatus = (invitation: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date }, at: Date): InvitationStatus =>
  invitation.accepted_at ? 'accepted' : invitation.revoked_at ? 'revoked' : invitation.expires_at <= at ? 'expired' : 'open';

const invitationRefusals: Record<Exclude<InvitationStatus, 'open'>, () => AppError> = {
  accepted: () => new AppError('judge_invitation.used', { zh: '该评审邀请已被使用', en: 'This judging invitation has been used' }, 410),
  expired: () =>
    new AppError(
      'judge_invitation.expired',
      { zh: '该评审邀请已过期，请联系主办方重新发送', en: 'This judging invitation has expired; ask the organiser for a new link' },
      410,
    ),
  revoked: () =>
    new AppError(
      'judge_invitation.revoked',
      { zh: '该评审邀请已被撤销（主办方可能已重新发送）', en: 'This judging invitation was revoked (the organiser may have sent a new one)' },
      410,
    ),
};

/** Why an invitation of this status cannot be accepted; undefined for an open one. */
export const invitationRefusal = (status: InvitationStatus): AppError | undefined => (status === 'open' ? undefined : invitationRefusals[status]());

/**
 * What a judge may cover: a division (`track`, `track/group`, `track/category`), a whole track (all
 * of its divisions) or a topic (赛题), as the assignment reads covers (round-entries.ts coverGroups).
 */
export const coverableIds = (definition: ContestDefinition) =>
  new Set([...definition.tracks.flatMap((t) => [t.id, ...t.topics.map((topic) => topic.id)]), ...divisions(definition).map((d) => d.id)]);

/** Rounds and divisions the definition does not have, one problem each, by their place in the request. */
export function placementProblems(definition: ContestDefinition, placement: { rounds?: string[]; covers?: string[] }): Problem[] {
  const rounds = new Set((definition.review?.rounds ?? []).map((r) => r.id));
  const coverable = coverableIds(definition);
  const unknownRounds = (placement.rounds ?? []).flatMap((id, i): Problem[] =>
    rounds.has(id)
      ? []
      : [{ code: 'judge.unknown_round', path: `rounds[${i}]`, message: { zh: `赛事没有评审轮次 ${id}`, en: `The contest has no review round ${id}` } }],
  );
  const unknownCovers = (placement.covers ?? []).flatMap((id, i): Problem[] =>
    coverable.has(id)
      ? []
      : [
          {
            code: 'judge.unknown_division',
            path: `covers[${i}]`,
            message: { zh: `赛事没有赛道、组别或赛题 ${id}`, en: `The contest has no track, division or topic ${id}` },
          },
        ],
  );
  return [...unknownRounds, ...unknownCovers];
}

export interface Contact {
  email?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/**
 * Contact details as they are kept and compared for conflicts: phone and ID number canonical, email
 * lower case; an empty value clears. A value still masked as a reply showed it means "unchanged" and
 * is left out, so the stored value stays. A phone or ID number that is not one is a problem, since a
 * mistyped one would silently find no conflict.
 */
export function canonicalContact(contact: Contact): { contact: Contact; problems: Problem[] } {
  const kept: Contact = {};
  const problems: Problem[] = [];
  const given = (value: string | null | undefined) => value !== undefined && !(value && isMasked(value));
  if (given(contact.email)) kept.email = contact.email ? contact.email.trim().toLowerCase() : null;
  if (given(contact.phone)) {
    kept.phone = contact.phone ? normalisePhone(contact.phone) : null;
    if (kept.phone && !isValidMobile(kept.phone))
      problems.push({
        code: 'judge.phone_invalid',
        path: 'phone',
        message: { zh: `手机号 ${contact.phone} 格式不正确`, en: `${contact.phone} is not a mobile number` },
      });
  }
  if (given(contact.idNumber)) {
    kept.idNumber = contact.idNumber ? normaliseIdNumber(contact.idNumber) : null;
    if (kept.idNumber && !isValidIdNumber(kept.idNumber))
      problems.push({ code: 'judge.id_number_invalid', path: 'idNumber', message: { zh: '身份证号不正确', en: 'Not a valid ID number' } });
  }
  return { contact: kept, problems };
}

/** Contact details as organisers, replies and audit events show them. */
export const maskedContact = (contact: Contact) => ({
  ...(contact.email ? { email: maskEmail(contact.email) } : {}),
  ...(contact.phone ? { phone: maskPhone(contact.phone) } : {}),
  ...(contact.idNumber ? { idNumber: maskIdNumber(contact.idNumber) } : {}),
});

/** One refusal for the request's problems: the single problem's own, or a count. */
export const judgeInputRefusal = (problems: Problem[]) =>
  new AppError(
    problems.length === 1 ? problems[0].code : 'judge.invalid',
    problems.length === 1 ? problems[0].message : { zh: `评委信息有 ${problems.length} 处不正确`, en: `The judge's details have ${problems.length} problems` },
    422,
    problems,
  );
