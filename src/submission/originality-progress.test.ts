import { afterEach, expect, it } from 'vitest';
import type { LeitaiApp } from '../platform/http/server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { newAccount, publishSeed } from '../../test/support/test-fixtures.ts';
import { gradientPosterWorks } from '../../test/support/poster-works.ts';
import { cookieFor, movableClock, startWorksServer } from '../../test/support/test-uploads.ts';
import { compareInWorker } from './originality/compare-pool.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const contestId = 'yangquan-medical-e-voucher-works-2022';
/** Posters not yet compared in this process (each database's run takes its own), so their pixel checks take a while. */
let firstSeed = 200;

describeOnDatabases('how far the originality report is, for the organiser’s page to poll', (database) => {
  it('says nothing is being compared, then how many candidate pairs of a running comparison are checked; to organisers only', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    await publishSeed(database.db, '002');
    app = (await startWorksServer(database.db, clock)).app;
    const organiser = await cookieFor(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]), clock);
    const participant = await cookieFor(database.db, await newAccount(database.db, '王芳'), clock);
    const progress = (cookie?: string) =>
      app!.inject({ method: 'GET', url: `/api/contests/${contestId}/originality/progress`, headers: cookie ? { cookie } : {} });

    expect((await progress(organiser)).json()).toEqual({ progress: null });
    expect([(await progress(participant)).statusCode, (await progress(participant)).json().error.code]).toEqual([403, 'submission.originality_forbidden']);
    expect((await progress()).statusCode).toBe(401);

    // A comparison labelled with the contest, as originalityReport starts it, with enough candidates to be seen running.
    let settled = false;
    const comparing = compareInWorker(await gradientPosterWorks(24, (firstSeed += 100)), contestId).finally(() => (settled = true));
    const seen: unknown[] = [];
    while (!settled) {
      seen.push((await progress(organiser)).json().progress);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { candidates } = await comparing;
    expect(seen).toContainEqual({ state: 'comparing', checked: expect.any(Number), candidates });
    expect((await progress(organiser)).json()).toEqual({ progress: null });
  });
});
