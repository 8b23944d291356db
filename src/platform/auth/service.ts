/**
 * Accounts and sessions: who someone is and what roles they hold. A session token is 32 random
 * bytes handed to the browser once; only its sha256 is stored, so reading the sessions table
 * does not let anyone sign in.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { AccountRow, Database, RoleName } from '../db-types.ts';
import { appendAuditEvent, PLATFORM_AUDIT_CHAIN } from '../../audit/service.ts';
import { AppError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { checkPasswordStrength } from './password-strength.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';
import {
  accountByEmail,
  accountById,
  accountOfLiveSession,
  deleteSession,
  deleteSessionsOfDemoAccounts,
  insertAccount,
  insertRole,
  deleteExpiredSessionsOf,
  deleteRole,
  deleteRolesOnContest,
  insertSession,
  rolesOfAccount,
} from './queries.ts';

export const SESSION_DAYS = 30;
export const PASSWORD_MIN_LENGTH = 8;
/** argon2 accepts any length; a cap keeps one request from costing seconds of hashing. */
export const PASSWORD_MAX_LENGTH = 256;

export interface AccountRole {
  role: RoleName;
  /** null = every contest. */
  contestId: string | null;
  zoneId: string | null;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: AccountRole[];
}

export interface NewAccountInput {
  email: string;
  password: string;
  displayName: string;
  /** Made by `serve --demo`: signs in only while the server runs with --demo. */
  demo?: boolean;
}

export interface RoleGrant {
  role: RoleName;
  contestId?: string | null;
  zoneId?: string | null;
}

export interface SignedIn {
  /** Give it to the client once (cookie); it is not stored. */
  token: string;
  expiresAt: Date;
  account: Account;
}

const invalidCredentials = () => new AppError('auth.invalid_credentials', { zh: '邮箱或密码不正确', en: 'Wrong email or password' }, 401);

/** Emails compare case-insensitively: stored trimmed and lowercased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Creates an account with the given roles (none by default). Effects: one accounts row, one
 * account_roles row per role, one account.created event on the platform audit chain (no email
 * or name in it: the chain is meant to be published). Refuses a malformed email, a password too
 * short, too long or guessable, an empty display name, a taken email.
 */
