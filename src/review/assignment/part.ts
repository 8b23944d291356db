/**
 * One connected part of an assignment, solved by pricing: the flow (flow.ts) first runs on each
 * entry's few cheapest pairs (a judge is one of thousands only a few of whom it will get), then every
 * pair left out is priced against the optimum's tightest potentials; if none could lower the cost,
 * that optimum is the optimum over all pairs, otherwise the pairs that could are added and the part
 * is solved again. With 250 judges per division this scans each entry's 250 pairs once per round
 * instead of at every one of the flow's hundreds of steps.
 */
import { AppError } from '../../platform/errors.ts';
import { PartFlow, type FlowPart } from './flow.ts';
import { forEachCoveringJudge, maxAffinityScore, type IndexedInstance } from './model.ts';

export interface Part {
  entries: number[];
  judges: number[];
}

/** Groups tied by a judge covering both or an entry belonging to both fall into one part. */
export function partsOf(indexed: IndexedInstance): Part[] {
  const { entries, judges } = indexed.instance;
  const parent = new Map<string, string>();
  const find = (group: string): string => {
    let root = group;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(group, root);
    return root;
  };
  const join = (groups: readonly string[]) => {
    for (const group of groups) if (!parent.has(group)) parent.set(group, group);
    for (const group of groups.slice(1)) parent.set(find(group), find(groups[0]));
  };
  judges.forEach((judge) => join(judge.covers));
  entries.forEach((entry) => join(entry.groups));
  const parts = new Map<string, Part>();
  const partOf = (root: string) => {
    const part = parts.get(root) ?? { entries: [], judges: [] };
    parts.set(root, part);
    return part;
  };
  const uncovered: Part = { entries: [], judges: [] };
  entries.forEach((entry, e) => (entry.groups.length > 0 ? partOf(find(entry.groups[0])).entries.push(e) : uncovered.entries.push(e)));
  judges.forEach((judge, j) => {
    if (judge.covers.length > 0) partOf(find(judge.covers[0])).judges.push(j);
  });
  return [...parts.values(), uncovered].filter((part) => part.entries.length > 0);
}

// Costs stay exact in doubles up to 2^53; potentials reach a few times the shortfall cost.
const largestCost = 2 ** 50;

export class PartSolver {
  flow: PartFlow;
  private readonly weights: Pick<FlowPart, 'loadWeight' | 'shortfallCost' | 'spreadWeight'>;
  private readonly needs: Int32Array;
  private readonly caps: Int32Array;
  /** Every covering, unconflicted pair, by entry: local judge and cost. */
  private readonly pairStart: Int32Array;
  private readonly pairJudge: Int32Array;
  private readonly pairCost: Float64Array;
  private readonly inNetwork: Uint8Array;

  constructor(
    indexed: IndexedInstance,
    readonly part: Part,
    balance: boolean,
    private readonly startingPairsPerPlace: number,
  ) {
    const { entries, judges } = indexed.instance;
    const { maxScore } = indexed;
    const localJudge = new Int32Array(judges.length);
    part.judges.forEach((j, local) => (localJudge[j] = local));
    // Per entry, by judge: −1 for a conflict, else the score; cleared after the entry.
    const standing = new Int32Array(judges.length);
    this.pairStart = new Int32Array(part.entries.length + 1);
    let most = 0;
    for (const e of part.entries) for (const group of entries[e].groups) most += indexed.groupJudges.get(group)?.length ?? 0;
    const pairJudge = new Int32Array(most);
    const pairCost = new Float64Array(most);
    let pairs = 0;
    part.entries.forEach((e, local) => {
      for (const { judge, score } of indexed.scoresOf[e]) standing[judge] = score;
      for (const judge of indexed.conflictsOf[e]) standing[judge] = -1;
      forEachCoveringJudge(indexed, e, (j) => {
        if (standing[j] < 0) return;
        pairJudge[pairs] = localJudge[j];
        pairCost[pairs++] = maxScore - standing[j];
      });
      for (const { judge } of indexed.scoresOf[e]) standing[judge] = 0;
      for (const judge of indexed.conflictsOf[e]) standing[judge] = 0;
      this.pairStart[local + 1] = pairs;
    });
    this.pairJudge = pairJudge.subarray(0, pairs);
    this.pairCost = pairCost.subarray(0, pairs);
    this.needs = Int32Array.from(part.entries, (e) => entries[e].judgesNeeded);
    this.caps = Int32Array.from(part.judges, (j) => judges[j].cap);
    this.weights = weightsOf(this.needs, this.caps, maxScore, balance);
    this.inNetwork = this.startingPairs();
    this.flow = this.network();
  }

  /** One step of the flow, or, once it is done, one round of pricing; false when the part is optimal. */
  step(): boolean {
    if (this.flow.step()) return true;
    if (!this.addImprovingPairs()) return false;
    this.flow = this.network();
    return true;
  }

