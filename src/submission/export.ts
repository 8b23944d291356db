import { PassThrough } from 'node:stream';
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
 * Where works differ by stage (003, 004) the manifest names each file's stage and `stage` exports one
 * stage's files only; where the division records a 申报学校 (000's 校园组) the manifest gives it.
 */
export async function exportDivisionWorks(
  db: Kysely<Database>,
  contestId: string,
  request: { divisionId: string; stage?: string },
  account: Account | null,
  storage: WorksStorage,
) {
  const { divisionId, stage } = request;
  requireAccount(account);
  if (!isOrganiserOf(account, contestId)) throw forbidden('submission.export_forbidden');
  const { definition } = await getContest(db, contestId);
  const division = divisionsOf(definition.tracks).find((d) => d.id === divisionId);
  if (!division) throw new AppError('submission.unknown_division', { zh: `没有组别 ${divisionId}`, en: `There is no division ${divisionId}` }, 404);
  const works = worksOfPlace(definition, division);
  const stages = new Map(
    (works?.files ?? []).flatMap((r) => (r.phase ? [r.phase] : [])).map((id) => [id, definition.phases.find((p) => p.id === id)?.name ?? id]),
  );
  if (stage !== undefined && !stages.has(stage)) {
    throw new AppError(
      'submission.unknown_stage',
      { zh: `${division.name}没有在「${stage}」阶段提交的作品`, en: `${division.name} hands in no works in a stage "${stage}"` },
      404,
    );
  }
  const entries = (await registrationsOfContest(db, contestId, { status: 'active', trackId: division.trackId })).filter(
    (r) => divisionIdOf(r.track_id, r.group_id ?? r.category_id) === divisionId,
  );
  const files = await queries.currentFilesOf(
    db,
    entries.map((e) => e.id),
  );
  const track = definition.tracks.find((t) => t.id === division.trackId)!;
  const sub = [...track.groups, ...track.categories].find((s) => s.id === (division.groupId ?? division.categoryId));
  const schooled = sub?.entrySchool !== undefined;
  const staged = stages.size > 0;

  // Stored, not deflated: photos, videos and PDFs are compressed already, and a reviewer's unzip is instant.
  // Loaded at the first export, not at start: archiver and its streams weigh some 15 MB that most servers never use.
  const { default: archiver } = await import('archiver');
  const zip = archiver('zip', { store: true });
  const manifest: SpreadsheetCell[][] = [
    [
      'ref',
      'title',
      'entrant',
      ...(schooled ? ['entry_school'] : []),
      'requirement',
      ...(staged ? ['stage'] : []),
      'file',
      'original_name',
      'size',
      'sha256',
      'accepted',
    ],
  ];
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
    const inStage = (requirementId: string) => stage === undefined || works?.files.find((r) => r.id === requirementId)?.phase === stage;
    const mine = files.filter((f) => f.registration_id === entry.id && f.accepted && inStage(f.requirement_id));
    mine.forEach((file, index) => {
      const requirement = works?.files.find((r) => r.id === file.requirement_id);
      const base = works?.naming ?? '{entrantName}+{title}';
      const suffix = mine.length > 1 ? `+${requirement?.name ?? file.requirement_id}${index + 1}` : '';
      const name = `${entry.ref}/${nameFromTemplate(`${base}${suffix.replace(/[{}]/g, '')}`, values, extensionOf(file.file_kind))}`;
      // Opened when the zip reaches it (on S3 the GET is made at the first read), one file at a time.
      zip.append(storage.readStream(file.storage_key), { name });
      manifest.push([
        entry.ref,
        entry.title,
        entrantName ?? '',
        ...(schooled ? [input.entrySchool ?? ''] : []),
        requirement?.name ?? file.requirement_id,
        ...(staged ? [(requirement?.phase && stages.get(requirement.phase)) ?? ''] : []),
        name,
        file.file_name,
        file.size,
        file.sha256,
        'yes',
      ]);
    });
  }
  zip.append(spreadsheetCsv(manifest), { name: 'manifest.csv' });
  void zip.finalize();
  const body = new PassThrough();
  zip.on('error', (error) => body.destroy(error));
  zip.pipe(body);
  return { body, fileName: `${definition.id}-${divisionId.replace('/', '-')}${stage ? `-${stage}` : ''}-works.zip` };
}
