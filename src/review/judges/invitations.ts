/**
 * Appointing a judge by invitation: the organiser names the judge, Leitai makes a single-use link
 * (only its sha256 is kept, as for sessions), shows it to the organiser and puts it in the outbox
 * until notifications exist; the judge accepts it signed in, with an account made first through the
 * ordinary sign-up when they have none.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import { localDateAt } from '../../contest/time.ts';
import { requireAccount } from '../../platform/auth/policy.ts';
import { grantRole } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { judgeStateOf } from '../audit-state.ts';
import { conflictsOf } from '../conflicts/service.ts';
import { judgeNotFound, requireOrganiser, type JudgesActor } from './own.ts';
import { auditedJudge, presentJudge } from './presenter.ts';
import * as queries from './queries.ts';
import { canonicalContact, invitationExpiry, invitationRefusal, invitationStatus, judgeInputRefusal, maskedContact, placementProblems } from './rules.ts';
import type { InviteJudgeRequest } from './schema.ts';

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Makes the judge's new link and writes it to the outbox. Effects: a judge_invitations row (the
 * code's hash), an outbox message with the link. `origin` is this server's as the request reached it.
 */
async function issueInvitation(trx: Transaction<Database>, judge: queries.JudgeRow, origin: string, actor: { accountId: string; at: Date }) {
  const code = randomBytes(24).toString('base64url');
  const expiresAt = invitationExpiry(actor.at);
  await queries.insertInvitation(trx, {
    code_hash: codeHash(code),
    judge_id: judge.id,
    created_by: actor.accountId,
    created_at: actor.at,
    expires_at: expiresAt,
    accepted_by: null,
    accepted_at: null,
    revoked_at: null,
  });
  const link = `${origin}/judge-invitations/${code}`;
  const { definition } = await getContest(trx, judge.contest_id);
  const until = localDateAt(expiresAt, definition.timeZone);
  await enqueueMessage(trx, {
    contestId: judge.contest_id,
    kind: 'judge.invitation',
    recipientName: judge.name,
    recipientAddress: judge.email ?? judge.phone,
    subject: `${definition.name} 评审邀请 / Invitation to judge`,
    body: [
      `${judge.name}：`,
      `诚邀您担任「${definition.name}」评委。请在 ${until} 前打开下面的链接，登录（或注册）后接受邀请；链接仅能使用一次。`,
      `You are invited to judge "${definition.nameEn ?? definition.name}". Open the link below by ${until}, sign in (or sign up) and accept; the link works once.`,
    ].join('\n\n'),
    link,
    createdBy: actor.accountId,
    at: actor.at,
  });
  return { link, expiresAt: expiresAt.toISOString() };
}

/**
 * An organiser invites a judge. Effects: a judges row (invited), its invitation and outbox message,
 * `judge.invited` (contact details masked). Refuses rounds and divisions the definition does not have,
 * and a phone or ID number that is not one (422).
 */
export async function inviteJudge(db: Executor, contestId: string, request: InviteJudgeRequest, origin: string, actor: JudgesActor) {
  const account = requireOrganiser(actor, contestId);
  const { definition } = await getContest(db, contestId);
  const { contact, problems } = canonicalContact({ email: request.email, phone: request.phone, idNumber: request.idNumber });
  problems.push(...placementProblems(definition, request));
  if (problems.length > 0) throw judgeInputRefusal(problems);
  const at = actor.clock.now();
  return inTransaction(db, async (trx) => {
    const id = randomUUID();
    await queries.insertJudge(trx, {
      id,
      contest_id: contestId,
      account_id: null,
      name: request.name,
      title: request.title ?? '',
      organisation: request.organisation ?? '',
      employer: request.employer ?? '',
      school: request.school ?? '',
      expertise: JSON.stringify(request.expertise ?? []),
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      id_number: contact.idNumber ?? null,
      rounds: JSON.stringify(request.rounds ?? []),
      covers: JSON.stringify(request.covers ?? []),
      cap: request.cap ?? null,
      status: 'invited',
      created_by: account.id,
      created_at: at,
      updated_at: at,
    });
    const judge = (await queries.judgeById(trx, contestId, id))!;
    const invitation = await issueInvitation(trx, judge, origin, { accountId: account.id, at });
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'judge.invited', payload: auditedJudge(judge), at, state: judgeStateOf(judge) });
    const conflicts = (await conflictsOf(trx, contestId, { judgeIds: [id] })).length;
    return { judge: presentJudge(judge, conflicts), invitation };
  });
}

