/**
 * The signals' memory: the votes of one group (an entry, an address on an entry…) within a sliding
 * window of time, and how many distinct values each dimension (voters, devices, addresses) has
 * among them. Adding a vote and expiring old ones cost O(1) amortised, so the signals keep up with
 * ingest. Votes come in time order, give or take a group commit's few milliseconds.
 */
export class WindowGroup {
  private times: number[] = [];
  private ids: string[] = [];
  /** Per dimension, each vote's value in it (undefined: not counted). */
  private values: (string | undefined)[][];
  private head = 0;
  /** Index up to which `takeUnreported` handed the votes out. */
  private reported = 0;
  /** Per dimension, how many votes in the window have each value; made on first use (most groups hold one vote). */
  private readonly distinct: (Map<string, number> | undefined)[];
  newest = -Infinity;

  constructor(dimensions: number) {
    this.values = Array.from({ length: dimensions }, () => []);
    this.distinct = new Array<undefined>(dimensions).fill(undefined);
  }

  /** One vote; a dimension's value undefined is not counted in it (a fresh vote's range when not virtual). */
  add(at: number, id: string, values: readonly (string | undefined)[]) {
    this.times.push(at);
    this.ids.push(id);
    for (let dimension = 0; dimension < this.values.length; dimension += 1) {
      const value = values[dimension];
      this.values[dimension].push(value);
      if (value === undefined) continue;
      const counts = (this.distinct[dimension] ??= new Map());
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (at > this.newest) this.newest = at;
  }

  /** Forgets the votes cast before `before`. */
  expire(before: number) {
    while (this.head < this.times.length && this.times[this.head] < before) {
      for (let dimension = 0; dimension < this.values.length; dimension += 1) {
        const value = this.values[dimension][this.head];
        if (value === undefined) continue;
        const counts = this.distinct[dimension]!;
        const left = counts.get(value)! - 1;
        if (left === 0) counts.delete(value);
        else counts.set(value, left);
      }
      this.head += 1;
    }
    if (this.head > 256 && this.head * 2 > this.times.length) this.compact();
  }

  private compact() {
    this.times = this.times.slice(this.head);
    this.ids = this.ids.slice(this.head);
    this.values = this.values.map((column) => column.slice(this.head));
    this.reported = Math.max(0, this.reported - this.head);
    this.head = 0;
  }

  get size() {
    return this.times.length - this.head;
  }

  distinctCount(dimension: number) {
    return this.distinct[dimension]?.size ?? 0;
  }

  /** The ids of the votes in the window not handed out before: each vote is handed out once. */
  takeUnreported(): string[] {
    const from = Math.max(this.head, this.reported);
    this.reported = this.ids.length;
    return this.ids.slice(from);
  }
}

/** Window groups by key, all with one window length; groups idle for a whole window are dropped. */
export class GroupWindows {
  private readonly groups = new Map<string, WindowGroup>();
  private added = 0;

  constructor(
    readonly windowMs: number,
    private readonly dimensions: number,
  ) {}

  /** Adds the vote to its group, expires the group's old votes and returns the group. */
  add(key: string, at: number, id: string, values: readonly (string | undefined)[]): WindowGroup {
    let group = this.groups.get(key);
    if (!group) {
      group = new WindowGroup(this.dimensions);
      this.groups.set(key, group);
    }
    group.add(at, id, values);
    group.expire(at - this.windowMs);
    this.added += 1;
    if (this.added % 8192 === 0) this.sweep(at);
    return group;
  }

  /** The group as it stands at `at`, without adding to it; undefined when it holds nothing. */
  peek(key: string, at: number): WindowGroup | undefined {
    const group = this.groups.get(key);
    group?.expire(at - this.windowMs);
    return group && group.size > 0 ? group : undefined;
  }

  private sweep(at: number) {
    for (const [key, group] of this.groups) if (group.newest < at - this.windowMs) this.groups.delete(key);
  }
}
