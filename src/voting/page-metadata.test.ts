import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder, during, seeds } from '../../test/support/test-fixtures.ts';
import { contestWithEntries, voteOpenAround } from '../../test/support/vote-fixtures.ts';
import { contestPageMetadata } from '../contest/page-metadata.ts';
import { publishContestFolder } from '../contest/service.ts';
import { firstPageMetadata } from '../platform/http/page-metadata.ts';
import { fixedClock } from '../platform/clock.ts';
import { votingPageMetadata } from './page-metadata.ts';

const webDist = () => {
  const root = mkdtempSync(join(tmpdir(), 'leitai-web-'));
  writeFileSync(join(root, 'index.html'), '<html><head><title>擂台 Leitai</title></head></html>');
  return root;
};

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const metaOf = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];

describeOnDatabases('a vote’s page as a share card', (database) => {
  const server = (clock = during['001']) =>
    testServer(database.db, {
      webDist: webDist(),
      pageMetadata: firstPageMetadata(votingPageMetadata(database.db, clock), contestPageMetadata(database.db)),
    });

  it('is sent with the vote’s and the contest’s names, a call to vote and the share image, on the showcase and an entry’s page', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['001']);
    const app = await server();
    for (const url of [`/contests/${seeds['001'].id}/vote/public-vote`, `/contests/${seeds['001'].id}/vote/public-vote/entries/any-entry`]) {
      const page = await app.inject({ method: 'GET', url, headers: { host: 'leitai.example.cn' } });
      expect([url, titleOf(page.body)]).toEqual([url, '网络投票 · 河北省首届“智慧政务 创想未来”数据应用创新创业大赛 · 擂台 Leitai']);
      expect(metaOf(page.body, 'og:description')).toMatch(/^为你支持的作品投上一票。.{10,}/);
      expect(metaOf(page.body, 'og:image')).toBe('http://leitai.example.cn/share.png');
    }
  });

  it('is the site’s own for a phase that is no vote Leitai runs and for an unknown contest, while the contest’s page keeps its card', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['001']);
    const app = await server();
    const final = await app.inject({ method: 'GET', url: `/contests/${seeds['001'].id}/vote/final` });
    expect(titleOf(final.body)).toBe('擂台 Leitai');
    const contestPage = await app.inject({ method: 'GET', url: `/contests/${seeds['001'].id}` });
    expect(titleOf(contestPage.body)).toBe('河北省首届“智慧政务 创想未来”数据应用创新创业大赛 · 擂台 Leitai');
    const unknown = await app.inject({ method: 'GET', url: '/contests/no-such-contest/vote/public-vote' });
    expect(titleOf(unknown.body)).toBe('擂台 Leitai');
  });

  it('is an entry’s own on its page once the vote shows its works: its title, a call to vote for it, its cover or the share image', async () => {
    const { contestId, entries } = await contestWithEntries(database.db, 1, voteOpenAround(new Date('2025-09-14T02:00:00Z')));
    const url = `/contests/${contestId}/vote/public-vote/entries/${entries[0]}`;
    const during = await (await server(fixedClock('2025-09-14T10:00:00+08:00'))).inject({ method: 'GET', url });
    expect([titleOf(during.body), metaOf(during.body, 'og:description'), metaOf(during.body, 'og:image')]).toEqual([
      '社保卡智慧应用 1 · 网上大众投票 · 擂台 Leitai',
      '为「社保卡智慧应用 1」投上一票。京津冀社保卡&quot;一卡通&quot;应用创新大赛',
      'http://localhost/share.png',
    ]);
    const before = await (await server(fixedClock('2025-09-12T23:00:00+08:00'))).inject({ method: 'GET', url });
    expect(titleOf(before.body)).toBe('网上大众投票 · 京津冀社保卡&quot;一卡通&quot;应用创新大赛 · 擂台 Leitai');
  });
});
