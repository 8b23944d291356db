/**
 * Every number the fraud signals decide by, in one place so the README, the simulator and the tests
 * quote the same ones. Each group of votes is counted within a sliding window of time; a signal
 * fires when every condition of its entry holds. The values were set from what honest crowds do
 * (a class of 45 from one campus, 1,500 people after a viral share) and checked with
 * `npm run simulate:votes`; see the README for what each catches and what it cannot.
 */
const minute = 60_000;
const hour = 60 * minute;

export const thresholds = {
  /** A voter is fresh when first seen less than this long before the vote. */
  freshMs: 24 * hour,
  /** Fresh numbers on one entry, most of them in virtual-operator ranges (where SMS-receiving services' numbers come from). */
  burst: { windowMs: 10 * minute, freshVoters: 15, virtualVoters: 8, virtualShare: 0.4 },
  /** Many voters for one entry from one address or /24 (/48) on few devices: a phone farm; a class has as many phones as pupils. */
  crowding: { windowMs: hour, voters: 20, votersPerDevice: 5 },
  /** One device signature behind many addresses, its votes on one entry far above everyone else's share. */
  device: { windowMs: 6 * hour, voters: 25, addresses: 10, share: 0.5, lift: 5 },
  /** Numbers close together (a SIM pool's cards are bought in series) on one entry. */
  numberBlock: { windowMs: 6 * hour, blockSize: 100, voters: 5 },
  /** Many voters on one entry in the small hours, its share of the night's votes `lift` times its share of the waking hours' over `dayMs`. */
  oddHours: { windowMs: 30 * minute, dayMs: 24 * hour, fromHour: 1, toHour: 6, voters: 12, lift: 5, priorVotes: 20 },
  /**
   * Lockstep (CopyCatch, SynchroTrap): pairs of voters who voted for the same entries within
   * `withinMs` of each other, on at least `entries` entries and `days` days, linked into groups where
   * each member is so linked to at least `links` others, of at least `voters` members.
   */
  lockstep: { withinMs: 10 * minute, entries: 3, days: 2, links: 4, voters: 8 },
  /**
   * A farm that sprays votes over many entries to hide its target: the target's wide voters (more
   * than `entries` entries each) turn up among the voters of at least `linkedEntries` (or
   * `linkedShare` of all) other entries `lift` times more than as many voters at random would (at
   * least `overlap` of them), and each such voter voted for at least `entries` of those, `decoyShare` of their other
   * entries, at most `votesPerDecoy` votes each on average; an entry that `partnerShare` of them voted
   * for is a partner, not a decoy.
   */
  spray: { lift: 4, overlap: 3, linkedEntries: 15, linkedShare: 0.1, entries: 4, decoyShare: 0.6, votesPerDecoy: 1.5, partnerShare: 0.5 },
  /**
   * A slow farm: voters who vote for one entry at the same time of day (within `toleranceMinutes`)
   * on `days` days, at least `voters` of them on the entry, more of them keeping a time in the quiet
   * hours (those with less than `quietShare` of an even share of the phase's votes) than voters who
   * keep everyone's hours would, but for a chance below `significance` (binomial tail).
   */
  slow: { days: 3, toleranceMinutes: 15, voters: 10, quietShare: 0.5, significance: 0.001 },
} as const;

export type Thresholds = typeof thresholds;
