/**
 * The bot farms the signals must catch, each the way a 刷票 service runs it, sized for the default
 * world and scaled by `farmScale`. Every vote a farm's accounts cast is a farm vote, the decoys of a
 * spray farm too; a ring member's own votes outside the ring are honest.
 */
import { minutes, type World } from './world.ts';

type Farm = (world: World, scale: number) => void;

const sized = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

/** Numbers rented from an SMS-receiving service (mostly virtual ranges) vote for the target within 15 minutes, through proxies. */
const burst: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  const begin = world.at(world.day(), r.int(9 * 60, 22 * 60));
  for (let i = 0; i < sized(400, scale); i += 1) {
    const phone = world.phone(r.chance(0.85) ? 'virtual' : 'national');
    const at = begin + r.next() * minutes(15);
    world.cast({ voterId: world.newVoter(), phone, entry, at, address: world.proxyAddress(), device: world.popularDevice(), kind: 'burst', farm: true });
  }
};

/** A phone farm: six phones taking turns with 200 bought SIM cards, behind one office address, over three hours. */
const phoneFarm: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  const subnet = world.homeAddress().split('.').slice(0, 3).join('.');
  const addresses = [`${subnet}.10`, `${subnet}.11`];
  const phones = Array.from({ length: 6 }, () => world.popularDevice());
  const begin = world.at(world.day(), r.int(8 * 60, 20 * 60));
  for (let i = 0; i < sized(200, scale); i += 1) {
    const at = begin + r.next() * minutes(180);
    world.cast({
      voterId: world.newVoter(),
      phone: world.phone('national'),
      entry,
      at,
      address: r.pick(addresses),
      device: r.pick(phones),
      kind: 'phone-farm',
      farm: true,
    });
  }
};

/** A SIM pool (卡池): four series of 60 cards bought together, numbers one to three apart, voting through proxies over five hours. */
const simPool: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  const begin = world.at(world.day(), r.int(8 * 60, 18 * 60));
  const perSeries = sized(60, scale);
  for (let s = 0; s < 4; s += 1) {
    let number = Number(world.phone('national'));
    for (let i = 0; i < perSeries; i += 1) {
      const phone = world.claimPhone(String((number += r.int(1, 3))));
      const at = begin + r.next() * minutes(300);
      world.cast({ voterId: world.newVoter(), phone, entry, at, address: world.proxyAddress(), device: world.popularDevice(), kind: 'sim-pool', farm: true });
    }
  }
};

/**
 * A lockstep ring: 60 entrants and friends who vote for each other's eight entries together, twice a
 * day when the group's coordinator posts which three, within minutes; each also votes on their own.
 */
const lockstepRing: Farm = (world, scale) => {
  const r = world.random;
  const ring = Array.from({ length: 8 }, () => world.target());
  const members = Array.from({ length: sized(60, scale) }, () => ({
    voterId: world.newVoter(),
    phone: world.honestPhone(),
    address: world.homeAddress(),
    device: world.popularDevice(),
  }));
  for (let d = 0; d < world.options.days; d += 1) {
    const order = r.shuffled(ring);
    [order.slice(0, 3), order.slice(3, 6)].forEach((entries, round) => {
      const call = world.at(d, round === 0 ? r.int(11 * 60, 13 * 60) : r.int(19 * 60, 22 * 60));
      for (const member of members) {
        if (!r.chance(0.85)) continue;
        let at = call + r.next() * minutes(12);
        for (const entry of entries) {
          world.cast({ ...member, entry, at, kind: 'lockstep-ring', farm: true });
          at += r.int(5, 30) * 1000;
        }
      }
    });
    for (const member of members) {
      if (r.chance(0.5)) world.cast({ ...member, entry: world.popularEntry(), at: world.at(d, world.diurnalMinute()), kind: 'honest', farm: false });
    }
  }
};

/** A spray farm: 150 accounts, each day voting for the target and three random other entries, at honest-looking hours, through proxies. */
const spray: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  for (let i = 0; i < sized(150, scale); i += 1) {
    const account = { voterId: world.newVoter(), phone: world.phone('national'), device: world.popularDevice() };
    for (let d = 0; d < world.options.days; d += 1) {
      if (!r.chance(0.9)) continue;
      const decoys = new Set<string>();
      while (decoys.size < 3) {
        const decoy = r.pick(world.entries);
        if (decoy !== entry) decoys.add(decoy);
      }
      const address = world.proxyAddress();
      let at = world.at(d, world.diurnalMinute());
      for (const voted of r.chance(0.5) ? [entry, ...decoys] : [...decoys, entry]) {
        world.cast({ ...account, entry: voted, at, address, kind: 'spray', farm: true });
        at += r.int(5, 40) * 1000;
      }
    }
  }
};

/** A slow farm: 100 accounts, each voting for the target once a day at its own minute, spread over the whole clock. */
const slow: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  for (let i = 0; i < sized(100, scale); i += 1) {
    const account = { voterId: world.newVoter(), phone: world.phone('national'), device: world.popularDevice() };
    const minuteOfDay = r.int(0, 1439);
    for (let d = 0; d < world.options.days; d += 1) {
      if (!r.chance(0.95)) continue;
      world.cast({ ...account, entry, at: world.at(d, minuteOfDay) + r.int(-4, 4) * 60_000, address: world.proxyAddress(), kind: 'slow', farm: true });
    }
  }
};

/** One emulator image behind a proxy pool: 300 accounts with one device signature, each from its own address, over four hours. */
const deviceFarm: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  const device = `emulator-${r.int(1000, 9999)}`;
  const begin = world.at(world.day(), r.int(8 * 60, 18 * 60));
  for (let i = 0; i < sized(300, scale); i += 1) {
    const at = begin + r.next() * minutes(240);
    world.cast({
      voterId: world.newVoter(),
      phone: world.phone('national'),
      entry,
      at,
      address: world.proxyAddress(),
      device,
      kind: 'device-farm',
      farm: true,
    });
  }
};

/** A night farm: 150 bought numbers vote for the target between 03:00 and 04:00, while the organisers sleep. */
const nightFarm: Farm = (world, scale) => {
  const r = world.random;
  const entry = world.target();
  const begin = world.at(world.day(), 3 * 60);
  for (let i = 0; i < sized(150, scale); i += 1) {
    const at = begin + r.next() * minutes(60);
    world.cast({
      voterId: world.newVoter(),
      phone: world.phone('national'),
      entry,
      at,
      address: world.proxyAddress(),
      device: world.popularDevice(),
      kind: 'night-farm',
      farm: true,
    });
  }
};

export const farms: Record<string, Farm> = {
  burst,
  'phone-farm': phoneFarm,
  'sim-pool': simPool,
  'lockstep-ring': lockstepRing,
  spray,
  slow,
  'device-farm': deviceFarm,
  'night-farm': nightFarm,
};
