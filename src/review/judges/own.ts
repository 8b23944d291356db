/** Who acts on judges, and who they may be: what the judges' and the conflicts' services start from. */
import { requireAccount } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/transaction.ts';
import { canManageJudges } from './policy.ts';
import * as queries from './queries.ts';

export interface JudgesActor {
  account: Account | null;
  clock: Clock;
}

/** The signed-in account's serving (active) judge row in the contest, or 401 / 403 judging.forbidden. */
export async function requireOwnJudge(db: Executor, contestId: string, account: Account | null) {
  const signedIn = requireAccount(account);
  const judge = await queries.judgeOfAccount(db, contestId, signedIn.id);
  if (!judge || judge.status !== 'active') throw forbidden('judging.forbidden');
  return { account: signedIn, judge };
}

/** An organiser of the contest, or 401 / 403 judges.forbidden. */
export const requireOrganiser = (actor: JudgesActor, contestId: string): Account => {
  const account = requireAccount(actor.account);
  if (!canManageJudges(account, contestId)) throw forbidden('judges.forbidden');
  return account;
};

export const judgeNotFound = (judgeId: string) => notFound({ zh: `评委 ${judgeId}`, en: `Judge ${judgeId}` }, 'judge.not_found');
