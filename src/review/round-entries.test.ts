import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getContest } from '../contest/service.ts';
import type { Database } from '../platform/db-types.ts';
import { registerEntry, withdrawRegistration } from '../registration/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';
import { coverGroups, roundEntries } from './round-entries.ts';

const contestId = seeds['000'].id;
const clock = during['000'];

/** 000 whose preliminary ranks 社保卡宣传赛道 and 应用开发赛道（社会组） only, with an entry in each and one in 校园组's neighbour track. */
async function setUp(db: Kysely<Database>) {
  await publishSeed(db, '000', (definition) => ({
    ...definition,
    review: {
      ...definition.review,
      rounds: definition.review.rounds.map((r) => (r.id === 'preliminary' ? { ...r, divisions: ['publicity', 'app-dev/social'] } : r)),
    },
  }));
  const account = await newAccount(db, '参赛者');
  const register = async (input: ReturnType<typeof entryOf>) => (await registerEntry(db, contestId, input, { account, clock })).id;
  const poster = await register(entryOf('000', { title: '一卡通海报', trackId: 'publicity', entrantKind: 'individual', leader: person(301) }));
  const team = await register(socialTeam(1, 302, { title: '社保卡小程序', leader: person(310) }));
  const caseEntry = await register(entryOf('000', { title: '医保结算案例', trackId: 'case-selection', entrantKind: 'individual', leader: person(320) }));
  const withdrawn = await register(entryOf('000', { title: '撤回的海报', trackId: 'publicity', entrantKind: 'individual', leader: person(330) }));
  await withdrawRegistration(db, withdrawn, { account, clock });
  return { account, poster, team, caseEntry, contest: await getContest(db, contestId) };
}

const publish = async (db: Kysely<Database>, accountId: string, version: number, advancing: string[]) => {
  const results = { round: 'preliminary', divisions: [{ id: 'publicity', entries: advancing.map((id) => ({ id, division: 'publicity', advances: true })) }] };
  await db
    .insertInto('round_publications')
    .values({
      contest_id: contestId,
      round_id: 'preliminary',
      version,
      results: JSON.stringify(results),
      sha256: `v${version}`,
      definition_version: 1,
      published_by: accountId,
      published_at: clock.now(),
    })
    .execute();
};

describeOnDatabases('the entries of a review round', (database) => {
  it('the first round judges the active entries of the divisions it ranks, each in its division’s and track’s groups', async () => {
    const { poster, team, contest } = await setUp(database.db);
    const { entries, waitingFor } = await roundEntries(database.db, contest, 'preliminary');
    expect(entries.map(({ id, title, division, groups }) => ({ id, title, division, groups }))).toEqual([
      { id: poster, title: '一卡通海报', division: 'publicity', groups: ['all', 'division:publicity', 'track:publicity'] },
      { id: team, title: '社保卡小程序', division: 'app-dev/social', groups: ['all', 'division:app-dev/social', 'track:app-dev'] },
    ]);
    expect(entries.map((entry) => entry.ref)).toEqual([...entries.map((entry) => entry.ref)].sort());
    expect(waitingFor).toBeUndefined();
  });

  it('a later round waits for the earlier one’s publication, then judges what advances in its latest version', async () => {
    const { account, poster, team, caseEntry, contest } = await setUp(database.db);
    expect(await roundEntries(database.db, contest, 'final')).toEqual({ entries: [], waitingFor: 'preliminary' });
    await publish(database.db, account.id, 1, [poster, team]);
    expect((await roundEntries(database.db, contest, 'final')).entries.map((entry) => entry.id)).toEqual([poster, team]);
    await publish(database.db, account.id, 2, [caseEntry]);
    expect((await roundEntries(database.db, contest, 'final')).entries.map((entry) => entry.id)).toEqual([caseEntry]);
  });
});

describe('the groups a judge covers', () => {
  it('reaches from a judge’s covers the groups of a division, a track or a topic of that id, and every entry from none', () => {
    expect(coverGroups(['app-dev/campus', 'publicity'])).toEqual([
      'division:app-dev/campus',
      'track:app-dev/campus',
      'topic:app-dev/campus',
      'division:publicity',
      'track:publicity',
      'topic:publicity',
    ]);
    expect(coverGroups([])).toEqual(['all']);
  });
});
