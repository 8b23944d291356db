/**
 * Minimum-cost flow on one connected part of an assignment, by successive shortest paths with
 * potentials (primal-dual): each step runs Dijkstra on reduced costs, moves the potentials, then sends
 * every unit the zero-reduced-cost arcs can carry (depth-first passes), so one Dijkstra serves every
 * augmentation at the same marginal cost rather than one.
 *
 * Written here because the one JavaScript min-cost-flow package (min-cost-flow 2.1) keeps an n × n
 * capacity and cost matrix and runs Bellman-Ford per unit: 10,000 entries and 1,000 judges would need
 * 121 million cells per matrix and 30,000 Bellman-Ford passes; it can neither report progress nor stop.
 *
 * The network: source → entry (capacity judgesNeeded, cost 0) → judge (capacity 1, cost maxScore −
 * score) → sink through unit arcs of cost loadWeight · l for the judge's l-th entry, l ≤ cap (convex,
 * so they fill in order and are kept as the judge's load rather than as arcs); and entry → sink through
 * unit arcs of cost shortfallCost + spreadWeight · m for the entry's m-th empty place, likewise, so the
 * flow always routes every unit and the optimum leaves as few places empty as possible, spread over
 * as many entries as possible. Costs are integers below 2^53, so the reduced costs
 * compare exactly.
 */
import { NodeHeap } from './heap.ts';

const onPath = 1;
const dead = 2;

export interface FlowPart {
  entryCount: number;
  judgeCount: number;
  needs: Int32Array;
  caps: Int32Array;
  /** Arcs entry → judge, grouped by entry: arcs of entry e are arcStart[e] … arcStart[e + 1] − 1. */
  arcStart: Int32Array;
  arcJudge: Int32Array;
  arcCost: Float64Array;
  loadWeight: number;
  shortfallCost: number;
  spreadWeight: number;
}

export class PartFlow {
  /** 1 on each arc entry → judge that the assignment uses. */
  readonly flow: Uint8Array;
  readonly totalUnits: number;
  routedUnits = 0;

  private readonly load: Int32Array;
  private readonly shortfall: Int32Array;
  private readonly potential: Float64Array;
  private readonly sink: number;
  private readonly routed: Int32Array;
  private readonly arcEntry: Int32Array;
  /** The arcs carrying flow into each judge: slots slotStart[j] … slotStart[j] + load[j] − 1. */
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly arcSlot: Int32Array;
  private readonly distance: Float64Array;
  private readonly heap: NodeHeap;
  private readonly mark: Uint8Array;
  private readonly cursor: Int32Array;
  private readonly pathNodes: Int32Array;
  private readonly pathArcs: Int32Array;

  constructor(readonly part: FlowPart) {
    const { entryCount, judgeCount, needs, caps, arcStart, arcJudge } = part;
    const arcCount = arcJudge.length;
    const nodeCount = entryCount + judgeCount + 1;
    this.sink = entryCount + judgeCount;
    this.flow = new Uint8Array(arcCount);
    this.load = new Int32Array(judgeCount);
    this.shortfall = new Int32Array(entryCount);
    this.routed = new Int32Array(entryCount);
    this.potential = new Float64Array(nodeCount);
    this.arcEntry = new Int32Array(arcCount);
    const degree = new Int32Array(judgeCount);
    for (let e = 0; e < entryCount; e++)
      for (let a = arcStart[e]; a < arcStart[e + 1]; a++) {
        this.arcEntry[a] = e;
        degree[arcJudge[a]]++;
      }
    // One slot more than the load can reach: a path through a full judge takes its new entry before it
    // hands an old one on.
    this.slotStart = new Int32Array(judgeCount + 1);
    for (let j = 0; j < judgeCount; j++) this.slotStart[j + 1] = this.slotStart[j] + Math.min(caps[j], degree[j]) + 1;
    this.slots = new Int32Array(this.slotStart[judgeCount]);
    this.arcSlot = new Int32Array(arcCount);
    this.distance = new Float64Array(nodeCount);
    this.heap = new NodeHeap(nodeCount, this.distance);
    this.mark = new Uint8Array(nodeCount);
    this.cursor = new Int32Array(nodeCount);
    this.pathNodes = new Int32Array(nodeCount + 1);
    this.pathArcs = new Int32Array(nodeCount + 1);
    let total = 0;
    for (let e = 0; e < entryCount; e++) total += needs[e];
    this.totalUnits = total;
  }

  get done() {
    return this.routedUnits === this.totalUnits;
  }

