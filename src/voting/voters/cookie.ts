/**
 * The voter's session travels in its own cookie, `leitai_voter`, apart from accounts' sessions: a
 * voter has no account, and signing out of one never touches the other. HttpOnly (page scripts never
 * see the token), SameSite=Lax (other sites cannot post with it), Secure when the request came over
 * https (as Fastify tells it: X-Forwarded-Proto counts from trusted proxies only).
 *
 * Every vote asks who is voting, so a session found is remembered in this process for a minute: a
 * vote then costs no lookup. A session ended in another process is honoured here up to a minute later.
 * The sessions not remembered are looked up together: those asked for while the server reads one
 * round of requests (until setImmediate) go in one query, so a rush of new voters costs the
 * database one statement per round, not one per voter.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../platform/db-types.ts';
import { sessionIdOf } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { signOutVoter, votersOfSessions, type Voter } from './service.ts';

export const VOTER_COOKIE = 'leitai_voter';

const cookieOptions = (request: FastifyRequest) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' });

export function setVoterCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(VOTER_COOKIE, token, { ...cookieOptions(request), expires: expiresAt });
}

export function clearVoterCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(VOTER_COOKIE, cookieOptions(request));
}

type Session = Voter & { sessionExpiresAt: Date };

const sessions = new LRUCache<string, Session>({ max: 100_000, ttl: 60_000 });

type SessionLoader = DataLoader<string, Session | null>;

/** One loader per database and clock (a server has one of each; tests make several): session ids in, sessions out, not cached here (`sessions` is). */
const loaders = new WeakMap<Kysely<Database>, WeakMap<Clock, SessionLoader>>();

const loaderOf = (db: Kysely<Database>, clock: Clock): SessionLoader => {
  const ofDatabase = loaders.get(db) ?? new WeakMap<Clock, SessionLoader>();
  loaders.set(db, ofDatabase);
  let loader = ofDatabase.get(clock);
  if (!loader) {
    loader = new DataLoader((ids) => votersOfSessions(db, ids, clock), { cache: false, batchScheduleFn: (dispatch) => setImmediate(dispatch) });
    ofDatabase.set(clock, loader);
  }
  return loader;
};

/** The voter signed in on this request (the `leitai_voter` cookie), or null. */
export async function voterOfRequest(db: Kysely<Database>, request: FastifyRequest): Promise<Voter | null> {
  const token = request.cookies[VOTER_COOKIE];
  if (!token) return null;
  const now = request.server.clock.now();
  const key = sessionIdOf(token);
  let session = sessions.get(key);
  if (!session) {
    session = (await loaderOf(db, request.server.clock).load(key)) ?? undefined;
    if (session) sessions.set(key, session);
  }
  if (!session || session.sessionExpiresAt <= now) return null;
  return { id: session.id, phone: session.phone, createdAt: session.createdAt };
}

/** Ends the request's voter session, here and in the database, and clears the cookie. */
export async function signOutRequest(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[VOTER_COOKIE];
  if (token) {
    sessions.delete(sessionIdOf(token));
    await signOutVoter(db, token);
  }
  clearVoterCookie(request, reply);
}
