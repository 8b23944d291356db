/**
 * Voters: people who proved a mainland mobile number with a one-time code sent to it by SMS. The
 * code is never stored, only its salted SHA-256; the session token goes to the browser once, and only
 * its SHA-256 is kept (as accounts' sessions are).
 *
 * Asking for a code and opening a session are not audited: they decide nothing, and the published
 * chain would otherwise list who was voting when. A new voter is (voter.registered, on the platform
 * chain, the number masked), as every vote will name one.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent, PLATFORM_AUDIT_CHAIN } from '../../audit/service.ts';
import { findContest } from '../../contest/service.ts';
import { isValidMobile, maskPhone, normalisePhone } from '../../registration/identity.ts';
import { sessionIdOf } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Counters } from '../../platform/counters.ts';
import type { Database } from '../../platform/db-types.ts';
import { notFound } from '../../platform/errors.ts';
import type { SmsProvider } from '../../platform/sms.ts';
import { inTransaction } from '../../platform/transaction.ts';
import {
  CODE_ATTEMPTS,
  CODE_MINUTES,
  codeExpired,
  codeHash,
  codeLimitKey,
  codeLimits,
  codeMatches,
  codeOf,
  codeText,
  codeWrong,
  phoneInvalid,
  RESEND_AFTER_MS,
  tooManyAttempts,
  tooManyCodes,
  VOTER_SESSION_DAYS,
} from './codes.ts';
import {
  countCodeAttempt,
  deleteExpiredVoterSessionsOf,
  deleteVoterSession,
  insertVoterCode,
  insertVoterSession,
  latestCodeOf,
  markCodeUsed,
  upsertProvenVoter,
  votersOfLiveSessions,
} from './queries.ts';

export interface Voter {
  id: string;
  /** The full number, 11 digits: for fraud signals (number blocks); shown masked. */
  phone: string;
  createdAt: Date;
}

export interface CodeRequest {
  phone: string;
  /** The contest the voter is about to vote in: named in the SMS, and whose outbox holds it by default. */
  contestId?: string;
  /** The client address (address.ts), counted by the per-address limit and kept with the code. */
  address: string;
}

export interface CodeSent {
  expiresAt: Date;
  /** When the next code may be sent to this number. */
  resendAfter: Date;
}

export interface VoterSignedIn {
  /** Give it to the client once (the cookie); only its SHA-256 is stored. */
  token: string;
  expiresAt: Date;
  voter: Voter;
}

const validPhone = (raw: string) => {
  if (!isValidMobile(raw)) throw phoneInvalid();
  return normalisePhone(raw);
};

/**
 * Sends a code to a number. Checks the number and the limits (codes.ts) before anything is written;
 * effects: one voter_codes row (hash, address, expiry), then the SMS (the outbox row, by default).
 * Refuses voting.phone_invalid, voting.too_many_codes, contest.not_found, sms.unavailable.
 */
export async function requestCode(
  db: Kysely<Database>,
  request: CodeRequest,
  context: { clock: Clock; counters: Counters; sms: SmsProvider },
): Promise<CodeSent> {
  const phone = validPhone(request.phone);
  const contest = request.contestId === undefined ? undefined : await findContest(db, request.contestId);
  if (request.contestId !== undefined && !contest) throw notFound({ zh: `赛事 ${request.contestId}`, en: `Contest ${request.contestId}` }, 'contest.not_found');
  await checkCodeLimits(context.counters, { phone, address: request.address });

  const now = context.clock.now();
  const id = randomUUID();
  const code = codeOf(randomInt(1_000_000));
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  await insertVoterCode(db, { id, phone, code_hash: codeHash(id, code), address: request.address, created_at: now, expires_at: expiresAt });
  await context.sms.send({ phone, text: codeText(code, contest?.definition.name), subject: '投票验证码', contestId: request.contestId ?? null, at: now });
  return { expiresAt, resendAfter: new Date(now.getTime() + RESEND_AFTER_MS) };
}

async function checkCodeLimits(counters: Counters, request: { phone: string; address: string }): Promise<void> {
  for (const limit of codeLimits) {
    const hit = await counters.hit(codeLimitKey(limit, request), limit.windowMs, limit.limit);
    if (!hit.allowed) throw tooManyCodes(hit.retryAfterMs);
  }
}

/**
 * Checks a code against the last one sent to the number and, when it matches, signs the voter in.
 * Each check counts an attempt first (CODE_ATTEMPTS per code). Effects on success, in one
 * transaction: the code marked used, the voters row added on the number's first proof (with
 * voter.registered on the platform chain) or its verified_at moved, the voter's expired sessions
 * deleted, one voter_sessions row.
 * Refuses voting.phone_invalid, voting.code_expired (none sent, expired or used),
 * voting.too_many_attempts, voting.code_wrong (with the attempts left).
 */
export async function verifyCode(db: Kysely<Database>, input: { phone: string; code: string }, clock: Clock): Promise<VoterSignedIn> {
  const phone = validPhone(input.phone);
  const now = clock.now();
  const sent = await latestCodeOf(db, phone);
  if (!sent || sent.used_at !== null || sent.expires_at <= now) throw codeExpired();
  const attempts = await countCodeAttempt(db, sent.id, CODE_ATTEMPTS);
  if (attempts === undefined) throw tooManyAttempts();
  if (!codeMatches(sent.code_hash, sent.id, input.code)) throw codeWrong(CODE_ATTEMPTS - attempts);

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + VOTER_SESSION_DAYS * 24 * 3_600_000);
  const voter = await inTransaction(db, async (trx) => {
    if (!(await markCodeUsed(trx, sent.id, now))) throw codeExpired();
    const voter = await upsertProvenVoter(trx, { id: randomUUID(), phone, created_at: now, verified_at: now });
    await deleteExpiredVoterSessionsOf(trx, voter.id, now);
    await insertVoterSession(trx, { id: sessionIdOf(token), voter_id: voter.id, created_at: now, expires_at: expiresAt });
    if (voter.created) {
      const payload = { voterId: voter.id, phone: maskPhone(phone) };
      await appendAuditEvent(trx, { contestId: PLATFORM_AUDIT_CHAIN, actor: voter.id, type: 'voter.registered', payload, at: now });
    }
    return voter;
  });
  return { token, expiresAt, voter: { id: voter.id, phone: voter.phone, createdAt: voter.created_at } };
}

/** The voter of each session (`sessionIdOf` its token), in the ids' order, with the session's expiry; null for an id of no live session. */
export async function votersOfSessions(
  db: Kysely<Database>,
  sessionIds: readonly string[],
  clock: Clock,
): Promise<((Voter & { sessionExpiresAt: Date }) | null)[]> {
  const rows = await votersOfLiveSessions(db, sessionIds, clock.now());
  const bySession = new Map(rows.map((row) => [row.session_id, row]));
  return sessionIds.map((id) => {
    const row = bySession.get(id);
    return row ? { id: row.id, phone: row.phone, createdAt: row.created_at, sessionExpiresAt: row.expires_at } : null;
  });
}

/** Ends the session; an unknown token is already signed out. */
export async function signOutVoter(db: Kysely<Database>, token: string): Promise<void> {
  await deleteVoterSession(db, sessionIdOf(token));
}