  /** One Dijkstra and the units it opens the way for; false once every unit is routed. */
  step(): boolean {
    if (this.done) return false;
    this.shortestPaths();
    while (this.pass() > 0);
    return !this.done;
  }

  /** A shorter way to `node` found by the search under way: its distance lowered, it is queued again. */
  private relax(node: number, candidate: number) {
    if (candidate < this.distance[node]) {
      this.distance[node] = candidate;
      this.heap.upsert(node);
    }
  }

  private shortestPaths() {
    const { entryCount, needs, caps, arcStart, arcJudge, arcCost, loadWeight } = this.part;
    const { distance, potential, heap, flow, load, shortfall, slots, slotStart, arcEntry, sink } = this;
    distance.fill(Infinity);
    heap.clear();
    for (let e = 0; e < entryCount; e++)
      if (this.routed[e] < needs[e]) {
        distance[e] = -potential[e];
        heap.upsert(e);
      }
    while (!heap.isEmpty) {
      const node = heap.pop();
      if (node === sink) break;
      const reached = distance[node] + potential[node];
      if (node < entryCount) {
        for (let a = arcStart[node]; a < arcStart[node + 1]; a++)
          if (flow[a] === 0) {
            const judgeNode = entryCount + arcJudge[a];
            this.relax(judgeNode, reached + arcCost[a] - potential[judgeNode]);
          }
        if (shortfall[node] < needs[node]) this.relax(sink, reached + this.emptyPlaceCost(node) - potential[sink]);
      } else {
        const j = node - entryCount;
        for (let s = slotStart[j]; s < slotStart[j] + load[j]; s++) {
          const a = slots[s];
          this.relax(arcEntry[a], reached - arcCost[a] - potential[arcEntry[a]]);
        }
        if (load[j] < caps[j]) this.relax(sink, reached + loadWeight * (load[j] + 1) - potential[sink]);
      }
    }
    const toSink = distance[sink];
    // Nodes beyond the sink's distance move by that distance only: it keeps every residual arc's
    // reduced cost non-negative, arcs out of the sink included, without searching past the sink.
    for (let v = 0; v < potential.length; v++) potential[v] += Math.min(distance[v], toSink);
  }

  /**
   * Potentials for the finished flow that are minus each node's distance to the sink: the tightest
   * dual there is, so a pair left out of the network that still has a non-negative reduced cost under
   * them cannot improve the optimum (pricing, part.ts).
   */
  sinkPotentials(): Float64Array {
    const { entryCount, judgeCount, needs, caps, arcStart, arcJudge, arcCost, loadWeight } = this.part;
    const { distance, potential, heap, flow, load, shortfall, arcEntry, sink } = this;
    const intoStart = new Int32Array(judgeCount + 1);
    for (let a = 0; a < arcJudge.length; a++) intoStart[arcJudge[a] + 1]++;
    for (let j = 0; j < judgeCount; j++) intoStart[j + 1] += intoStart[j];
    const intoArcs = new Int32Array(arcJudge.length);
    const filled = intoStart.slice(0, judgeCount);
    for (let a = 0; a < arcJudge.length; a++) intoArcs[filled[arcJudge[a]]++] = a;
    distance.fill(Infinity);
    heap.clear();
    distance[sink] = 0;
    heap.upsert(sink);
    while (!heap.isEmpty) {
      const node = heap.pop();
      const left = distance[node] - potential[node];
      if (node === sink) {
        for (let e = 0; e < entryCount; e++) if (shortfall[e] < needs[e]) this.relax(e, left + this.emptyPlaceCost(e) + potential[e]);
        for (let j = 0; j < judgeCount; j++) if (load[j] < caps[j]) this.relax(entryCount + j, left + loadWeight * (load[j] + 1) + potential[entryCount + j]);
      } else if (node < entryCount) {
        for (let a = arcStart[node]; a < arcStart[node + 1]; a++)
          if (flow[a] === 1) this.relax(entryCount + arcJudge[a], left - arcCost[a] + potential[entryCount + arcJudge[a]]);
      } else
        for (let i = intoStart[node - entryCount]; i < intoStart[node - entryCount + 1]; i++) {
          const a = intoArcs[i];
          if (flow[a] === 0) this.relax(arcEntry[a], left + arcCost[a] + potential[arcEntry[a]]);
        }
    }
    let farthest = 0;
    for (const d of distance) if (d !== Infinity) farthest = Math.max(farthest, d);
    // A node that cannot reach the sink only has arcs to others that cannot: any distance no nearer
    // than the farthest reachable keeps every reduced cost non-negative.
    return potential.map((p, v) => p - Math.min(distance[v], farthest));
  }

