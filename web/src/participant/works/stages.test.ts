import { describe, expect, it } from 'vitest';
import type { StageView } from '../../api/types.ts';
import { inStageOrder } from './stages.ts';

const stage = (start: string): StageView => ({ stageId: null, phaseId: 'p', name: 'p', start, end: start, state: 'upcoming' });

describe('requirements in stage order', () => {
  it('puts the application’s before the online stage’s, keeping the definition’s order within a stage', () => {
    const items = [
      { id: 'presentation', stage: stage('2021-09-16T00:00:00+08:00') },
      { id: 'workshop', stage: stage('2021-11-10T00:00:00+08:00') },
      { id: 'vision', stage: stage('2021-09-16T00:00:00+08:00') },
      { id: 'proposal', stage: stage('2021-06-10T00:00:00+08:00') },
    ];
    expect(inStageOrder(items).map((i) => i.id)).toEqual(['proposal', 'presentation', 'vision', 'workshop']);
  });
});
