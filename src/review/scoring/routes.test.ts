import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { featureRoutes } from '../../server.ts';
import { submissionRoutes } from '../../submission/routes.ts';
import { localStorage } from '../../submission/storage.ts';
import { addJudge } from '../../../test/support/review-fixtures.ts';
import { assignPairs, hackathonTeams, registerAll, reviewClock, reviewServer, sessionOf } from '../../../test/support/scoring-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { newAccount, publishSeed, seeds } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';
import { testUploadLimits } from '../../../test/support/test-uploads.ts';

const contestId = seeds['003'].id;
const round = 'application-selection';
const judging = `/api/contests/${contestId}/rounds/${round}/judging`;
/** Inside 申请和选拔 (2021-08-31 to 2021-09-15). */
const inWindow = '2021-09-01T10:00:00+08:00';
const criteria = ['qualification-level', 'qualification-mix', 'experience', 'concept-relevance', 'concept-feasibility', 'regional-representation'];
const all = (value: number) => Object.fromEntries(criteria.map((id) => [id, value]));

/** Two 003 teams; 评委甲 judges the first in the selection round, 评委乙 the second. */
async function setUp(db: Kysely<Database>, change?: (definition: ContestDefinition) => ContestDefinition) {
  await publishSeed(db, '003', change);
  const clock = reviewClock('003');
  const entries = await registerAll(db, '003', hackathonTeams(2), clock);
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const judge = await addJudge(db, contestId, { name: '评委甲' });
  const other = await addJudge(db, contestId, { name: '评委乙' });
  await assignPairs(
    db,
    contestId,
    round,
    [
      { judgeId: judge.id, registrationId: entries[0].row.id },
      { judgeId: other.id, registrationId: entries[1].row.id },
    ],
    organiser,
  );
  clock.set(inWindow);
  const server = await reviewServer(db, clock);
  const as = (account: Account) => sessionOf(db, account, clock);
  const [first, second] = entries.map((e) => e.row.id);
  return { clock, server, entries, first, second, judge, other, organiser, as };
}

const eventsOf = (db: Kysely<Database>, type: string) =>
  db.selectFrom('audit_events').select(['type', 'payload', 'actor']).where('contest_id', '=', contestId).where('type', '=', type).orderBy('seq').execute();