  /** Local judges of each local entry in the finished flow. */
  judgesOf(localEntry: number): number[] {
    const { arcStart, arcJudge } = this.flow.part;
    const judges = [];
    for (let a = arcStart[localEntry]; a < arcStart[localEntry + 1]; a++) if (this.flow.flow[a] === 1) judges.push(arcJudge[a]);
    return judges;
  }

  /**
   * Each entry's cheapest pairs, startingPairsPerPlace per place; among pairs of equal cost a different
   * run of judges for each entry, so that entries start spread over the judges.
   */
  private startingPairs(): Uint8Array {
    const { pairStart, pairCost } = this;
    const chosen = new Uint8Array(pairCost.length);
    for (let e = 0; e < this.needs.length; e++) {
      const start = pairStart[e];
      const count = pairStart[e + 1] - start;
      const wanted = Math.min(count, this.startingPairsPerPlace * this.needs[e]);
      if (wanted === count) {
        chosen.fill(1, start, start + count);
        continue;
      }
      const costCounts = new Int32Array(maxAffinityScore + 1);
      for (let i = start; i < start + count; i++) costCounts[pairCost[i]]++;
      let threshold = 0;
      for (let below = costCounts[0]; below < wanted; below += costCounts[++threshold]);
      let left = wanted;
      for (let i = 0; i < count; i++)
        if (pairCost[start + i] < threshold) {
          chosen[start + i] = 1;
          left--;
        }
      const offset = (e * 7919) % count;
      for (let i = 0; i < count && left > 0; i++) {
        const pair = start + ((offset + i) % count);
        if (pairCost[pair] === threshold) {
          chosen[pair] = 1;
          left--;
        }
      }
    }
    return chosen;
  }

  private network(): PartFlow {
    const { pairStart, pairJudge, pairCost, inNetwork } = this;
    const entryCount = this.needs.length;
    const arcStart = new Int32Array(entryCount + 1);
    let arcCount = 0;
    for (const chosen of inNetwork) arcCount += chosen;
    const arcJudge = new Int32Array(arcCount);
    const arcCost = new Float64Array(arcCount);
    let a = 0;
    for (let e = 0; e < entryCount; e++) {
      for (let i = pairStart[e]; i < pairStart[e + 1]; i++)
        if (inNetwork[i] === 1) {
          arcJudge[a] = pairJudge[i];
          arcCost[a++] = pairCost[i];
        }
      arcStart[e + 1] = a;
    }
    return new PartFlow({
      entryCount,
      judgeCount: this.caps.length,
      needs: this.needs,
      caps: this.caps,
      arcStart,
      arcJudge,
      arcCost,
      ...this.weights,
    });
  }

  /** Adds the left-out pairs with a negative reduced cost; false when there are none. */
  private addImprovingPairs(): boolean {
    const { pairStart, pairJudge, pairCost, inNetwork } = this;
    const entryCount = this.needs.length;
    const potential = this.flow.sinkPotentials();
    let added = 0;
    for (let e = 0; e < entryCount; e++)
      for (let i = pairStart[e]; i < pairStart[e + 1]; i++)
        if (inNetwork[i] === 0 && pairCost[i] + potential[e] - potential[entryCount + pairJudge[i]] < 0) {
          inNetwork[i] = 1;
          added++;
        }
    return added > 0;
  }
}

/**
 * Weights that make the one cost order solutions as the objective's parts do, and no larger (the
 * potentials stay far from 2^53). If an optimum of the weighted cost could be bettered in an earlier
 * part, the difference would hold a residual cycle that betters it, and that cycle's cost would be
 * negative: a cycle filling one empty place gains at least M and pays at most W · cap for the judge's
 * new entry plus maxScore for each judge it passes (each at most once); with as many places empty, one
 * that spreads them better gains at least S and pays only maxScore per judge, as does one that lowers
 * the balance, which gains at least W. So neither exists.
 */
function weightsOf(needs: Int32Array, caps: Int32Array, maxScore: number, balance: boolean) {
  const units = needs.reduce((sum, need) => sum + need, 0);
  const affinityAcrossJudges = maxScore * (caps.length + 1);
  const loadWeight = balance ? affinityAcrossJudges + 1 : 0;
  const spreadWeight = affinityAcrossJudges + 1;
  const highestLoad = Math.min(
    units,
    caps.reduce((most, cap) => Math.max(most, cap), 0),
  );
  const shortfallCost = loadWeight * highestLoad + affinityAcrossJudges + 1;
  if (shortfallCost + spreadWeight * needs.reduce((most, need) => Math.max(most, need), 0) > largestCost)
    throw new AppError('assignment.too_large', {
      zh: '分配规模过大，无法精确求解（请按组别拆分）',
      en: 'The assignment is too large to solve exactly (split it by group)',
    });
  return { loadWeight, shortfallCost, spreadWeight };
}
