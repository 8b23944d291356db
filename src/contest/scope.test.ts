import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { resolveScope, worksOfPlace } from './scope.ts';

describe('the works a place asks for', () => {
  it('takes the nearest works: 002 video category its own, 000 campus group the contest’s', () => {
    expect(worksOfPlace(seedDefinition('002'), { trackId: 'works', categoryId: 'video' })?.files.map((f) => f.id)).toEqual(['video']);
    const contest000 = seedDefinition('000');
    expect(worksOfPlace(contest000, { trackId: 'app-dev', groupId: 'campus' })).toEqual(contest000.works);
  });

  it('depends on the division only: 004 requires a zone to register, not to know what to submit', () => {
    const contest = seedDefinition('004');
    const transport = contest.tracks.find((t) => t.id === 'transport')!;
    transport.works = { files: [{ id: 'plan', name: '项目方案', kinds: ['pdf'], required: true, count: { min: 1, max: 1 } }], fields: [] };
    expect(resolveScope(contest, { trackId: 'transport' })).toMatchObject({ ok: false, problem: { code: 'place.zone_required' } });
    expect(worksOfPlace(contest, { trackId: 'transport' })?.files.map((f) => f.id)).toEqual(['plan']);
  });

  it('has none for a track or group that does not exist', () => {
    expect(worksOfPlace(seedDefinition('000'), { trackId: 'nowhere' })).toBeUndefined();
    expect(worksOfPlace(seedDefinition('000'), { trackId: 'app-dev', groupId: 'night' })).toBeUndefined();
  });
});