describeOnDatabases('scoring through the API', (database) => {
  it('autosaves a partial draft, reads it back after a reload, submits it once; a second submit and a later save are refused', async () => {
    const { server, first, judge, as } = await setUp(database.db);
    const headers = await as(judge.account);
    const saved = await server.inject({
      method: 'PUT',
      url: `${judging}/${first}`,
      headers,
      payload: { criteria: { experience: 7.5, 'qualification-level': 8 }, comment: '经验丰富' },
    });
    expect(saved.statusCode).toBe(200);
    const draft = {
      criteria: { experience: 7.5, 'qualification-level': 8 },
      total: null,
      comment: '经验丰富',
      status: 'draft',
      savedAt: '2021-09-01T02:00:00.000Z',
      submittedAt: null,
    };
    expect(saved.json()).toEqual({ score: draft });
    const reloaded = (await server.inject({ method: 'GET', url: `${judging}/${first}`, headers })).json();
    expect(reloaded.score).toEqual(draft);
    expect(reloaded.entry).toMatchObject({ id: first, title: '作品1', division: 'hackathon', team: { name: '团队1', entrantKind: 'team' } });

    const incomplete = await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers });
    expect([incomplete.statusCode, incomplete.json().error.code]).toEqual([422, 'score.incomplete']);
    const submitted = await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers, payload: { criteria: all(8) } });
    expect(submitted.json().score).toEqual({ ...draft, criteria: all(8), total: 8, status: 'submitted', submittedAt: '2021-09-01T02:00:00.000Z' });

    const again = await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers, payload: { criteria: all(9) } });
    const later = await server.inject({ method: 'PUT', url: `${judging}/${first}`, headers, payload: { criteria: all(9) } });
    expect([again.statusCode, again.json().error.code, later.statusCode, later.json().error.code]).toEqual([
      409,
      'score.already_submitted',
      409,
      'score.already_submitted',
    ]);
    const list = (await server.inject({ method: 'GET', url: judging, headers })).json();
    expect(list.progress).toEqual({ submitted: 1, total: 1 });
    expect(list.entries).toEqual([
      {
        id: first,
        ref: 'IDSS21-0001',
        title: '作品1',
        division: 'hackathon',
        divisionName: '数字化社会保障',
        names: expect.any(Array),
        score: { status: 'submitted', total: 8 },
      },
    ]);

    // The submission is the one event: drafts are the judge's working state.
    const events = await database.db.selectFrom('audit_events').select('type').where('contest_id', '=', contestId).where('type', 'like', 'score.%').execute();
    expect(events.map((e) => e.type)).toEqual(['score.submitted']);
    expect((await eventsOf(database.db, 'score.submitted'))[0]).toEqual({
      type: 'score.submitted',
      actor: judge.account.id,
      payload: {
        round,
        entry: first,
        judge: judge.id,
        criteria: all(8),
        total: 8,
        definitionVersion: 1,
        state: { [`score:${round}:${first}:${judge.id}`]: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
  });

  it('refuses an entry not assigned to the judge as not found, a judge of other rounds and a participant with 403, a signed-out caller with 401', async () => {
    const { server, entries, second, judge, as } = await setUp(database.db);
    const headers = await as(judge.account);
    const read = await server.inject({ method: 'GET', url: `${judging}/${second}`, headers });
    const write = await server.inject({ method: 'PUT', url: `${judging}/${second}`, headers, payload: { criteria: { experience: 5 } } });
    expect([read.statusCode, read.json().error.code, write.statusCode, write.json().error.code]).toEqual([
      404,
      'score.not_assigned',
      404,
      'score.not_assigned',
    ]);
    expect(JSON.stringify(read.json())).not.toContain('作品2');
    const participant = await server.inject({ method: 'GET', url: judging, headers: await as(entries[0].owner) });
    const signedOut = await server.inject({ method: 'GET', url: judging });
    const finalOnly = await addJudge(database.db, contestId, { name: '评委丙', rounds: ['workshop'] });
    const elsewhere = await server.inject({ method: 'GET', url: judging, headers: await as(finalOnly.account) });
    expect([participant.statusCode, participant.json().error.code, signedOut.statusCode, elsewhere.statusCode, elsewhere.json().error.code]).toEqual([
      403,
      'judging.forbidden',
      401,
      403,
      'judging.not_in_round',
    ]);
  });

  it('refuses a value outside 003’s 1–10, naming the criterion, and one with two decimals', async () => {
    const { server, first, judge, as } = await setUp(database.db);
    const headers = await as(judge.account);
    const reply = await server.inject({ method: 'PUT', url: `${judging}/${first}`, headers, payload: { criteria: { experience: 11 } } });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toEqual({
      error: {
        code: 'score.out_of_scale',
        message: { zh: '「成员的经验」的分值 11 不在 1–10 之内', en: 'experience: 11 is outside 1–10' },
        problems: [
          {
            code: 'score.out_of_scale',
            message: { zh: '「成员的经验」的分值 11 不在 1–10 之内', en: 'experience: 11 is outside 1–10' },
            path: 'criteria.experience',
            rule: 'experience: 1–10',
          },
        ],
      },
    });
    const fine = await server.inject({ method: 'PUT', url: `${judging}/${first}`, headers, payload: { criteria: { experience: 7.25 } } });
    expect(fine.json().error.code).toBe('score.step');
    const nothing = await server.inject({ method: 'GET', url: `${judging}/${first}`, headers });
    expect(nothing.json().score).toBeNull();
  });

  it('refuses a score after the round’s window, naming it, and in a closed round', async () => {
    const { server, clock, first, judge, organiser, as } = await setUp(database.db);
    const headers = await as(judge.account);
    clock.set('2021-09-16T00:00:00+08:00');
    const late = await server.inject({ method: 'PUT', url: `${judging}/${first}`, headers, payload: { criteria: { experience: 5 } } });
    expect([late.statusCode, late.json().error]).toEqual([
      409,
      {
        code: 'score.window_closed',
        message: {
          zh: '不在「申请和选拔」的评审时间内：2021-08-31T00:00:00+08:00 至 2021-09-15T23:59:59+08:00',
          en: 'Outside the scoring window of "Application selection": 2021-08-31T00:00:00+08:00 to 2021-09-15T23:59:59+08:00',
        },
        problems: [],
      },
    ]);
    expect((await server.inject({ method: 'GET', url: judging, headers })).json().round).toMatchObject({ state: 'open', open: false });

    clock.set(inWindow);
    await server.inject({ method: 'POST', url: `/api/contests/${contestId}/rounds/${round}/close`, headers: await as(organiser), payload: {} });
    const closed = await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers, payload: { criteria: all(5) } });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'score.round_closed']);
    expect((await server.inject({ method: 'GET', url: judging, headers })).json().round).toMatchObject({ state: 'closed', open: false });
  });

  it('hides names, organisations and schools in a blind round, keeping title, division and works', async () => {
    const blind = (definition: ContestDefinition) => {
      definition.review.rounds[0].blind = true;
      return definition;
    };
    const { server, first, judge, entries, as } = await setUp(database.db, blind);
    const headers = await as(judge.account);
    const list = await server.inject({ method: 'GET', url: judging, headers });
    const entry = await server.inject({ method: 'GET', url: `${judging}/${first}`, headers });
    expect(list.json().round.blind).toBe(true);
    expect(list.json().entries[0]).toEqual({
      id: first,
      ref: 'IDSS21-0001',
      title: '作品1',
      division: 'hackathon',
      divisionName: '数字化社会保障',
      score: null,
    });
    expect(entry.json().entry).toEqual({ id: first, ref: 'IDSS21-0001', title: '作品1', division: 'hackathon', divisionName: '数字化社会保障', summary: null });
    const leader = (entries[0].row.entrant as { leader: { name: string } }).leader.name;
    for (const text of [JSON.stringify(list.json()), JSON.stringify(entry.json())]) {
      expect(text).not.toContain('团队1');
      expect(text).not.toContain(leader);
    }
  });

  it('shows names to a judge of a round that is not blind', async () => {
    const { server, first, judge, entries, as } = await setUp(database.db);
    const leader = (entries[0].row.entrant as { leader: { name: string } }).leader.name;
    const list = (await server.inject({ method: 'GET', url: judging, headers: await as(judge.account) })).json();
    expect(list.entries[0].names).toEqual(['团队1', leader, expect.any(String), expect.any(String)]);
    const entry = (await server.inject({ method: 'GET', url: `${judging}/${first}`, headers: await as(judge.account) })).json();
    expect(entry.entry.team).toMatchObject({ name: '团队1', leader, organisations: [], schools: [] });
    expect(JSON.stringify(entry)).not.toMatch(/1\d{10}/);
  });

  it('lets the organiser reopen a submitted score with a reason, audited, and the judge change it again', async () => {
    const { server, first, judge, organiser, entries, as } = await setUp(database.db);
    const headers = await as(judge.account);
    await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers, payload: { criteria: all(6) } });
    const reopen = `/api/contests/${contestId}/rounds/${round}/scores/${first}/${judge.id}/reopen`;
    const noReason = await server.inject({ method: 'POST', url: reopen, headers: await as(organiser), payload: {} });
    const participant = await server.inject({ method: 'POST', url: reopen, headers: await as(entries[0].owner), payload: { reason: '误评' } });
    expect([noReason.statusCode, participant.statusCode, participant.json().error.code]).toEqual([400, 403, 'review.forbidden']);
    const reopened = await server.inject({ method: 'POST', url: reopen, headers: await as(organiser), payload: { reason: '评委申请更正评分' } });
    expect(reopened.json()).toEqual({ score: { status: 'draft', savedAt: '2021-09-01T02:00:00.000Z', submittedAt: null } });
    expect((await eventsOf(database.db, 'score.reopened')).map((e) => e.payload)).toEqual([
      { round, entry: first, judge: judge.id, reason: '评委申请更正评分', state: { [`score:${round}:${first}:${judge.id}`]: null } },
    ]);
    const twice = await server.inject({ method: 'POST', url: reopen, headers: await as(organiser), payload: { reason: '再次' } });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'score.not_submitted']);
    const changed = await server.inject({ method: 'PUT', url: `${judging}/${first}`, headers, payload: { criteria: { ...all(6), experience: 9 } } });
    expect(changed.json().score).toMatchObject({ status: 'draft', criteria: { experience: 9 } });
  });

  it('lists the rounds the judge serves, with their windows, states and the judge’s progress', async () => {
    const { server, judge, as } = await setUp(database.db);
    const rounds = (await server.inject({ method: 'GET', url: `/api/contests/${contestId}/judging`, headers: await as(judge.account) })).json().rounds;
    expect(rounds[0]).toEqual({
      id: round,
      name: '申请和选拔',
      nameEn: 'Application selection',
      mode: 'online',
      blind: false,
      window: { start: '2021-08-31T00:00:00+08:00', end: '2021-09-15T23:59:59+08:00' },
      state: 'open',
      assigned: 1,
      submitted: 0,
    });
    expect(rounds.map((r: { id: string; assigned: number }) => [r.id, r.assigned])).toEqual([
      [round, 1],
      ['online-stage', 0],
      ['workshop', 0],
    ]);
  });

  it('takes an entry from a judge who declares a conflict with it after the assignment', async () => {
    const { server, first, judge, as } = await setUp(database.db);
    await database.db
      .insertInto('judge_declared_conflicts')
      .values({
        id: randomUUID(),
        contest_id: contestId,
        judge_id: judge.id,
        kind: 'entry',
        registration_id: first,
        declared_by: judge.account.id,
        declared_at: new Date(),
      })
      .execute();
    const headers = await as(judge.account);
    const read = await server.inject({ method: 'GET', url: `${judging}/${first}`, headers });
    expect([read.statusCode, read.json().error.code]).toEqual([403, 'score.conflicted']);
    expect((await server.inject({ method: 'GET', url: judging, headers })).json().entries).toEqual([]);
  });

  it('lists the entry’s works for its judge, who may download them; a judge of another entry may not', async () => {
    const { clock, first, judge, other, entries, as } = await setUp(database.db);
    const directory = await mkdtemp(join(tmpdir(), 'leitai-judging-'));
    const key = randomUUID();
    await writeFile(join(directory, key), '%PDF-1.4 演示文稿');
    const fileId = randomUUID();
    await database.db
      .insertInto('submission_files')
      .values({
        id: fileId,
        contest_id: contestId,
        registration_id: first,
        requirement_id: 'presentation',
        file_name: '作品1-演示文稿.pdf',
        storage_key: key,
        size: 22,
        sha256: 'a'.repeat(64),
        media_type: 'application/pdf',
        file_kind: 'pdf',
        accepted: true,
        problems: '[]',
        definition_version: 1,
        upload_started_at: clock.now(),
        uploaded_by: entries[0].owner.id,
      })
      .execute();
    const server = await testServer(database.db, {
      clock,
      registerRoutes: [...featureRoutes, submissionRoutes({ storage: localStorage(directory), limits: testUploadLimits })],
    });
    const headers = await as(judge.account);
    const works = (await server.inject({ method: 'GET', url: `${judging}/${first}`, headers })).json().works;
    expect(works[0]).toEqual({
      requirement: 'presentation',
      name: '在线作品展示（演示文稿）',
      value: null,
      files: [{ id: fileId, fileName: '作品1-演示文稿.pdf', mediaType: 'application/pdf', size: 22, url: `/api/works/files/${fileId}/content` }],
    });
    const download = await server.inject({ method: 'GET', url: `/api/works/files/${fileId}/content`, headers });
    expect([download.statusCode, download.body]).toEqual([200, '%PDF-1.4 演示文稿']);
    const stranger = await server.inject({ method: 'GET', url: `/api/works/files/${fileId}/content`, headers: await as(other.account) });
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([403, 'submission.forbidden']);
  });
});
