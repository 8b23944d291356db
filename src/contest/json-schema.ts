import { z } from 'zod';
import { contestDefinitionSchema } from './schema/index.ts';
import { DEFINITION_FORMAT_VERSION } from './versions/format.ts';

/** The JSON Schema editors use to complete and check definitions (YAML language servers read it). */
export const definitionJsonSchema = () => {
  const schema = z.toJSONSchema(contestDefinitionSchema, { io: 'input', unrepresentable: 'any' });
  // Read before the schema applies (versions/format.ts), so the zod schema does not hold it.
  const formatVersion = {
    type: 'integer',
    minimum: 1,
    maximum: DEFINITION_FORMAT_VERSION,
    description: 'The definition format the file is written in; the current one when left out.',
  };
  return {
    ...schema,
    properties: { formatVersion, ...schema.properties },
    $id: 'https://leitai.dev/schema/contest-definition.json',
    title: 'Leitai contest definition',
  };
};
