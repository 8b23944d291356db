import type { Kysely } from 'kysely';
import type { StoredContest } from '../contest/service.ts';
import { resolveScope } from '../contest/scope.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { registrationInputSchema } from '../registration/schema.ts';
import { registerEntry } from '../registration/service.ts';
import { submitFile } from '../submission/direct.ts';
import { setWorksField, type UploadLimits } from '../submission/service.ts';
import type { WorksStorage } from '../submission/storage.ts';
import { demoPoster } from './poster.ts';
import type { Sample } from './samples.ts';

export interface DemoWorks {
  storage: WorksStorage;
  limits: UploadLimits;
}

/**
 * Registers one sample as the participant at the given time, through the same services as any
 * registration, so it obeys every rule it shows; then hands in its works (generated posters, fields).
 * It accepts every declaration its place asks for, as an entrant ticking the boxes would.
 */
export async function registerSample(
  db: Kysely<Database>,
  contest: StoredContest,
  sample: Sample,
  actor: { account: Account; clock: Clock },
  works: DemoWorks,
) {
  const { works: sampleWorks, ...input } = sample;
  const entry = registrationInputSchema.parse({ ...input, declarations: [] });
  const scope = resolveScope(contest.definition, entry);
  const declarations = scope.ok ? (scope.scope.rules.find((r) => r.rule === 'declarations')?.items.map((i) => i.id) ?? []) : [];
  const row = await registerEntry(db, contest.definition.id, { ...entry, declarations }, { ...actor, isDemo: true });
  for (const requirementId of sampleWorks?.posters ?? []) {
    const bytes = await demoPoster(`${contest.definition.id}/${entry.title}`);
    await submitFile(db, works.storage, { registrationId: row.id, requirementId, fileName: `${entry.title}.jpg`, bytes }, actor, works.limits);
  }
  for (const [fieldId, value] of Object.entries(sampleWorks?.fields ?? {})) await setWorksField(db, row.id, fieldId, value, actor);
  return row;
}
