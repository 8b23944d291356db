/**
 * The definition format and its upgrades. A stored version keeps the format it was written in; when
 * the schema changes incompatibly, the format number goes up and an explicit upgrade function
 * brings older raw definitions to the new format before the strict parse. Parse-time defaults are
 * not used for this: a default silently decides what an old contest meant, an upgrade says so.
 */
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { contestDefinitionSchema, type ContestDefinition } from '../schema/index.ts';

/** The format this code writes and reads; raise it with every entry added to `definitionUpgrades`. */
export const DEFINITION_FORMAT_VERSION = 1;

export type RawDefinition = Record<string, unknown>;

/** Rewrites a raw definition of format `from` into format `to` (= from + 1). Pure, no defaults guessed silently. */
export interface DefinitionUpgrade {
  from: number;
  to: number;
  upgrade: (raw: RawDefinition) => RawDefinition;
}

/** Format 1 is the first: nothing to upgrade yet. Append, never edit, as the format moves on. */
export const definitionUpgrades: readonly DefinitionUpgrade[] = [];

export interface DefinitionFormat {
  current: number;
  upgrades: readonly DefinitionUpgrade[];
  schema: z.ZodType<ContestDefinition, unknown>;
}

export const currentFormat: DefinitionFormat = { current: DEFINITION_FORMAT_VERSION, upgrades: definitionUpgrades, schema: contestDefinitionSchema };

const formatTooNew = (written: number, current: number) =>
  new AppError(
    'contest.format_too_new',
    {
      zh: `赛事定义的格式版本 ${written} 比本程序支持的 ${current} 新，请升级擂台`,
      en: `The definition is in format ${written}, newer than the ${current} this Leitai reads; upgrade Leitai`,
    },
    422,
  );

const noUpgrade = (from: number) =>
  new AppError('contest.format_unknown', { zh: `没有从格式版本 ${from} 升级的方法`, en: `No upgrade from definition format ${from} is known` }, 422);

/** Brings a raw definition written in `written` to the current format through each upgrade in turn. */
export const upgradeDefinition = (raw: RawDefinition, written: number, format: DefinitionFormat = currentFormat): RawDefinition => {
  if (!Number.isInteger(written) || written < 1) throw noUpgrade(written);
  if (written > format.current) throw formatTooNew(written, format.current);
  let definition = raw;
  for (let at = written; at < format.current;) {
    const step = format.upgrades.find((u) => u.from === at);
    if (!step || step.to !== at + 1) throw noUpgrade(at);
    definition = { ...step.upgrade(definition), formatVersion: step.to };
    at = step.to;
  }
  return definition;
};

/** The format a raw definition declares; a file that names none is written in the current one. */
export const declaredFormat = (raw: RawDefinition, format: DefinitionFormat = currentFormat): number =>
  raw.formatVersion === undefined ? format.current : (raw.formatVersion as number);

/** Upgrades a stored or written definition and parses it strictly, with the current schema. */
export const readDefinition = (raw: RawDefinition, written: number, format: DefinitionFormat = currentFormat): ContestDefinition => {
  const { formatVersion: _declared, ...upgraded } = upgradeDefinition(raw, written, format);
  return format.schema.parse(upgraded);
};
