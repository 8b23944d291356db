/**
 * Honest voters: the background of the vote, and the two crowds that look like farms at first sight
 * and must not be held — a school class voting for a classmate within minutes from its campus after
 * a WeChat post, and a viral share surge.
 */
import { minutes, type World } from './world.ts';

const favouriteCounts = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5];

/** Distinct entries by popularity. */
const favouritesOf = (world: World, count: number) => {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(world.popularEntry());
  return [...chosen];
};

/**
 * The background: each voter has one to five favourite entries (by popularity), arrives on some day
 * and comes back on later days now and then, voting for each favourite once a session (sometimes
 * for one more entry found while browsing), at the hours people are awake. Over half are on mobile
 * data behind a carrier's NAT (a new address each session), the rest at a home address.
 */
export function honestBackground(world: World) {
  const r = world.random;
  for (let i = 0; i < world.options.voters; i += 1) {
    const voterId = world.newVoter();
    const phone = world.honestPhone();
    const device = world.popularDevice();
    const home = r.chance(0.55) ? undefined : world.homeAddress();
    const favourites = favouritesOf(world, r.pick(favouriteCounts));
    const arrival = world.day();
    for (let d = arrival; d < world.options.days; d += 1) {
      if (d !== arrival && !r.chance(0.45)) continue;
      const address = home ?? world.carrierAddress();
      const extra = r.chance(0.1) ? [r.pick(world.entries)].filter((entry) => !favourites.includes(entry)) : [];
      let at = world.at(d, world.diurnalMinute());
      for (const entry of [...favourites, ...extra]) {
        world.cast({ voterId, phone, entry, at, address, device, kind: 'honest', farm: false });
        at += r.int(5, 40) * 1000;
      }
    }
  }
}

/**
 * A class (or a whole year) votes for a classmate within minutes of the teacher's WeChat post, from
 * the campus network: one /24 behind two NAT addresses, each pupil on their own phone; some vote
 * again on later days.
 */
export function schoolClass(world: World, size: number) {
  const r = world.random;
  const entry = world.target();
  const campus = world.homeAddress().split('.').slice(0, 3).join('.');
  const gateways = [`${campus}.1`, `${campus}.2`];
  const postDay = world.day();
  const post = world.at(postDay, r.int(19 * 60, 21 * 60 + 30));
  for (let i = 0; i < size; i += 1) {
    const voter = { voterId: world.newVoter(), phone: world.honestPhone(), device: world.popularDevice() };
    world.cast({ ...voter, entry, at: post + Math.min(minutes(30), r.exponential(minutes(4))), address: r.pick(gateways), kind: 'school-class', farm: false });
    for (let d = postDay + 1; d < world.options.days; d += 1) {
      if (r.chance(0.3)) world.cast({ ...voter, entry, at: world.at(d, world.diurnalMinute()), address: r.pick(gateways), kind: 'school-class', farm: false });
    }
  }
}

/**
 * A viral share surge: a post travels through WeChat groups and within the hour a crowd of numbers
 * never seen before votes for one entry, from all over the country, some also for a popular entry,
 * a few coming back on later days.
 */
export function viralSurge(world: World, size: number) {
  const r = world.random;
  const entry = world.target();
  const surgeDay = world.day();
  const post = world.at(surgeDay, r.int(19 * 60, 22 * 60));
  for (let i = 0; i < size; i += 1) {
    const voter = { voterId: world.newVoter(), phone: world.honestPhone('national'), device: world.popularDevice() };
    const address = r.chance(0.7) ? world.carrierAddress() : world.homeAddress();
    const at = post + r.exponential(minutes(20));
    world.cast({ ...voter, entry, at, address, kind: 'viral-surge', farm: false });
    if (r.chance(0.2)) {
      const other = world.popularEntry();
      if (other !== entry) world.cast({ ...voter, entry: other, at: at + r.int(10, 60) * 1000, address, kind: 'viral-surge', farm: false });
    }
    for (let d = surgeDay + 1; d < world.options.days; d += 1) {
      if (r.chance(0.2))
        world.cast({ ...voter, entry, at: world.at(d, world.diurnalMinute()), address: world.carrierAddress(), kind: 'viral-surge', farm: false });
    }
  }
}
