import { beforeAll, describe, expect, it } from 'vitest';
import { simulateVotes, type SimulationReport } from './simulate.ts';

describe('simulate:votes at a small scale', () => {
  let report: SimulationReport;
  const kinds = () => Object.entries(report.kinds);
  beforeAll(() => {
    report = simulateVotes({ seed: 11, voters: 3000, entries: 60, days: 5, farmScale: 0.5 });
  });

  it('holds at least 90% of the farms’ votes, at least 97% of what it holds a farm’s', () => {
    expect(report.precision).toBeGreaterThanOrEqual(0.97);
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('catches every kind of farm, each at least 80%', () => {
    const farms = kinds()
      .filter(([, kind]) => kind.farm)
      .map(([name, kind]) => [name, kind.share >= 0.8]);
    expect(farms.sort()).toEqual(
      ['burst', 'device-farm', 'lockstep-ring', 'night-farm', 'phone-farm', 'sim-pool', 'slow', 'spray'].map((name) => [name, true]),
    );
  });

  it('holds under 1% of the honest crowds: a school class and a whole year from their campus, a viral surge', () => {
    const honest = kinds()
      .filter(([, kind]) => !kind.farm)
      .map(([name, kind]) => [name, kind.share < 0.01]);
    expect(honest.sort()).toEqual(['honest', 'school-class', 'viral-surge'].map((name) => [name, true]));
  });
});