export async function createAccount(db: Kysely<Database>, input: NewAccountInput, clock: Clock, roles: RoleGrant[] = []): Promise<Account> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  checkAccountInput(email, input.password, displayName);
  // The demo's passwords are printed on the start screen for anyone to use (and sign in only under
  // --demo): how guessable they are is moot, and judging them would load zxcvbn into every demo start.
  if (!input.demo) await checkPasswordStrength(input.password, { email, displayName });
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const demo = input.demo ?? false;
  try {
    await inTransaction(db, async (trx) => {
      await insertAccount(trx, { id, email, password_hash: passwordHash, display_name: displayName, created_at: clock.now(), is_demo: demo });
      for (const role of roles) await insertRole(trx, roleRow(id, role));
      await appendAuditEvent(trx, {
        contestId: PLATFORM_AUDIT_CHAIN,
        actor: demo ? 'demo' : id,
        type: 'account.created',
        payload: { accountId: id, demo, roles: roles.map(presentGrant) },
        at: clock.now(),
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('auth.email_taken', { zh: `邮箱 ${email} 已注册`, en: `${email} is already registered` }, 409);
    }
    throw error;
  }
  return loadAccount(db, id) as Promise<Account>;
}

function checkAccountInput(email: string, password: string, displayName: string): void {
  if (!z.email().safeParse(email).success) {
    throw new AppError('auth.invalid_email', { zh: `邮箱格式不正确：${email}`, en: `Not an email address: ${email}` }, 400, [
      { code: 'auth.invalid_email', path: 'email', message: { zh: '邮箱格式不正确', en: 'Not an email address' } },
    ]);
  }
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    const message = {
      zh: `密码长度须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符`,
      en: `The password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    };
    throw new AppError('auth.password_length', message, 400, [{ code: 'auth.password_length', path: 'password', message }]);
  }
  if (displayName === '') {
    const message = { zh: '请填写姓名或昵称', en: 'A display name is required' };
    throw new AppError('auth.display_name_required', message, 400, [{ code: 'auth.display_name_required', path: 'displayName', message }]);
  }
}

/**
 * Gives a role, recorded as role.granted on the platform audit chain with who granted it.
 * Granting one the account already holds changes nothing and records nothing.
 */
export async function grantRole(db: Kysely<Database>, accountId: string, grant: RoleGrant, by: { actor: string; clock: Clock }): Promise<void> {
  if (grant.role === 'coordinator' && (!grant.contestId || !grant.zoneId)) {
    throw new AppError('auth.coordinator_needs_zone', {
      zh: '赛区负责人须指定赛事和赛区',
      en: 'A zone coordinator needs a contest and a zone',
    });
  }
  await inTransaction(db, async (trx) => {
    if (!(await insertRole(trx, roleRow(accountId, grant)))) return;
    const payload = { accountId, ...presentGrant(grant) };
    await appendAuditEvent(trx, { contestId: PLATFORM_AUDIT_CHAIN, actor: by.actor, type: 'role.granted', payload, at: by.clock.now() });
  });
}

/**
 * Takes back one role (a judge removed from a contest), recorded as role.revoked on the platform audit
 * chain with who revoked it. Revoking one the account does not hold changes nothing and records nothing.
 */
export async function revokeRole(db: Kysely<Database>, accountId: string, grant: RoleGrant, by: { actor: string; clock: Clock }): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await deleteRole(trx, roleRow(accountId, grant)))) return;
    const payload = { accountId, ...presentGrant(grant) };
    await appendAuditEvent(trx, { contestId: PLATFORM_AUDIT_CHAIN, actor: by.actor, type: 'role.revoked', payload, at: by.clock.now() });
  });
}

/**
 * Takes back every role given on one contest, each recorded as role.revoked on the platform audit
 * chain: for a contest that is deleted, so that a later contest with the same id starts with none.
 */
export async function revokeRolesOnContest(db: Kysely<Database>, contestId: string, by: { actor: string; clock: Clock }): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const row of await deleteRolesOnContest(trx, contestId)) {
      const payload = { accountId: row.account_id, role: row.role, contestId: row.contest_id, zoneId: row.zone_id };
      await appendAuditEvent(trx, { contestId: PLATFORM_AUDIT_CHAIN, actor: by.actor, type: 'role.revoked', payload, at: by.clock.now() });
    }
  });
}

const presentGrant = (grant: RoleGrant) => ({ role: grant.role, contestId: grant.contestId ?? null, zoneId: grant.zoneId ?? null });

const roleRow = (accountId: string, grant: RoleGrant) => ({
  account_id: accountId,
  role: grant.role,
  contest_id: grant.contestId ?? null,
  zone_id: grant.zoneId ?? null,
});

export interface SignInOptions {
  /** Whether demo accounts may sign in: only under `serve --demo`. */
  demoAccounts: boolean;
}

/**
 * Checks the password and opens a session. Effects: the account's expired sessions deleted, one
 * sessions row (token's sha256). A demo account is refused (403 auth.demo_account) unless demo
 * accounts are allowed: its password is public.
 */
export async function authenticate(
  db: Kysely<Database>,
  email: string,
  password: string,
  clock: Clock,
  options: SignInOptions = { demoAccounts: false },
): Promise<SignedIn> {
  const row = await accountByEmail(db, normaliseEmail(email));
  if (!row) {
    await verifyDecoy(password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(row.password_hash, password))) throw invalidCredentials();
  if (row.is_demo && !options.demoAccounts) throw demoAccountRefused();
  return openSession(db, row.id, clock);
}

const demoAccountRefused = () =>
  new AppError(
    'auth.demo_account',
    { zh: '演示账号只能在演示模式（leitai serve --demo）下登录', en: 'Demo accounts sign in only in demo mode (leitai serve --demo)' },
    403,
  );

/**
 * For a start without --demo: ends every session of a demo account, so one opened under --demo
 * does not outlive it. Returns how many demo accounts the database holds.
 */
export async function disableDemoAccounts(db: Kysely<Database>): Promise<number> {
  return deleteSessionsOfDemoAccounts(db);
}

/** Opens a session for an account already identified (e.g. just registered). */
export async function openSession(db: Kysely<Database>, accountId: string, clock: Clock): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await deleteExpiredSessionsOf(db, accountId, now);
  await insertSession(db, { id: sessionIdOf(token), account_id: accountId, created_at: now, expires_at: expiresAt });
  const account = await loadAccount(db, accountId);
  if (!account) throw new Error(`openSession: no account ${accountId}`);
  return { token, expiresAt, account };
}

/** The account signed in with this token, or null when the token is unknown or expired. */
export async function sessionAccount(db: Kysely<Database>, token: string, clock: Clock): Promise<Account | null> {
  if (token === '') return null;
  const row = await accountOfLiveSession(db, sessionIdOf(token), clock.now());
  return row ? withRoles(db, row) : null;
}

/** Ends the session; an unknown token is already signed out. */
export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, sessionIdOf(token));
}

export async function loadAccount(db: Kysely<Database>, accountId: string): Promise<Account | null> {
  const row = await accountById(db, accountId);
  return row ? withRoles(db, row) : null;
}

async function withRoles(db: Kysely<Database>, row: AccountRow): Promise<Account> {
  const roles = await rolesOfAccount(db, row.id);
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: roles.map((r) => ({ role: r.role, contestId: r.contest_id, zoneId: r.zone_id })),
  };
}

// The demo looks its accounts up by e-mail; it does so through this service, not the SQL behind it.
export { accountByEmail };