/**
 * A new link for a judge who has not accepted yet (the first lost, or expired). Effects: the judge's
 * open invitations revoked, a new one and its outbox message, `judge.invitation_reissued`.
 */
export async function reissueInvitation(db: Executor, contestId: string, judgeId: string, origin: string, actor: JudgesActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    const judge = await queries.lockJudge(trx, contestId, judgeId);
    if (!judge) throw judgeNotFound(judgeId);
    if (judge.status !== 'invited') throw notInvited(judge.status);
    const at = actor.clock.now();
    const revoked = await queries.revokeOpenInvitations(trx, judge.id, at);
    const invitation = await issueInvitation(trx, judge, origin, { accountId: account.id, at });
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'judge.invitation_reissued', payload: { judgeId, revoked }, at });
    return invitation;
  });
}

const notInvited = (status: 'active' | 'removed') =>
  status === 'active'
    ? new AppError('judge.already_joined', { zh: '该评委已接受邀请，无需重新发送', en: 'This judge has accepted already; there is nothing to resend' }, 409)
    : new AppError('judge.removed', { zh: '该评委已被移除', en: 'This judge has been removed' }, 409);

const invitationNotFound = () => notFound({ zh: '评审邀请', en: 'Judging invitation' }, 'judge_invitation.not_found');

/** What the link's page shows before accepting, to whoever holds the link: the contest, the judge's name, the link's status. */
export async function describeInvitation(db: Executor, code: string, at: Date) {
  const invitation = await queries.invitationByHash(db, codeHash(code));
  if (!invitation) throw invitationNotFound();
  const { definition } = await getContest(db, invitation.contest_id);
  return {
    contest: { id: invitation.contest_id, name: definition.name },
    judge: { name: invitation.name },
    status: invitationStatus(invitation, at),
    expiresAt: invitation.expires_at.toISOString(),
  };
}

/**
 * The signed-in account accepts a judge's invitation. Effects under the invitation's lock: the
 * invitation used, the judge bound to the account and active, the judge role on the contest
 * (`role.granted` on the platform chain), `judge.joined`. Refused: a used (410 judge_invitation.used),
 * expired or revoked link, and an account that already judges the contest (409 judge.already_judge).
 */
export async function acceptInvitation(db: Executor, code: string, actor: JudgesActor) {
  const account = requireAccount(actor.account);
  const at = actor.clock.now();
  return inTransaction(db, async (trx) => {
    const invitation = await queries.lockInvitation(trx, codeHash(code));
    if (!invitation) throw invitationNotFound();
    const refusal = invitationRefusal(invitationStatus(invitation, at));
    if (refusal) throw refusal;
    const judge = await queries.judgeOfInvitation(trx, invitation.judge_id);
    // Removing a judge revokes their links; a judge no longer invited is refused as revoked all the same.
    if (judge.status !== 'invited') throw invitationRefusal('revoked')!;
    if (await queries.judgeOfAccount(trx, judge.contest_id, account.id)) {
      throw new AppError('judge.already_judge', { zh: '您已是本赛事的评委', en: 'You already judge this contest' }, 409);
    }
    await queries.markInvitationAccepted(trx, invitation.code_hash, account.id, at);
    const joined = await queries.updateJudge(trx, judge.id, { account_id: account.id, status: 'active', updated_at: at });
    await grantRole(trx, account.id, { role: 'judge', contestId: judge.contest_id }, { actor: account.id, clock: actor.clock });
    await appendAuditEvent(trx, {
      contestId: judge.contest_id,
      actor: account.id,
      type: 'judge.joined',
      payload: { judgeId: judge.id, accountId: account.id, name: judge.name, ...maskedContact({ email: judge.email, phone: judge.phone }) },
      at,
      state: judgeStateOf(joined),
    });
    return { contestId: judge.contest_id, judgeId: judge.id };
  });
}
