import { describe, expect, it } from 'vitest';
import { presentContest } from '../../../../src/contest/presenter.ts';
import type { ContestDefinition } from '../../../../src/contest/schema/index.ts';
import type { StoredContest } from '../../../../src/contest/service.ts';
import { loadSeed } from '../../../../test/support/test-fixtures.ts';
import type { Seed } from '../../../../test/support/factories.ts';
import type { ContestView } from '../../api/types.ts';
import { ruleLayout, saysAnything } from './shared-rules.ts';

/** A seed's contest as the API sends it to the page. */
const contestPage = async (seed: Seed, change: (definition: ContestDefinition) => void = () => {}): Promise<ContestView> => {
  const { definition } = await loadSeed(seed);
  change(definition);
  const stored = { definition, editionOf: null, isDemo: false } as unknown as StoredContest;
  return JSON.parse(
    JSON.stringify(presentContest(stored, { of: null, current: { id: definition.id, name: definition.name } }, new Date('2025-06-01T02:00:00Z'))),
  );
};

describe('rules shared by every track', () => {
  it('show 004’s contest rules and works once, and in a track only the rule it replaces', async () => {
    const contest = await contestPage('004');
    const layout = ruleLayout(contest);
    expect(layout.shared?.eligibility.rules.map((r) => r.rule)).toEqual([
      'entrantKinds',
      'legalEntityOnly',
      'organisationTypes',
      'leadOrganisation',
      'oneEntryPerWork',
    ]);
    expect(layout.shared?.eligibility.entrantKinds).toEqual(['organisation']);
    expect(layout.shared?.eligibility.declarations.map((d) => d.id)).toEqual(['one-topic-hebei-only', 'in-actual-use', 'supplementary-materials']);
    expect(layout.shared?.works?.files.map((f) => f.id)).toEqual(['supplementary-materials']);
    const own = Object.fromEntries(contest.tracks.map((track) => [track.id, layout.own(track.eligibility)]));
    const tracksSaying = contest.tracks.filter((track) => saysAnything(own[track.id])).map((track) => track.id);
    expect(tracksSaying).toEqual(['emergency-management', 'meteorological-services', 'urban-governance', 'open-innovation', 'jjj-coordinated-development']);
    expect(own['urban-governance'].rules.map((r) => r.rule)).toEqual(['organisationTypes']);
    expect(own['urban-governance'].rules[0].params.allowed).toContain('government');
    expect(contest.tracks.map((track) => layout.ownWorks(track.works))).toEqual(contest.tracks.map(() => undefined));
  });

  it('leave out of the shared block a contest rule that every track replaces, which each track shows as its own', async () => {
    const contest = await contestPage('004', (definition) => {
      const openToGovernment = definition.tracks.find((track) => track.id === 'urban-governance')!.rules;
      for (const track of definition.tracks) track.rules = openToGovernment;
    });
    const layout = ruleLayout(contest);
    expect(layout.shared?.eligibility.rules.map((r) => r.rule)).toEqual(['entrantKinds', 'legalEntityOnly', 'leadOrganisation', 'oneEntryPerWork']);
    expect(contest.tracks.map((track) => layout.own(track.eligibility).rules.map((r) => r.rule))).toEqual(contest.tracks.map(() => ['organisationTypes']));
  });

  it('are not split out where there is one place to enter', async () => {
    const contest = await contestPage('004');
    const oneTrack = { ...contest, tracks: contest.tracks.slice(0, 1) };
    const layout = ruleLayout(oneTrack);
    expect(layout.shared).toBe(undefined);
    expect(layout.own(oneTrack.tracks[0].eligibility)).toEqual(oneTrack.tracks[0].eligibility);
  });
});
