import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder, during, seeds } from '../../test/support/test-fixtures.ts';
import { contestPageMetadata } from './page-metadata.ts';
import { publishContestFolder } from './service.ts';

const webDist = () => {
  const root = mkdtempSync(join(tmpdir(), 'leitai-web-'));
  writeFileSync(join(root, 'index.html'), '<html><head><title>擂台 Leitai</title></head></html>');
  return root;
};

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const metaOf = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];

describeOnDatabases('a contest page as a share card', (database) => {
  it('is sent with the contest’s name as its title, its summary and the share image, on its page and its registration page', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['004']);
    const app = await testServer(database.db, { webDist: webDist(), pageMetadata: contestPageMetadata(database.db) });
    for (const url of [`/contests/${seeds['004'].id}`, `/contests/${seeds['004'].id}/register`]) {
      const page = await app.inject({ method: 'GET', url, headers: { host: 'leitai.example.cn' } });
      expect(titleOf(page.body)).toBe('2025年“数据要素×”大赛河北分赛 · 擂台 Leitai');
      expect(metaOf(page.body, 'og:description')).toBe(
        '省分赛以解决实际问题为导向，以企业、市场、政府、社会实际需求为赛题，征集数据要素应用场景，激发数据要素创新活力，推动数据要素与实体经济深度融合。 本定义按张家口市数据和政务服务局的组织参赛函编写：参赛队伍报名时选择张家口赛区。',
      );
      expect(metaOf(page.body, 'og:image')).toBe('http://leitai.example.cn/share.png');
    }
  });

  it('cuts a summary longer than 120 characters with an ellipsis, and escapes the quotes in a name', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const app = await testServer(database.db, { webDist: webDist(), pageMetadata: contestPageMetadata(database.db) });
    const page = await app.inject({ method: 'GET', url: `/contests/${seeds['000'].id}` });
    expect(titleOf(page.body)).toBe('京津冀社保卡&quot;一卡通&quot;应用创新大赛 · 擂台 Leitai');
    expect(metaOf(page.body, 'og:description')).toBe(
      '为深入贯彻京津冀协同发展的国家战略部署，积极落实京津冀地区社保卡服务领域相关规定，进一步推动京津冀社保卡&quot;一卡通&quot;创新应用与发展， 2025年9月举办京津冀社保卡&quot;一卡通&quot;应用创新大赛。诚邀全国机关、企事业单位、社会团体、其他团体组织及个…',
    );
  });

  it('keeps the site’s own title on other pages and for an unknown contest', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['004']);
    const app = await testServer(database.db, { webDist: webDist(), pageMetadata: contestPageMetadata(database.db) });
    for (const url of ['/me', '/contests/no-such-contest', `/contests/${seeds['004'].id}/edit`]) {
      const page = await app.inject({ method: 'GET', url });
      expect([url, titleOf(page.body)]).toEqual([url, '擂台 Leitai']);
    }
  });
});
