/**
 * The simulated vote phase: entries with Zipf popularity, a diurnal clock in Asia/Shanghai, the
 * pools honest people and farms draw from (numbers, addresses, devices), and every vote cast, each
 * labelled with the kind of voter that cast it. Pure and seeded: no database, no wall clock.
 */
import { subnetOf } from '../../address.ts';
import type { SignalVote } from '../detector.ts';
import { seededRandom, weighted, zipf, type Random } from './random.ts';

export interface WorldOptions {
  seed: number;
  /** Honest voters in the background (the crowds and farms come on top). */
  voters: number;
  entries: number;
  days: number;
  /** Multiplies every farm's size. */
  farmScale: number;
}

export interface SimulatedVote extends SignalVote {
  kind: string;
  farm: boolean;
}

const minute = 60_000;
const day = 24 * 60 * minute;
/** 2025-09-12 00:00 in Asia/Shanghai: 000's vote opens then. */
const start = Date.parse('2025-09-11T16:00:00Z');
export const timeZone = 'Asia/Shanghai';

/** How many of a day's honest votes fall in each hour, Beijing time: lunch and evening peaks, quiet nights. */
const hourWeights = [1.2, 0.6, 0.3, 0.2, 0.2, 0.4, 1.2, 3, 4, 4, 4, 5, 7, 5, 4, 4, 4, 5, 6, 7, 9, 10, 8, 4];
const realRanges = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '193', '195',
  '196', '198', '199',
]; // prettier-ignore
const virtualRanges = ['162', '165', '167', '170', '171'];

export type PhoneKind = 'local' | 'national' | 'virtual';

export class World {
  readonly random: Random;
  readonly entries: string[];
  readonly votes: SimulatedVote[] = [];
  private readonly popular: (random: Random) => number;
  private readonly hour = weighted(hourWeights);
  private readonly phones = new Set<string>();
  /** The local numbering blocks (range + 4-digit H code): a province's people share a few thousand. */
  private readonly localBlocks: string[];
  private readonly carrierAddresses: string[];
  private readonly homeSubnets: string[];
  readonly devices: string[];
  private readonly device: (random: Random) => number;
  private readonly taken = new Set<string>();
  private voterCount = 0;
  private voteCount = 0;

  constructor(readonly options: WorldOptions) {
    this.random = seededRandom(options.seed);
    const r = this.random;
    this.entries = Array.from({ length: options.entries }, (_, i) => `entry-${String(i + 1).padStart(3, '0')}`);
    this.popular = weighted(zipf(options.entries, 1));
    this.localBlocks = Array.from({ length: 3000 }, () => `${r.pick(realRanges)}${r.int(0, 9999).toString().padStart(4, '0')}`);
    // Mobile carriers' NAT gateways: 400 addresses in 40 /24s, each shared by many phones; some IPv6 /48s.
    this.carrierAddresses = [
      ...Array.from({ length: 40 }, (_, s) => Array.from({ length: 10 }, () => `117.${136 + (s % 8)}.${r.int(0, 255)}.${r.int(1, 254)}`)).flat(),
      ...Array.from({ length: 30 }, () => `240e:${r.int(0x300, 0x3ff).toString(16)}:${r.int(1, 0xffff).toString(16)}`),
    ];
    this.homeSubnets = Array.from(
      { length: 3000 },
      () => `${r.pick([36, 58, 60, 101, 110, 111, 112, 121, 122, 123, 183, 222])}.${r.int(0, 255)}.${r.int(0, 255)}`,
    );
    this.devices = Array.from({ length: 300 }, (_, i) => `device-${i}`);
    this.device = weighted(zipf(300, 1));
  }

  /** An entry by popularity. */
  popularEntry = () => this.entries[this.popular(this.random)];

  /** A mid- or low-popularity entry nobody else in the world was given: a farm's target, a class's classmate. */
  target(): string {
    const from = Math.min(this.entries.length - 1, Math.floor(this.entries.length / 10));
    for (;;) {
      const entry = this.entries[this.random.int(from, this.entries.length - 1)];
      if (!this.taken.has(entry)) {
        this.taken.add(entry);
        return entry;
      }
    }
  }

  popularDevice = () => this.devices[this.device(this.random)];

  /** A number nobody holds yet: from the local blocks, anywhere in the country, or a virtual operator's. */
  phone(kind: PhoneKind): string {
    const r = this.random;
    const digits = (n: number) =>
      r
        .int(0, 10 ** n - 1)
        .toString()
        .padStart(n, '0');
    for (;;) {
      const phone = kind === 'local' ? `${r.pick(this.localBlocks)}${digits(4)}` : `${r.pick(kind === 'virtual' ? virtualRanges : realRanges)}${digits(8)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** What an honest voter's phone is: mostly local, a few in a hundred on a virtual range. */
  honestPhone = (kind: 'local' | 'national' = 'local') => this.phone(this.random.chance(0.04) ? 'virtual' : kind);

  /** A number as a string, for the SIM pool's series. */
  claimPhone(phone: string) {
    this.phones.add(phone);
    return phone;
  }

  carrierAddress = () => {
    const address = this.random.pick(this.carrierAddresses);
    return address.includes(':') ? `${address}:${this.random.int(1, 0xffff).toString(16)}::${this.random.int(1, 0xffff).toString(16)}` : address;
  };

  homeAddress = () => `${this.random.pick(this.homeSubnets)}.${this.random.int(2, 254)}`;

  /** A residential proxy's exit: anywhere. */
  proxyAddress = () => `${this.random.int(1, 223)}.${this.random.int(0, 255)}.${this.random.int(0, 255)}.${this.random.int(1, 254)}`;

  /** A random honest-looking minute of the day, by the diurnal weights. */
  diurnalMinute = () => this.hour(this.random) * 60 + this.random.int(0, 59);

  /** The instant of a minute of a day of the vote (days from 0), plus seconds. */
  at = (dayIndex: number, minuteOfDay: number, seconds = this.random.int(0, 59)) => start + dayIndex * day + minuteOfDay * minute + seconds * 1000;

  day = () => this.random.int(0, this.options.days - 1);

  newVoter = () => `voter-${(this.voterCount += 1)}`;

  cast(vote: { voterId: string; phone: string; entry: string; at: number; address: string; device: string; kind: string; farm: boolean }) {
    if (vote.at >= start + this.options.days * day) return;
    this.votes.push({
      id: `vote-${(this.voteCount += 1)}`,
      contestId: 'simulated',
      phaseId: 'public-vote',
      registrationId: vote.entry,
      voterId: vote.voterId,
      phone: vote.phone,
      address: vote.address,
      subnet: subnetOf(vote.address),
      device: vote.device,
      castAt: new Date(vote.at),
      kind: vote.kind,
      farm: vote.farm,
    });
  }
}

export const minutes = (n: number) => n * minute;
