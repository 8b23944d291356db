import { expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestRegistrations } from './listing.ts';
import { editRegistration, registerEntry, withdrawRegistration } from './service.ts';
import { during, entryOf, newAccount, people, person, phone, publishSeed, seeds, teamsSharingAMember } from '../../test/support/test-fixtures.ts';

const contestId = seeds['001'].id;
const { first: firstTeam, second: secondTeam } = teamsSharingAMember;
const outcome = (settled: PromiseSettledResult<{ ref: string }>) =>
  settled.status === 'fulfilled' ? settled.value.ref : settled.reason instanceof AppError ? settled.reason.code : String(settled.reason);

describeOnDatabases('registrations checked against only the entries sharing a person or an organisation', (database) => {
  it('refuses one of two teams sharing a member that register at the same moment, and numbers the other 0001', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const second = await newAccount(database.db, '杨帆');
    const results = await Promise.allSettled([
      registerEntry(database.db, contestId, firstTeam(), { account: first, clock: during['001'] }),
      registerEntry(database.db, contestId, secondTeam(), { account: second, clock: during['001'] }),
    ]);
    expect(results.map(outcome).sort()).toEqual(['HSGD22-0001', 'team.member_in_other_team']);
  });

  it('registers many teams sharing no one at the same moment, each with its own reference number', async () => {
    await publishSeed(database.db, '001');
    const account = await newAccount(database.db, '刘志强');
    const team = (i: number) =>
      entryOf('001', {
        title: `平台 ${i}`,
        trackId: 'government-services',
        entrantKind: 'team',
        teamName: `团队 ${i}`,
        leader: person(100 + i * 4),
        members: people(2, 101 + i * 4),
      });
    const rows = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => registerEntry(database.db, contestId, team(i), { account, clock: during['001'] })));
    expect(rows.map((r) => r.ref).sort()).toEqual(['HSGD22-0001', 'HSGD22-0002', 'HSGD22-0003', 'HSGD22-0004', 'HSGD22-0005', 'HSGD22-0006']);
  });

  it('lets a member another team dropped in an edit join a second team, and refuses an edit adding a member of another team', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const second = await newAccount(database.db, '杨帆');
    const row = await registerEntry(database.db, contestId, firstTeam(), { account: first, clock: during['001'] });
    await editRegistration(database.db, row.id, { ...firstTeam(), members: [person(12), person(14)] }, { account: first, clock: during['001'] });
    const joined = await registerEntry(database.db, contestId, secondTeam(), { account: second, clock: during['001'] });
    expect(joined.ref).toBe('HSGD22-0002');
    const poaching = editRegistration(database.db, row.id, { ...firstTeam(), members: [person(12), person(22)] }, { account: first, clock: during['001'] });
    await expect(poaching).rejects.toMatchObject({ code: 'team.member_in_other_team' });
  });

  it('keeps no person or organisation of a withdrawn entry in the key tables, so they may enter again', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const row = await registerEntry(database.db, contestId, firstTeam(), { account: first, clock: during['001'] });
    const keysOf = async (id: string) =>
      (await database.db.selectFrom('registration_identifiers').select('kind').where('registration_id', '=', id).execute()).length;
    expect(await keysOf(row.id)).toBe(4 * 2);
    await withdrawRegistration(database.db, row.id, { account: first, clock: during['001'] });
    expect(await keysOf(row.id)).toBe(0);
    const again = await registerEntry(database.db, contestId, firstTeam(), { account: first, clock: during['001'] });
    expect([again.ref, again.status]).toEqual(['HSGD22-0002', 'active']);
  });
});

describeOnDatabases("the organiser's table, paged, sorted and searched in SQL", (database) => {
  const team = (i: number, title: string) =>
    entryOf('001', {
      title,
      trackId: i % 2 ? 'financial-innovation' : 'government-services',
      entrantKind: 'team',
      teamName: `团队 ${i}`,
      leader: person(200 + i * 3, { name: `负责人${i}` }),
      members: people(2, 201 + i * 3),
    });

  it('answers one page in the order asked, how many match, and counts over every active entry', async () => {
    await publishSeed(database.db, '001');
    const account = await newAccount(database.db, '刘志强');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const titles = ['丙 平台', '甲 平台', '乙 平台', '丁 系统'];
    for (const [i, title] of titles.entries()) await registerEntry(database.db, contestId, team(i, title), { account, clock: during['001'] });
    const table = (filters: Parameters<typeof contestRegistrations>[2]) => contestRegistrations(database.db, contestId, filters, organiser, during['001']);
    const page = await table({ sort: 'ref', order: 'desc', offset: 1, limit: 2 });
    expect([page.registrations.map((r) => r.ref), page.matched, page.counts.total]).toEqual([['HSGD22-0003', 'HSGD22-0002'], 4, 4]);
    expect(page.counts.byDivision.filter((d) => d.count > 0).map((d) => [d.divisionId, d.count])).toEqual([
      ['government-services', 2],
      ['financial-innovation', 2],
    ]);
    expect((await table({ q: '平台', sort: 'title' })).registrations.map((r) => r.title)).toEqual(['丙 平台', '乙 平台', '甲 平台']);
    expect((await table({ q: '负责人3' })).registrations.map((r) => r.ref)).toEqual(['HSGD22-0004']);
    expect((await table({ q: phone(201 + 3) })).registrations.map((r) => r.ref)).toEqual(['HSGD22-0002']);
    // By the number alone, or the whole reference in any case.
    expect([(await table({ q: '0003' })).registrations.map((r) => r.title), (await table({ q: 'hsgd22-0003' })).registrations.map((r) => r.title)]).toEqual([
      ['乙 平台'],
      ['乙 平台'],
    ]);
    expect((await table({ q: '%' })).matched).toBe(0);
    // The number without its leading zeros is the same reference.
    expect((await table({ q: '3' })).registrations.map((r) => r.ref)).toEqual(['HSGD22-0003']);
  });

  it('counts the matches under every filter as the page finds them (the counts serve both)', async () => {
    await publishSeed(database.db, '001');
    const account = await newAccount(database.db, '刘志强');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const entries = [];
    for (const i of [0, 1, 2, 3, 4]) entries.push(await registerEntry(database.db, contestId, team(i, `作品 ${i}`), { account, clock: during['001'] }));
    await withdrawRegistration(database.db, entries[1].id, { account, clock: during['001'] });
    const table = (filters: Parameters<typeof contestRegistrations>[2]) => contestRegistrations(database.db, contestId, filters, organiser, during['001']);
    const filterSets: Parameters<typeof contestRegistrations>[2][] = [
      {},
      { status: 'active' },
      { status: 'withdrawn' },
      { trackId: 'financial-innovation' },
      { trackId: 'financial-innovation', status: 'active' },
      { trackId: 'government-services', q: '作品' },
      { zoneId: 'no-such-zone' },
    ];
    for (const filters of filterSets) {
      const reply = await table({ ...filters, limit: 500 });
      expect([filters, reply.matched]).toEqual([filters, reply.registrations.length]);
    }
    expect((await table({ status: 'withdrawn' })).registrations.map((r) => r.ref)).toEqual([entries[1].ref]);
    expect([(await table({})).counts.total, (await table({})).counts.withdrawn]).toEqual([4, 1]);
  });
});
