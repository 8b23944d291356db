/**
 * Parsed definitions, once per stored version. A version never changes once written (append-only),
 * so its parse can be kept for the life of the process: the contest list and every registration read
 * the parsed definition instead of validating the stored JSON again (~2 ms a contest).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json.ts';
import type { ContestDefinition } from '../schema/index.ts';
import { currentFormat, readDefinition, type DefinitionFormat, type RawDefinition } from './format.ts';

/** The SHA-256 of a definition's canonical JSON: equal for equal rules, whatever the YAML's layout. */
export const definitionSha256 = (definition: unknown) => createHash('sha256').update(canonicalJson(definition)).digest('hex');

export interface StoredVersion {
  sha256: string;
  format_version: number;
  definition: unknown;
}

/**
 * Keyed by content (sha256 and the format it was written in), not by contest: two contests or
 * versions with equal definitions share one parse. Frozen, because every reader shares the object.
 */
const parsed = new Map<string, ContestDefinition>();

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

const keyOf = (version: Pick<StoredVersion, 'sha256' | 'format_version'>) => `${version.format_version}:${version.sha256}`;

/** The parse of a version already read in this process, found by its SHA-256 and format alone. */
export const cachedDefinition = (version: Pick<StoredVersion, 'sha256' | 'format_version'>): ContestDefinition | undefined => parsed.get(keyOf(version));

/**
 * The version's definition in the current format, parsed (and upgraded) the first time it is asked
 * for. Another format (a test's stricter schema) is parsed every time: the cache holds the code's own.
 */
export const parsedDefinition = (version: StoredVersion, format: DefinitionFormat = currentFormat): ContestDefinition => {
  const read = () => deepFreeze(readDefinition(version.definition as RawDefinition, version.format_version, format));
  if (format !== currentFormat) return read();
  const cached = cachedDefinition(version);
  if (cached) return cached;
  const definition = read();
  parsed.set(keyOf(version), definition);
  return definition;
};
