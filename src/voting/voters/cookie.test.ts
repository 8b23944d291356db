import type { FastifyRequest } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { votersWithSessions } from '../../../test/support/vote-fixtures.ts';
import { sessionIdOf } from '../../platform/auth/service.ts';
import { systemClock } from '../../platform/clock.ts';
import { voterOfRequest } from './cookie.ts';

/** Counts the statements a database runs. */
const counting = () => {
  const plugin: KyselyPlugin & { statements: number } = {
    statements: 0,
    transformQuery: (args) => {
      plugin.statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return plugin;
};

const requestWith = (token: string) => ({ cookies: { leitai_voter: token }, server: { clock: systemClock } }) as unknown as FastifyRequest;

describeOnDatabases('the voter of a request', (database) => {
  it('looks up the sessions of voters arriving together in one statement, each request getting its own voter, then remembers them', async () => {
    const tokens = await votersWithSessions(database.db, 6);
    const statements = counting();
    const db = database.db.withPlugin(statements);
    const voters = await Promise.all([...tokens, 'no-such-session'].map((token) => voterOfRequest(db, requestWith(token))));
    expect(statements.statements).toBe(1);
    const sessions = await database.db.selectFrom('voter_sessions').select(['id', 'voter_id']).execute();
    const voterOfToken = (token: string) => sessions.find((session) => session.id === sessionIdOf(token))?.voter_id;
    expect(voters.map((voter) => voter?.id ?? null)).toEqual([...tokens.map(voterOfToken), null]);
    expect(new Set(voters.slice(0, 6).map((voter) => voter?.id)).size).toBe(6);

    await Promise.all(tokens.map((token) => voterOfRequest(db, requestWith(token))));
    expect(statements.statements).toBe(1);
  });
});
