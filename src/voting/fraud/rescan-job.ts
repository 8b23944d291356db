/**
 * A rescan's work as the worker thread runs it (rescan-worker.mjs): the phase's stream arrives as
 * one array per column (cheaper to pass between threads than a million objects) and the suspect
 * votes go back as [id, reasons] pairs.
 */
import type { HoldReason } from '../hold-reason.ts';
import type { SignalVote } from './detector.ts';
import { suspectVotes } from './rescan-rules.ts';

export interface StreamColumns {
  contestId: string;
  phaseId: string;
  ids: string[];
  registrationIds: string[];
  voterIds: string[];
  phones: string[];
  addresses: string[];
  subnets: string[];
  devices: string[];
  /** Milliseconds since the epoch. */
  castAt: number[];
  voterSince: number[];
}

type StoredVote = Omit<SignalVote, 'contestId' | 'phaseId' | 'voterSince'> & { voterSince: Date };

export const columnsOf = (contestId: string, phaseId: string, votes: readonly StoredVote[]): StreamColumns => ({
  contestId,
  phaseId,
  ids: votes.map((vote) => vote.id),
  registrationIds: votes.map((vote) => vote.registrationId),
  voterIds: votes.map((vote) => vote.voterId),
  phones: votes.map((vote) => vote.phone),
  addresses: votes.map((vote) => vote.address),
  subnets: votes.map((vote) => vote.subnet),
  devices: votes.map((vote) => vote.device),
  castAt: votes.map((vote) => vote.castAt.getTime()),
  voterSince: votes.map((vote) => vote.voterSince.getTime()),
});

/** suspectVotes of the stream in columns (votes in time order). */
export function suspectVotesOfColumns(columns: StreamColumns, timeZone: string): [string, HoldReason[]][] {
  const votes: SignalVote[] = columns.ids.map((id, i) => ({
    id,
    contestId: columns.contestId,
    phaseId: columns.phaseId,
    registrationId: columns.registrationIds[i],
    voterId: columns.voterIds[i],
    phone: columns.phones[i],
    address: columns.addresses[i],
    subnet: columns.subnets[i],
    device: columns.devices[i],
    castAt: new Date(columns.castAt[i]),
    voterSince: new Date(columns.voterSince[i]),
  }));
  return [...suspectVotes(votes, timeZone)];
}
