import { z } from 'zod';
import { contestDefinitionSchema } from './schema/index.ts';

/** The JSON Schema editors use to complete and check definitions (YAML language servers read it). */
export const definitionJsonSchema = () => ({
  ...z.toJSONSchema(contestDefinitionSchema, { io: 'input', unrepresentable: 'any' }),
  $id: 'https://leitai.dev/schema/contest-definition.json',
  title: 'Leitai contest definition',
});
