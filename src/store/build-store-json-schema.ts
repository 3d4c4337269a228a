/**
 * Generates the published JSON Schema (schema/store.schema.json) from the runtime schema, so editors
 * and other tools can check packs. For the CLI and tests only: the extension never imports this
 * file, and @valibot/to-json-schema is a dev dependency.
 *
 * `check` actions hold rules JSON Schema cannot say in plain words; each comes with a `metadata`
 * action carrying its pattern and length limits, which the converter copies into the output.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import {
  aliasSchema,
  correctionSchema,
  datedFactSchema,
  entitySchema,
  relationSchema,
  sourceSchema,
  storeMetaSchema,
  storeSchema,
} from './store-schema.ts';

export function buildStoreJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = toJsonSchema(storeSchema, {
    target: 'draft-2020-12',
    // A record is a pipe of "not a list" then the object schema: describe the object.
    typeMode: 'output',
    ignoreActions: ['check'],
    // Named definitions make the schema readable and give editors names to show.
    definitions: {
      Source: sourceSchema,
      DatedFact: datedFactSchema,
      Correction: correctionSchema,
      Alias: aliasSchema,
      Relation: relationSchema,
      Entity: entitySchema,
      StoreMeta: storeMetaSchema,
    },
  });
  return { $schema, title, description, ...rest };
}
