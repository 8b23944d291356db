/** The showcase's replies, field by field (schema.ts has their shapes). */
import type { RoundEntry } from '../../review/round-entries.ts';
import type { SubmissionFileRow } from '../../platform/db-types.ts';
import type { showcaseEntry, showcaseOf } from './service.ts';

const enc = encodeURIComponent;

/** Where a shown file is read: under its vote and entry, so the showcase's rule decides who may. */
export const showcaseFileUrl = (contestId: string, phaseId: string, entryId: string, fileId: string) =>
  `/api/contests/${enc(contestId)}/phases/${enc(phaseId)}/showcase/${enc(entryId)}/files/${enc(fileId)}`;

const presentEntry = (contestId: string, phaseId: string, entry: RoundEntry, cover: SubmissionFileRow | undefined) => ({
  id: entry.id,
  ref: entry.ref,
  title: entry.title,
  division: entry.division,
  cover: cover ? `${showcaseFileUrl(contestId, phaseId, entry.id, cover.id)}/thumbnail` : null,
});

export const presentShowcase = ({ phase, entries, covers }: Awaited<ReturnType<typeof showcaseOf>>) => {
  const contestId = phase.contest.definition.id;
  const phaseId = phase.rules.phase.id;
  return {
    divisions: phase.rules.divisions.map((d) => ({ id: d.id, name: d.name, ...(d.nameEn && { nameEn: d.nameEn }) })),
    entries: entries.map((entry) => presentEntry(contestId, phaseId, entry, covers.get(entry.id))),
  };
};

export const presentShowcaseEntry = ({ phase, entry, works, cover }: Awaited<ReturnType<typeof showcaseEntry>>) => {
  const contestId = phase.contest.definition.id;
  const phaseId = phase.rules.phase.id;
  return {
    entry: {
      ...presentEntry(contestId, phaseId, entry, cover),
      summary: works.find((work) => 'type' in work.requirement && work.requirement.type === 'text' && work.value)?.value ?? null,
    },
    works: works.map((work) => ({
      requirement: work.requirement.id,
      name: work.requirement.name,
      value: work.value,
      files: work.files.map((file) => ({
        id: file.id,
        fileName: file.file_name,
        mediaType: file.media_type,
        size: file.size,
        url: showcaseFileUrl(contestId, phaseId, entry.id, file.id),
      })),
    })),
  };
};
