/**
 * A vote phase's stream as a rescan holds it: a column per field, in typed arrays, each text that
 * repeats (entry, voter, number, address, subnet, device) kept once and given to each vote as a
 * small integer, the ids packed in one buffer. A million votes take about 80 MB so, against a
 * gigabyte as objects; and the buffers move to the rescan worker without a copy (transferListOf).
 * Built from the stored stream a page at a time (StreamBuilder), in the order read; the rules read
 * it in time order (inTimeOrder).
 */
import type { SignalVote } from './detector.ts';

/** The fields of a vote whose values repeat from vote to vote. */
export const internedFields = ['registrationId', 'voterId', 'phone', 'address', 'subnet', 'device'] as const;
export type InternedField = (typeof internedFields)[number];

export interface InternedColumn {
  /** Per vote, the index of its value in `values`. */
  codes: Int32Array;
  /** Each value once, in the order of its first vote. */
  values: string[];
}

export interface StreamColumns {
  contestId: string;
  phaseId: string;
  length: number;
  /** The votes' ids in UTF-8, one after the other: vote i's ends at idEnds[i] (and starts where vote i - 1's ends). */
  idBytes: Uint8Array;
  idEnds: Int32Array;
  /** Milliseconds since the epoch. */
  castAt: Float64Array;
  /** When the voter first proved the number (ms since the epoch); NaN where not known. */
  voterSince: Float64Array;
  interned: Record<InternedField, InternedColumn>;
}

/** A vote as the stream is read: SignalVote's fields of the vote, its times in milliseconds. */
export type StreamVote = Pick<SignalVote, 'id' | InternedField> & { castMs: number; voterSinceMs: number | null };

/** A typed array of `length` elements holding `from`'s. */
const grown = <T extends Int32Array | Float64Array | Uint8Array>(from: T, length: number): T => {
  const to = new (from.constructor as new (length: number) => T)(length);
  to.set(from);
  return to;
};

/** Fills columns a vote at a time, in the stream's order; `expected` votes are made room for at once. */
export class StreamBuilder {
  private length = 0;
  private capacity: number;
  private idBytes = Buffer.alloc(0);
  private idBytesUsed = 0;
  private idEnds: Int32Array;
  private castAt: Float64Array;
  private voterSince: Float64Array;
  private readonly codes = {} as Record<InternedField, Int32Array>;
  private readonly indexes = {} as Record<InternedField, Map<string, number>>;

  constructor(
    private readonly contestId: string,
    private readonly phaseId: string,
    expected: number,
  ) {
    this.capacity = Math.max(1, expected);
    this.idEnds = new Int32Array(this.capacity);
    this.castAt = new Float64Array(this.capacity);
    this.voterSince = new Float64Array(this.capacity);
    for (const field of internedFields) {
      this.codes[field] = new Int32Array(this.capacity);
      this.indexes[field] = new Map();
    }
  }

