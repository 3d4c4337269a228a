import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStoreJsonSchema } from '../../../src/store/build-store-json-schema.ts';
import { parseStoreJson, validateStore } from '../../../src/store/validate-store.ts';

const FIXTURES = new URL('../../fixtures/stores/', import.meta.url);
const SCHEMA_FILE = new URL('../../../schema/store.schema.json', import.meta.url);

/**
 * Rules JSON Schema cannot state: they span entities, or need arithmetic (calendar dates) or a URL
 * parser. The runtime validator is the authority; the JSON Schema is a faithful subset.
 */
const RUNTIME_ONLY = new Set([
  'invalid-duplicate-id.json',
  'invalid-dangling-relation.json',
  'invalid-strong-alias-clash.json',
  'invalid-bad-date.json',
]);

function listFixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json') && file !== 'invalid-json-syntax.json')
    .sort();
}

describe('build-store-json-schema', () => {
  describe('buildStoreJsonSchema', () => {
    it('matches the published schema/store.schema.json (run `npm run validate-store -- --write-schema`)', () => {
      expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(buildStoreJsonSchema());
    });

    it('is a valid draft 2020-12 schema', () => {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      expect(ajv.validateSchema(buildStoreJsonSchema())).toBe(true);
    });

    const validateWithAjv = new Ajv2020({ strict: true, allErrors: true }).compile(
      JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')),
    );

    it.each(listFixtures())('agrees with the runtime validator on %s', (file) => {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      const runtimeOk = parseStoreJson(text).ok;
      const schemaOk = validateWithAjv(JSON.parse(text));
      expect({ runtimeOk, schemaOk }).toEqual({
        runtimeOk: file.startsWith('valid-'),
        schemaOk: file.startsWith('valid-') || RUNTIME_ONLY.has(file),
      });
    });

    it('accepts the bundled store', () => {
      const store: unknown = JSON.parse(
        readFileSync(new URL('../../../src/store/entities.json', import.meta.url), 'utf8'),
      );
      expect(validateWithAjv(store) ? [] : validateWithAjv.errors).toEqual([]);
    });

    it('never accepts at run time what the JSON Schema rejects, for any string in any field', () => {
      const pack: unknown = JSON.parse(readFileSync(new URL('valid-pack.json', FIXTURES), 'utf8'));
      const stringPaths = listStringPaths(pack);
      const tricky = fc.constantFrom(
        'https://example.org/a b',
        'HTTPS://EXAMPLE.ORG',
        'https:example.org',
        'https://user@example.org',
        'https://example.org\\@evil.test',
        '2021-02-29',
        '2020-02-29',
        'a <b> c',
        'a < b',
        ' padded',
        'line\nbreak',
        'tab\there',
        'zh-Hant-TW',
        'x-klingon',
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...stringPaths),
          fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 30 }), fc.webUrl()),
          (path, value) => {
            const copy = structuredClone(pack);
            setAt(copy, path, value);
            return !validateStore(copy).ok || validateWithAjv(copy) === true;
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});

type Path = (string | number)[];

function listStringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => listStringPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => listStringPaths(item, [...path, key]));
  }
  return [];
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) parent[last] = value;
}
