import { basename } from 'node:path';
import type { Works } from '../contest/schema/works.ts';
import { checkCount, checkField, checkFile, type CheckProblem } from './checks.ts';
import type { ProbeResult } from './probes/types.ts';

/**
 * An organiser's pre-check of files by hand, as `leitai submission check` runs it: each file is
 * matched to the requirement it names (`requirementId=path`), else to the first requirement that
 * takes its detected kind and has room, else to the first requirement; then checked as an upload
 * would be. With `complete`, missing files and fields are reported too.
 */
export interface PrecheckFile {
  path: string;
  requirementId?: string;
  probed: ProbeResult;
}

export const precheckWorks = (works: Works, files: PrecheckFile[], fields: Record<string, string>, complete: boolean) => {
  const assigned = new Map<string, number>();
  const results = files.map((file) => {
    const requirement = file.requirementId
      ? works.files.find((r) => r.id === file.requirementId)
      : (works.files.find((r) => file.probed.ok && (r.kinds as string[]).includes(file.probed.facts.fileKind) && (assigned.get(r.id) ?? 0) < r.count.max) ??
        works.files[0]);
    if (!requirement) {
      const problem: CheckProblem & { file: string } = {
        file: file.path,
        code: 'submission.unknown_requirement',
        message: { zh: `没有要求「${file.requirementId ?? basename(file.path)}」`, en: `No requirement matches ${file.requirementId ?? basename(file.path)}` },
        severity: 'error',
      };
      return { file: file.path, requirementId: null, problems: [problem] };
    }
    assigned.set(requirement.id, (assigned.get(requirement.id) ?? 0) + 1);
    const problems = checkFile(requirement, file.probed).map((p) => ({ ...p, file: file.path }));
    return { file: file.path, requirementId: requirement.id, facts: file.probed.ok ? file.probed.facts : undefined, problems };
  });
  const countProblems = works.files.flatMap((requirement) => {
    const count = assigned.get(requirement.id) ?? 0;
    return checkCount(requirement, count).filter((p) => complete || p.code === 'file.too_many');
  });
  const fieldProblems = works.fields.flatMap((requirement) => (complete || requirement.id in fields ? checkField(requirement, fields[requirement.id]) : []));
  const errors = [...results.flatMap((r) => r.problems), ...countProblems, ...fieldProblems];
  return { ok: !errors.some((p) => p.severity === 'error'), errors, files: results };
};