  add(vote: StreamVote) {
    if (this.length === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
    this.addId(vote.id);
    this.castAt[this.length] = vote.castMs;
    this.voterSince[this.length] = vote.voterSinceMs ?? NaN;
    for (const field of internedFields) {
      const index = this.indexes[field];
      let code = index.get(vote[field]);
      if (code === undefined) index.set(vote[field], (code = index.size));
      this.codes[field][this.length] = code;
    }
    this.length += 1;
  }

  private grow(capacity: number) {
    this.capacity = capacity;
    this.idEnds = grown(this.idEnds, capacity);
    this.castAt = grown(this.castAt, capacity);
    this.voterSince = grown(this.voterSince, capacity);
    for (const field of internedFields) this.codes[field] = grown(this.codes[field], capacity);
  }

  private addId(id: string) {
    const bytes = Buffer.byteLength(id);
    if (this.idBytesUsed + bytes > this.idBytes.length) {
      // Room for every vote still expected at this id's length (exact where ids are alike: UUIDs), or half as much again.
      const room = Buffer.alloc(Math.max(this.idBytesUsed + bytes * (this.capacity - this.length), Math.ceil(this.idBytes.length * 1.5)));
      this.idBytes.copy(room, 0, 0, this.idBytesUsed);
      this.idBytes = room;
    }
    this.idBytesUsed += this.idBytes.write(id, this.idBytesUsed);
    this.idEnds[this.length] = this.idBytesUsed;
  }

  /** The columns of the votes added; the builder is not to be used after. */
  columns(): StreamColumns {
    const interned = {} as Record<InternedField, InternedColumn>;
    for (const field of internedFields) interned[field] = { codes: this.codes[field].subarray(0, this.length), values: [...this.indexes[field].keys()] };
    return {
      contestId: this.contestId,
      phaseId: this.phaseId,
      length: this.length,
      idBytes: this.idBytes.subarray(0, this.idBytesUsed),
      idEnds: this.idEnds.subarray(0, this.length),
      castAt: this.castAt.subarray(0, this.length),
      voterSince: this.voterSince.subarray(0, this.length),
      interned,
    };
  }
}

/** The columns of votes in time order, all of one phase (tests, the simulation). */
export function columnsOf(votes: readonly SignalVote[]): StreamColumns {
  const builder = new StreamBuilder(votes[0]?.contestId ?? '', votes[0]?.phaseId ?? '', votes.length);
  for (const { id, registrationId, voterId, phone, address, subnet, device, castAt, voterSince } of votes) {
    builder.add({ id, registrationId, voterId, phone, address, subnet, device, castMs: castAt.getTime(), voterSinceMs: voterSince?.getTime() ?? null });
  }
  return builder.columns();
}

const idStart = (columns: StreamColumns, vote: number) => (vote === 0 ? 0 : columns.idEnds[vote - 1]);

const permuted = <T extends Int32Array | Float64Array>(column: T, order: Int32Array): T => {
  const to = new (column.constructor as new (length: number) => T)(order.length);
  order.forEach((from, at) => (to[at] = column[from]));
  return to;
};

/** The column in `order`, its values numbered again in the order of their first vote. */
function renumbered(column: InternedColumn, order: Int32Array): InternedColumn {
  const codes = permuted(column.codes, order);
  const newCode = new Int32Array(column.values.length).fill(-1);
  const values: string[] = [];
  codes.forEach((code, vote) => {
    if (newCode[code] < 0) {
      newCode[code] = values.length;
      values.push(column.values[code]);
    }
    codes[vote] = newCode[code];
  });
  return { codes, values };
}

/**
 * The votes in time order, as `order by cast_at, id` gives them (ties by the ids' bytes, as
 * PostgreSQL's C collation compares them), each column's values numbered in the order of their
 * first vote: the stream as the rules read it, from the stream as it was read (entry by entry).
 */
export function inTimeOrder(columns: StreamColumns): StreamColumns {
  const { castAt, idBytes, idEnds } = columns;
  const idOf = (vote: number) => idBytes.subarray(idStart(columns, vote), idEnds[vote]);
  const order = Int32Array.from({ length: columns.length }, (_, vote) => vote);
  order.sort((a, b) => castAt[a] - castAt[b] || Buffer.compare(idOf(a), idOf(b)));
  const ids = new Uint8Array(idBytes.length);
  const ends = new Int32Array(columns.length);
  let end = 0;
  order.forEach((from, at) => {
    for (let byte = idStart(columns, from); byte < idEnds[from]; byte += 1) ids[end++] = idBytes[byte];
    ends[at] = end;
  });
  const interned = {} as Record<InternedField, InternedColumn>;
  for (const field of internedFields) interned[field] = renumbered(columns.interned[field], order);
  return { ...columns, idBytes: ids, idEnds: ends, castAt: permuted(castAt, order), voterSince: permuted(columns.voterSince, order), interned };
}

/** The buffers the columns are in, to move them to a worker thread (postMessage's transfer list). */
export const transferListOf = (columns: StreamColumns): ArrayBuffer[] =>
  [columns.idBytes, columns.idEnds, columns.castAt, columns.voterSince, ...internedFields.map((field) => columns.interned[field].codes)].map(
    (array) => array.buffer as ArrayBuffer,
  );

/** A vote of the columns as the signals read it, and its id alone. */
export function votesOf(columns: StreamColumns) {
  const ids = Buffer.from(columns.idBytes.buffer, columns.idBytes.byteOffset, columns.idBytes.byteLength);
  const idOf = (i: number) => ids.toString('utf8', idStart(columns, i), columns.idEnds[i]);
  const valueOf = (field: InternedField, i: number) => columns.interned[field].values[columns.interned[field].codes[i]];
  const voteAt = (i: number): SignalVote => ({
    id: idOf(i),
    contestId: columns.contestId,
    phaseId: columns.phaseId,
    registrationId: valueOf('registrationId', i),
    voterId: valueOf('voterId', i),
    phone: valueOf('phone', i),
    address: valueOf('address', i),
    subnet: valueOf('subnet', i),
    device: valueOf('device', i),
    castAt: new Date(columns.castAt[i]),
    voterSince: Number.isNaN(columns.voterSince[i]) ? undefined : new Date(columns.voterSince[i]),
  });
  return { idOf, voteAt };
}
