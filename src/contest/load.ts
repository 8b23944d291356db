import { readFile } from 'node:fs/promises';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { findUnstorableText } from '../platform/text.ts';
import { contestDefinitionSchema, type ContestDefinition } from './schema/index.ts';
import { declaredFormat, upgradeDefinition, type RawDefinition } from './versions/format.ts';

/** One problem in a definition file, located as an editor would show it. */
export interface DefinitionError {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; definition: ContestDefinition; source: string } | { ok: false; errors: DefinitionError[] };

/** `tracks[1].rules[0].max`, the way a person reads a path into YAML. */
export const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

export const formatError = (error: DefinitionError) => `${error.file}:${error.line}${error.path ? ` ${error.path}` : ''}: ${error.message}`;

export const parseDefinition = (source: string, file = '<definition>'): LoadResult => {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, line, column: col, path: '', message: error.message.split('\n')[0] };
      }),
    };
  }
  const data = document.toJS();
  const unstorable = findUnstorableText(data);
  if (unstorable) {
    const issue = { code: 'custom', path: unstorable, message: 'contains a NUL or a lone surrogate, which cannot be stored', input: undefined } as const;
    return { ok: false, errors: [locateIssue(issue, document, lineCounter, file)] };
  }
  const upgraded = upgradeWritten(data);
  if (upgraded instanceof AppError) {
    const issue = { code: 'custom' as const, path: ['formatVersion'], message: upgraded.localised.en, input: undefined };
    return { ok: false, errors: [locateIssue(issue, document, lineCounter, file)] };
  }
  const parsed = contestDefinitionSchema.safeParse(upgraded);
  if (parsed.success) return { ok: true, definition: parsed.data, source };
  return { ok: false, errors: parsed.error.issues.map((issue) => locateIssue(issue, document, lineCounter, file)) };
};

/** A file written in an older format (its `formatVersion`) is upgraded as a stored version would be. */
const upgradeWritten = (data: unknown): unknown => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const raw = data as RawDefinition;
  try {
    const { formatVersion: _written, ...upgraded } = upgradeDefinition(raw, declaredFormat(raw));
    return upgraded;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

export const loadDefinitionFile = async (file: string): Promise<LoadResult> => {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ file, line: 0, column: 0, path: '', message: `cannot read file: ${(error as Error).message}` }] };
  }
  return parseDefinition(source, file);
};

/** Points at the deepest node of the issue's path that exists: a missing key is reported at its parent. */
const locateIssue = (issue: z.core.$ZodIssue, document: Document, lineCounter: LineCounter, file: string): DefinitionError => {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  let offset = 0;
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      offset = node.range[0];
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col, path: formatPath(path), message: describeIssue(issue) };
};

/** Zod's messages say "Invalid input: expected number"; organisers read "expected a number". */
const describeIssue = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_type') {
    const received = issue.message.match(/received (\w+)/)?.[1];
    return `expected ${article(issue.expected)}${received && received !== 'undefined' ? `, got ${received}` : ''}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    return `unknown ${issue.discriminator}; ${issue.message}`;
  }
  return issue.message;
};

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
