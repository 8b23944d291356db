import type { ContestDefinition } from '../contest/schema/index.ts';
import { registrationClosedAt } from '../contest/views.ts';
import type { Problem } from '../platform/errors.ts';
import { schemaProblems } from '../platform/http/schema-problems.ts';
import { checkEligibility, toExistingEntry, type ExistingEntry } from './eligibility/index.ts';
import { registrationInputSchema } from './schema.ts';

export interface BatchResult {
  ref: string;
  ok: boolean;
  errors: Problem[];
}

/**
 * Checks a batch of registrations the way an organiser's bulk import does: each against every rule,
 * and against the registrations before it in the batch that passed (so of two teams sharing a
 * member, the later one is refused). Pure: the time, when given, checks the registration window.
 */
export const validateBatch = (definition: ContestDefinition, batch: unknown[], at?: Date): BatchResult[] => {
  const accepted: ExistingEntry[] = [];
  const seenRefs = new Set<string>();
  return batch.map((raw, index) => {
    const ref = refOf(raw, index);
    const errors: Problem[] = [];
    if (seenRefs.has(ref)) errors.push(problem('batch.duplicate_ref', `编号 ${ref} 重复`, `The ref ${ref} appears twice`, 'ref'));
    seenRefs.add(ref);
    const closed = at && registrationClosedAt(definition, at);
    if (closed) errors.push({ code: 'registration.closed', message: closed });
    const parsed = registrationInputSchema.safeParse(raw);
    if (!parsed.success) {
      return { ref, ok: false, errors: [...errors, ...schemaProblems(parsed.error.issues, raw).map((p) => ({ ...p, code: 'request.invalid' }))] };
    }
    const result = checkEligibility(definition, parsed.data, accepted);
    errors.push(...result.problems);
    // The organiser imports the whole batch, so messages may name the earlier rows.
    if (errors.length === 0) accepted.push(toExistingEntry(ref, ref, parsed.data, true));
    return { ref, ok: errors.length === 0, errors };
  });
};

const refOf = (raw: unknown, index: number) => {
  const ref = (raw as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' || typeof ref === 'number' ? String(ref) : `#${index + 1}`;
};

const problem = (code: string, zh: string, en: string, path?: string): Problem => ({ code, message: { zh, en }, ...(path ? { path } : {}) });
