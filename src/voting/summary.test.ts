import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinitionFile } from '../contest/load.ts';
import { votingSummary } from './summary.ts';

const summaryOf = async (file: string) => {
  const loaded = await loadDefinitionFile(fileURLToPath(new URL(`../../contests/${file}`, import.meta.url)));
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  return votingSummary(loaded.definition);
};

describe('the votes a definition runs, as contest check lists them', () => {
  it('000: half of the preliminary, on its four divisions, no award', async () => {
    expect(await summaryOf('000-jjj-social-security-card-2025.yaml')).toEqual([
      {
        phase: 'public-vote',
        name: '网上大众投票',
        start: '2025-09-12T00:00:00+08:00',
        end: '2025-09-16T23:59:59+08:00',
        limits: { perDay: 10, perEntryPerDay: 1, perEntry: null, perDivision: null, total: null },
        inWords: ['每人每天最多投 10 票', '每件作品每天最多投 1 票'],
        showCounts: 'hidden',
        round: 'preliminary',
        divisions: ['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection'],
        publicVoteWeight: 50,
        awards: [],
      },
    ]);
  });

  it('001: nothing of the final’s ranking, the 人气奖 alone', async () => {
    expect(await summaryOf('001-hebei-smart-government-data-2022.yaml')).toMatchObject([
      { phase: 'public-vote', round: 'final', showCounts: 'live', publicVoteWeight: 0, awards: ['popularity'] },
    ]);
  });

  it('lists no vote for a contest that runs none', async () => {
    expect(await summaryOf('003-ilo-digital-social-security-hackathon-2021.yaml')).toEqual([]);
  });
});
