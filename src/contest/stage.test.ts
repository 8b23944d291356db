import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinitionFile } from './load.ts';
import { contestStage } from './stage.ts';

const seed000 = async () => {
  const loaded = await loadDefinitionFile(fileURLToPath(new URL('../../contests/000-jjj-social-security-card-2025.yaml', import.meta.url)));
  if (!loaded.ok) throw new Error('seed 000 is invalid');
  return loaded.definition;
};

describe('where a contest stands for someone who might enter it', () => {
  it('is upcoming before registration opens, open through its last day, closed while the contest runs on', async () => {
    const definition = await seed000();
    const at = (iso: string) => contestStage(definition, new Date(iso));
    expect([
      at('2025-05-11T23:59:59+08:00'),
      at('2025-05-12T00:00:00+08:00'),
      at('2025-09-09T23:59:59+08:00'),
      at('2025-09-10T00:00:00+08:00'),
      at('2025-09-28T12:00:00+08:00'),
    ]).toEqual(['upcoming', 'open', 'open', 'closed', 'closed']);
  });

  it('is ended once its last phase (the final on 2025-09-28) is over, not 报名未开放', async () => {
    const definition = await seed000();
    expect([contestStage(definition, new Date('2025-09-29T00:00:00+08:00')), contestStage(definition, new Date('2026-11-30T00:00:00+08:00'))]).toEqual([
      'ended',
      'ended',
    ]);
  });
});
