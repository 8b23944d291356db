import { PassThrough } from 'node:stream';
import archiver from 'archiver';
import type { Kysely } from 'kysely';
import { divisionIdOf, divisionsOf } from '../contest/divisions.ts';
import { getContest } from '../contest/service.ts';
import { isOrganiserOf } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Database } from '../platform/db-types.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { spreadsheetCsv, type SpreadsheetCell } from '../platform/spreadsheet.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import { toInput } from '../registration/records.ts';
import { registrationsOfContest } from '../registration/service.ts';
import { nameFromTemplate } from './file-names.ts';
import * as queries from './queries.ts';
import { worksOfPlace } from '../contest/scope.ts';
import type { WorksStorage } from './storage.ts';

const extensionOf = (fileKind: string | null) => (fileKind === 'jpeg' ? 'jpg' : (fileKind ?? 'bin'));

/**
 * All accepted works of a division as one zip, streamed: files named by the definition's template
 * (参赛者名称+作品名称…) — Leitai names them, entrants don't have to — in a folder per entry, and a
 * manifest.csv of entries, files, sizes and SHA-256 hashes. Nothing is held in memory but the list.
 */
export async function exportDivisionWorks(db: Kysely<Database>, contestId: string, divisionId: string, account: Account | null, storage: WorksStorage) {
  requireAccount(account);
  if (!isOrganiserOf(account, contestId)) throw forbidden('submission.export_forbidden');
  const { definition } = await getContest(db, contestId);
  const division = divisionsOf(definition.tracks).find((d) => d.id === divisionId);
  if (!division) throw new AppError('submission.unknown_division', { zh: `没有组别 ${divisionId}`, en: `There is no division ${divisionId}` }, 404);
  const works = worksOfPlace(definition, division);
  const entries = (await registrationsOfContest(db, contestId, { status: 'active', trackId: division.trackId })).filter(
    (r) => divisionIdOf(r.track_id, r.group_id ?? r.category_id) === divisionId,
  );
  const files = await queries.currentFilesOf(
    db,
    entries.map((e) => e.id),
  );
  const track = definition.tracks.find((t) => t.id === division.trackId)!;
  const sub = [...track.groups, ...track.categories].find((s) => s.id === (division.groupId ?? division.categoryId));

  // Stored, not deflated: photos, videos and PDFs are compressed already, and a reviewer's unzip is instant.
  const zip = archiver('zip', { store: true });
  const manifest: SpreadsheetCell[][] = [['ref', 'title', 'entrant', 'requirement', 'file', 'original_name', 'size', 'sha256', 'accepted']];
  for (const entry of entries) {
    const input = toInput(entry);
    const entrantName =
      input.entrantKind === 'organisation'
        ? (input.organisations.find((o) => o.isLead) ?? input.organisations[0])?.name
        : (input.teamName ?? input.leader.name);
    const values = {
      entrantName,
      title: entry.title,
      category: sub?.name,
      leaderName: input.leader.name,
      leaderPhone: input.leader.phone,
      track: track.name,
      group: sub?.name,
    };
    const mine = files.filter((f) => f.registration_id === entry.id && f.accepted);
    mine.forEach((file, index) => {
      const requirement = works?.files.find((r) => r.id === file.requirement_id);
      const base = works?.naming ?? '{entrantName}+{title}';
      const suffix = mine.length > 1 ? `+${requirement?.name ?? file.requirement_id}${index + 1}` : '';
      const name = `${entry.ref}/${nameFromTemplate(`${base}${suffix.replace(/[{}]/g, '')}`, values, extensionOf(file.file_kind))}`;
      // Opened when the zip reaches it (on S3 the GET is made at the first read), one file at a time.
      zip.append(storage.readStream(file.storage_key), { name });
      manifest.push([entry.ref, entry.title, entrantName ?? '', requirement?.name ?? file.requirement_id, name, file.file_name, file.size, file.sha256, 'yes']);
    });
  }
  zip.append(spreadsheetCsv(manifest), { name: 'manifest.csv' });
  void zip.finalize();
  const body = new PassThrough();
  zip.on('error', (error) => body.destroy(error));
  zip.pipe(body);
  return { body, fileName: `${definition.id}-${divisionId.replace('/', '-')}-works.zip` };
}