  /** The cost of the entry's next empty place. */
  private emptyPlaceCost(e: number) {
    return this.part.shortfallCost + this.part.spreadWeight * (this.shortfall[e] + 1);
  }

  private isSourceOpen(e: number) {
    return this.routed[e] < this.part.needs[e] && this.potential[e] === 0;
  }

  /**
   * The next admissible arc (zero reduced cost, capacity left) from the node's cursor on, to a node
   * neither on the current path nor dead: its number, -2 for the arc to the sink, -1 when none is left.
   */
  private nextArc(node: number): number {
    const { entryCount, needs, caps, arcStart, arcJudge, arcCost, loadWeight } = this.part;
    const { potential, mark, cursor, flow, load, shortfall, slots, slotStart, arcEntry, sink } = this;
    const p = potential[node];
    if (node < entryCount) {
      const end = arcStart[node + 1];
      for (; cursor[node] < end; cursor[node]++) {
        const a = cursor[node];
        const judgeNode = entryCount + arcJudge[a];
        if (flow[a] === 0 && mark[judgeNode] === 0 && arcCost[a] + p === potential[judgeNode]) return a;
      }
      if (cursor[node] === end) {
        if (shortfall[node] < needs[node] && this.emptyPlaceCost(node) + p === potential[sink]) return -2;
        cursor[node]++;
      }
      return -1;
    }
    const j = node - entryCount;
    for (; cursor[node] < load[j]; cursor[node]++) {
      const a = slots[slotStart[j] + cursor[node]];
      const e = arcEntry[a];
      if (mark[e] === 0 && p === arcCost[a] + potential[e]) return a;
    }
    if (cursor[node] === load[j]) {
      if (load[j] < caps[j] && loadWeight * (load[j] + 1) + p === potential[sink]) return -2;
      cursor[node]++;
    }
    return -1;
  }

  /**
   * Depth-first searches of the admissible arcs from every open source, sending a unit along each path
   * found; a node found to lead nowhere is skipped for the rest of the pass, so a pass reads each arc
   * about once. Returns how many units it sent.
   */
  private pass(): number {
    const { entryCount, arcStart, arcJudge } = this.part;
    const { mark, cursor, pathNodes, pathArcs } = this;
    mark.fill(0);
    cursor.set(arcStart.subarray(0, entryCount));
    cursor.fill(0, entryCount);
    let sent = 0;
    for (let source = 0; source < entryCount; source++)
      while (this.isSourceOpen(source) && mark[source] === 0) {
        let depth = 0;
        pathNodes[0] = source;
        mark[source] = onPath;
        while (depth >= 0) {
          const node = pathNodes[depth];
          const a = this.nextArc(node);
          if (a === -1) {
            mark[node] = dead;
            depth--;
            continue;
          }
          pathArcs[depth] = a;
          if (a === -2) {
            this.send(depth);
            for (let d = 0; d <= depth; d++) mark[pathNodes[d]] = 0;
            sent++;
            break;
          }
          const next = node < entryCount ? entryCount + arcJudge[a] : this.arcEntry[a];
          mark[next] = onPath;
          pathNodes[++depth] = next;
        }
      }
    return sent;
  }

  private send(lastDepth: number) {
    const { entryCount } = this.part;
    const { pathNodes, pathArcs } = this;
    this.routed[pathNodes[0]]++;
    this.routedUnits++;
    for (let d = 0; d <= lastDepth; d++) {
      const node = pathNodes[d];
      const a = pathArcs[d];
      if (a === -2) {
        if (node < entryCount) this.shortfall[node]++;
        // A judge's arc to the sink is its load, which the slot added on the way in already counts.
      } else if (node < entryCount) this.take(a);
      else this.release(a);
    }
  }

  private take(a: number) {
    const j = this.part.arcJudge[a];
    const slot = this.slotStart[j] + this.load[j]++;
    this.slots[slot] = a;
    this.arcSlot[a] = slot;
    this.flow[a] = 1;
  }

  private release(a: number) {
    const j = this.part.arcJudge[a];
    const last = this.slotStart[j] + --this.load[j];
    const slot = this.arcSlot[a];
    const moved = this.slots[last];
    this.slots[slot] = moved;
    this.arcSlot[moved] = slot;
    this.flow[a] = 0;
  }
}
