import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { contestsFolder, during, newAccount, seeds, socialTeam } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';
import { publishContestFolder } from './service.ts';

const original = seeds['000'].id;
const edition2026 = 'jjj-social-security-card-2026';
const edition2027 = 'jjj-social-security-card-2027';
const during2026 = fixedClock('2026-06-01T10:00:00+08:00');
const app = (db: Kysely<Database>, clock: Clock = during2026) => testServer(db, { clock, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account) => ({ cookie: `leitai_session=${(await openSession(db, account.id, during2026)).token}` });

describeOnDatabases('editions keep their organisers', (database) => {
  const copy = async (from: string, registrationOpens: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'POST', url: `/api/contests/${from}/copy`, headers, payload: { registrationOpens } });
  const registrationsOf = async (contestId: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${contestId}/registrations`, headers });

  it('lets the organiser of 000 see the registrations of its copy and copy the copy again, and no one else', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    expect((await copy(original, '2026-05-12', organiser)).statusCode).toBe(201);
    const leader = await newAccount(database.db, '参赛者1');
    await registerEntry(database.db, edition2026, socialTeam(1), { account: leader, clock: during2026 });

    const seen = await registrationsOf(edition2026, organiser);
    expect([seen.statusCode, seen.json().counts.total]).toEqual([200, 1]);
    expect([(await copy(edition2026, '2027-05-12', organiser)).statusCode, (await registrationsOf(edition2027, organiser)).statusCode]).toEqual([201, 200]);

    const elsewhere = await cookieOf(database.db, await newAccount(database.db, '别的主办方', [{ role: 'organiser', contestId: seeds['004'].id }]));
    expect([(await registrationsOf(edition2026, elsewhere)).statusCode, (await copy(edition2026, '2028-05-12', elsewhere)).statusCode]).toEqual([403, 403]);
  });

  it('carries organiser and coordinator roles down the chain of editions, never up, and judges stay where they were appointed', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]);
    await copy(original, '2026-05-12', await cookieOf(database.db, organiser));
    await copy(edition2026, '2027-05-12', await cookieOf(database.db, organiser));
    const people = await newAccount(database.db, '多角色', [
      { role: 'coordinator', contestId: original, zoneId: 'north' },
      { role: 'judge', contestId: original },
      { role: 'organiser', contestId: edition2026 },
    ]);
    const me = (await (await app(database.db)).inject({ method: 'GET', url: '/api/auth/me', headers: await cookieOf(database.db, people) })).json();
    const roles = me.account.roles.map((r: { role: string; contestId: string | null; zoneId: string | null }) => [r.role, r.contestId, r.zoneId]);
    expect(roles).toEqual([
      ['coordinator', original, 'north'],
      ['coordinator', edition2026, 'north'],
      ['coordinator', edition2027, 'north'],
      ['judge', original, null],
      ['organiser', edition2026, null],
      ['organiser', edition2027, null],
    ]);
  });

  it("links an old edition's page to the current edition of its chain", async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    const page = async (id: string) => (await (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${id}` })).json().contest;
    expect((await page(original)).editions).toEqual({ of: null, current: original });
    await copy(original, '2026-05-12', organiser);
    await copy(edition2026, '2027-05-12', organiser);
    expect([(await page(original)).editions, (await page(edition2026)).editions, (await page(edition2027)).editions]).toEqual([
      { of: null, current: edition2027 },
      { of: original, current: edition2027 },
      { of: edition2026, current: edition2027 },
    ]);
    expect((await page(seeds['004'].id)).editions).toEqual({ of: null, current: seeds['004'].id });
  });
});
