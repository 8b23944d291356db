import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { reviewClock, sessionOf } from '../../../test/support/scoring-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { seeds } from '../../../test/support/test-fixtures.ts';
import {
  importVoteCounts,
  preliminaryOf000,
  scoredByOneJudge,
  socialPreview,
  voteCountsAsImported,
  voteCountsPath,
} from '../../../test/support/vote-count-fixtures.ts';
import { voteCountsDigest } from './rules.ts';

const contestId = seeds['000'].id;
describeOnDatabases('imported vote counts', (database) => {
  it('refuses entries that are not the contest’s, listing them, and any entry given twice, before anything is stored', async () => {
    const { server, organiser, a } = await preliminaryOf000(database.db);
    const stranger = randomUUID();
    const unknown = await importVoteCounts(server, organiser, [
      { ref: a.ref, count: 100 },
      { ref: 'JSSC25-9999', count: 5 },
      { registrationId: stranger, count: 1 },
    ]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({
      code: 'vote_counts.unknown_entries',
      message: { zh: `以下作品不在本赛事：JSSC25-9999、${stranger}`, en: `These entries are not in this contest: JSSC25-9999, ${stranger}` },
      problems: [
        { code: 'vote_counts.unknown_entry', path: 'counts[1]' },
        { code: 'vote_counts.unknown_entry', path: 'counts[2]' },
      ],
    });
    const twice = await importVoteCounts(server, organiser, [
      { ref: a.ref, count: 100 },
      { registrationId: a.id, count: 3 },
    ]);
    expect([twice.statusCode, twice.json().error.code]).toEqual([422, 'vote_counts.duplicate_entries']);
    expect((await voteCountsAsImported(server, organiser)).counts).toEqual([]);
  });

  it('replaces the phase’s counts on each import, lists them, and records each import with its digest', async () => {
    const { server, organiser, organiserAccount, a, b } = await preliminaryOf000(database.db);
    const imported = await importVoteCounts(server, organiser, [
      { ref: a.ref, count: 100 },
      { registrationId: b.id, count: 50 },
    ]);
    const digest = voteCountsDigest([
      { registrationId: a.id, count: 100 },
      { registrationId: b.id, count: 50 },
    ]);
    expect(imported.json()).toEqual({ phase: 'public-vote', entries: 2, total: 150, digest, importedAt: '2025-06-01T02:00:00.000Z' });
    expect(await voteCountsAsImported(server, organiser)).toEqual({
      phase: 'public-vote',
      importedAt: '2025-06-01T02:00:00.000Z',
      counts: [
        { registrationId: a.id, ref: a.ref, title: '作品1', count: 100 },
        { registrationId: b.id, ref: b.ref, title: '作品2', count: 50 },
      ],
    });
    await importVoteCounts(server, organiser, [{ ref: a.ref, count: 120 }]);
    expect((await voteCountsAsImported(server, organiser)).counts).toEqual([{ registrationId: a.id, ref: a.ref, title: '作品1', count: 120 }]);
    const events = await database.db
      .selectFrom('audit_events')
      .select(['payload', 'actor'])
      .where('contest_id', '=', contestId)
      .where('type', '=', 'votes.imported')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { actor: organiserAccount.id, payload: { phase: 'public-vote', entries: 2, total: 150, digest } },
      {
        actor: organiserAccount.id,
        payload: { phase: 'public-vote', entries: 1, total: 120, digest: voteCountsDigest([{ registrationId: a.id, count: 120 }]) },
      },
    ]);
  });

  it('refuses a phase no round counts, a phase the contest lacks, and anyone but an organiser', async () => {
    const { server, organiser, entries, a } = await preliminaryOf000(database.db);
    const payload = { counts: [{ ref: a.ref, count: 1 }] };
    const uncounted = await server.inject({ method: 'PUT', url: `/api/contests/${contestId}/phases/registration/vote-counts`, headers: organiser, payload });
    const missing = await server.inject({ method: 'PUT', url: `/api/contests/${contestId}/phases/nowhere/vote-counts`, headers: organiser, payload });
    const participant = await server.inject({
      method: 'PUT',
      url: voteCountsPath,
      headers: await sessionOf(database.db, entries[0].owner, reviewClock('000')),
      payload,
    });
    const negative = await importVoteCounts(server, organiser, [{ ref: a.ref, count: -1 }]);
    expect([uncounted, missing, participant, negative].map((reply) => [reply.statusCode, reply.json().error.code])).toEqual([
      [422, 'vote_counts.phase_not_counted'],
      [404, 'phase.not_found'],
      [403, 'vote_counts.forbidden'],
      [400, 'request.invalid'],
    ]);
  });

  it('counts the imported votes in 000’s preliminary, where they turn the judges’ order round', async () => {
    const preliminary = await preliminaryOf000(database.db);
    const { server, organiser, a, b } = preliminary;
    await importVoteCounts(server, organiser, [
      { ref: a.ref, count: 100 },
      { ref: b.ref, count: 50 },
    ]);
    const organiserLater = await scoredByOneJudge(preliminary);
    // 作品1: 50% × 80 + 50% × (100 ÷ 100 × 100) = 90; 作品2: 50% × 90 + 50% × (50 ÷ 100 × 100) = 70.
    expect(await socialPreview(server, organiserLater)).toEqual([
      { id: a.id, division: 'app-dev/social', score: 90, rank: 1, tied: false, advances: true, judgeScore: 80, voteScore: 100, votes: 100, judges: 1 },
      { id: b.id, division: 'app-dev/social', score: 70, rank: 2, tied: false, advances: true, judgeScore: 90, voteScore: 50, votes: 50, judges: 1 },
    ]);
  });
});
