import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/leitai.mjs', ...args], { env: { ...process.env, LEITAI_FROM_SOURCE: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const inputFile = async (content: unknown) => {
  const file = join(await mkdtemp(join(tmpdir(), 'leitai-results-')), 'input.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const seed000 = 'contests/000-jjj-social-security-card-2025.yaml';

describe('leitai results compute', () => {
  it('ranks 000’s preliminary half by judges, half by votes, and prints the awards of its final', async () => {
    const entries = ['p1', 'p2', 'p3'].map((id) => ({ id, division: 'publicity' }));
    const scores = [
      { judge: 'j1', entry: 'p1', total: 85 },
      { judge: 'j1', entry: 'p2', total: 95 },
      { judge: 'j1', entry: 'p3', criteria: { x: 1 } },
    ];
    const file = await inputFile({
      round: 'preliminary',
      entries,
      scores,
      votes: [
        { entry: 'p1', count: 200 },
        { entry: 'p2', count: 100 },
      ],
    });
    const [preliminary, final] = await Promise.all([
      run('results', 'compute', seed000, file, '--json'),
      run('results', 'compute', seed000, file, '--round', 'final'),
    ]);

    expect(preliminary.code).toBe(0);
    const results = JSON.parse(preliminary.stdout);
    // p1: 85 / 2 + 100 / 2 = 92.5; p2: 95 / 2 + 50 / 2 = 72.5; p3's score names a criterion the round has no rubric for.
    expect(
      results.divisions[0].entries.map((e: { id: string; score: number; rank: number; advances: boolean }) => [e.id, e.score, e.rank, e.advances]),
    ).toEqual([
      ['p1', 92.5, 1, true],
      ['p2', 72.5, 2, true],
      ['p3', null, null, false],
    ]);
    expect(results.problems.map((p: { code: string }) => p.code)).toEqual(['score.unknown_criterion', 'entry.unscored']);

    expect(final.stderr).toContain('results.round_conflict');
    const finalOnly = await inputFile({ entries, scores: scores.slice(0, 2), votes: [] });
    const printed = await run('results', 'compute', seed000, finalOnly, '--round', 'final');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('一等奖 first: p2 ¥10000');
    expect(printed.stdout).toContain('third: 空缺 empty 3');
  }, 120_000);

  it('refuses input it cannot use with exit 1, the code and no stack trace', async () => {
    const [notJson, unknownRound] = await Promise.all([
      run('results', 'compute', seed000, await inputFile('{ "round": ')),
      run('results', 'compute', seed000, await inputFile({ round: 'semifinal', entries: [] })),
    ]);
    for (const [result, code] of [
      [notJson, 'results.input_not_json'],
      [unknownRound, 'results.round_unknown'],
    ] as const) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`(${code})`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
