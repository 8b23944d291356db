/**
 * The signals' memory: the votes of one group (an entry, an address on an entry…) within a sliding
 * window of time, and how many distinct values each dimension (voters, devices, addresses) has
 * among them. Adding a vote and expiring old ones cost O(1) amortised, so the signals keep up with
 * ingest. Votes come in time order, give or take a group commit's few milliseconds.
 */
export class WindowGroup {
  /** The votes in time order, flat: each vote's time, id and one value per dimension (undefined: not counted). */
  private events: (number | string | undefined)[] = [];
  /** Index of the first vote still in the window, and of the first not handed out by `takeUnreported`. */
  private head = 0;
  private reported = 0;
  /**
   * Per dimension, how many votes in the window have each value; made when a second vote comes
   * (most groups never hold more than one, and a map each would cost more than the vote).
   */
  private distinct: Map<string, number>[] | undefined;
  newest = -Infinity;

  constructor(private readonly dimensions: number) {}

  private get stride() {
    return 2 + this.dimensions;
  }

  /** One vote; a dimension's value undefined is not counted in it (a fresh vote's range when not virtual). */
  add(at: number, id: string, values: readonly (string | undefined)[]) {
    this.events.push(at, id);
    for (let dimension = 0; dimension < this.dimensions; dimension += 1) this.events.push(values[dimension]);
    if (at > this.newest) this.newest = at;
    if (this.distinct) this.count(this.events.length - this.stride, 1);
    else if (this.size > 1) {
      this.distinct = Array.from({ length: this.dimensions }, () => new Map());
      for (let at = this.head; at < this.events.length; at += this.stride) this.count(at, 1);
    }
  }

  private count(event: number, change: 1 | -1) {
    for (let dimension = 0; dimension < this.dimensions; dimension += 1) {
      const value = this.events[event + 2 + dimension] as string | undefined;
      if (value === undefined) continue;
      const counts = this.distinct![dimension];
      const left = (counts.get(value) ?? 0) + change;
      if (left === 0) counts.delete(value);
      else counts.set(value, left);
    }
  }

  /** Forgets the votes cast before `before`. */
  expire(before: number) {
    while (this.head < this.events.length && (this.events[this.head] as number) < before) {
      if (this.distinct) this.count(this.head, -1);
      this.head += this.stride;
    }
    if (this.head > 256 * this.stride && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.reported = Math.max(0, this.reported - this.head);
      this.head = 0;
    }
  }

  get size() {
    return (this.events.length - this.head) / this.stride;
  }

  distinctCount(dimension: number) {
    if (this.distinct) return this.distinct[dimension].size;
    return this.size === 1 && this.events[this.head + 2 + dimension] !== undefined ? 1 : 0;
  }

  /** The ids of the votes in the window not handed out before: each vote is handed out once. */
  takeUnreported(): string[] {
    const ids: string[] = [];
    for (let at = Math.max(this.head, this.reported); at < this.events.length; at += this.stride) ids.push(this.events[at + 1] as string);
    this.reported = this.events.length;
    return ids;
  }
}

/** The fewest votes between two sweeps of idle groups. */
const SWEEP_EVERY = 8192;

/**
 * Window groups by key, all with one window length; groups idle for a whole window are dropped, at
 * most twice as many groups kept as are live.
 */
export class GroupWindows {
  private readonly groups = new Map<string, WindowGroup>();
  private added = 0;
  /** When to next drop idle groups: after as many votes as there were groups, so each vote pays for one group's look. */
  private sweepAt = SWEEP_EVERY;

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
    if (this.added >= this.sweepAt) {
      this.sweep(at);
      this.sweepAt = this.added + Math.max(SWEEP_EVERY, this.groups.size);
    }
    return group;
  }

  /** The group as it stands at `at`, without adding to it; undefined when it holds nothing. */
  peek(key: string, at: number): WindowGroup | undefined {
    const group = this.groups.get(key);
    group?.expire(at - this.windowMs);
    return group && group.size > 0 ? group : undefined;
  }

  /** How many groups are kept, live or idle and not yet dropped. */
  get groupCount() {
    return this.groups.size;
  }

  private sweep(at: number) {
    for (const [key, group] of this.groups) if (group.newest < at - this.windowMs) this.groups.delete(key);
  }
}
