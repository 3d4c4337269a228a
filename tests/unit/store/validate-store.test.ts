import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/types.ts';
import {
  findSizeProblem,
  MAX_STORE_BYTES,
  parseStoreJson,
  validateStore,
} from '../../../src/store/validate-store.ts';

const FIXTURES = new URL('../../fixtures/stores/', import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function readValidPack(): Store {
  return JSON.parse(readFixture('valid-pack.json')) as Store;
}

/** Indexing that fails loudly, since fixtures are fixed and a miss means the fixture changed. */
function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in the fixture`);
  return item;
}

/** The problems of an input that must fail, as "path — message" lines for readable diffs. */
function listProblems(result: ReturnType<typeof validateStore>): string[] {
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.problems.map((problem) => `${problem.path} — ${problem.message}`);
}

// One fixture per rule: each breaks exactly the rule it is named after.
const INVALID_FIXTURES: { file: string; path: string; message: string; count?: number }[] = [
  {
    file: 'invalid-duplicate-id.json',
    path: '$.entities[2].id',
    message: 'id "meridian-institute" is used by entities[0] and entities[2]',
  },
  {
    file: 'invalid-dangling-relation.json',
    path: '$.entities[1].related[0].id',
    message: 'points to "meridian-institute-of-technology", but no entity in this store has that id',
  },
  {
    file: 'invalid-bad-date.json',
    path: '$.entities[0].facts[1].date',
    message: '"2021-02-29" is not a real calendar date',
  },
  {
    file: 'invalid-date-format.json',
    path: '$.entities[0].later[0].date',
    message: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
  },
  {
    file: 'invalid-javascript-url.json',
    path: '$.entities[0].facts[0].source.url',
    message: 'must be an http: or https: URL',
  },
  {
    file: 'invalid-data-url.json',
    path: '$.entities[0].link.url',
    message: 'must be an http: or https: URL; "data:" links are not allowed',
  },
  {
    file: 'invalid-user-in-url.json',
    path: '$.entities[1].facts[0].source.url',
    message: 'must not contain a user name or password',
  },
  {
    file: 'invalid-missing-source.json',
    path: '$.entities[0].later[0].source',
    message: 'required field "source" is missing',
  },
  {
    file: 'invalid-summary-length.json',
    path: '$.entities[1].summary',
    message: 'must be 20 to 400 characters long (it has 13)',
  },
  {
    file: 'invalid-strong-alias-clash.json',
    path: '$.entities[1].aliases[2].text',
    message: 'is also a strong alias of entities[0] ("meridian-institute")',
  },
  {
    file: 'invalid-markup.json',
    path: '$.entities[0].summary',
    message: 'must not contain markup (found "<b")',
  },
  {
    file: 'invalid-wrong-type.json',
    path: '$.entities[0].type',
    message: 'must be one of person, group, organization, place, event',
  },
  { file: 'invalid-schema-version.json', path: '$.schemaVersion', message: 'must be 1, not the number 2' },
  { file: 'invalid-json-syntax.json', path: '$', message: 'is not valid JSON' },
  {
    file: 'invalid-unknown-key.json',
    path: '$.entities[1].sumary',
    message: 'unknown field "sumary" (did you mean "summary"?)',
    count: 2,
  },
  { file: 'invalid-bad-id.json', path: '$.entities[1].id', message: 'must be kebab-case', count: 2 },
  {
    file: 'invalid-control-character.json',
    path: '$.entities[1].name',
    message: 'must not contain control characters (found U+0007',
  },
  { file: 'invalid-no-aliases.json', path: '$.entities[1].aliases', message: 'needs at least one alias' },
  {
    file: 'invalid-untrimmed-alias.json',
    path: '$.entities[1].aliases[1].text',
    message: 'must not start or end with spaces',
  },
  {
    file: 'invalid-text-too-long.json',
    path: '$.entities[0].facts[0].text',
    message: 'must be at most 2000 characters',
  },
  {
    file: 'invalid-strength.json',
    path: '$.entities[0].aliases[2].strength',
    message: 'must be "strong" or "weak", not text "medium"',
  },
  { file: 'invalid-empty-role.json', path: '$.entities[0].role', message: 'must not be empty' },
  { file: 'invalid-not-object.json', path: '$', message: 'must be an object, not a list' },
];

describe('validate-store', () => {
  describe('parseStoreJson', () => {
    it('accepts the valid example pack and returns it', () => {
      const result = parseStoreJson(readFixture('valid-pack.json'));
      expect(result.ok).toBe(true);
      expect(result.ok && result.store).toEqual(readValidPack());
    });

    it.each(INVALID_FIXTURES)('rejects $file at $path', ({ file, path, message, count = 1 }) => {
      const result = parseStoreJson(readFixture(file));
      const problems = listProblems(result);
      expect(problems).toHaveLength(count);
      expect(problems).toContainEqual(expect.stringContaining(`${path} — `));
      expect(problems.find((line) => line.startsWith(`${path} — `))).toContain(message);
    });

    it('gives the line and column of a JSON syntax error', () => {
      expect(listProblems(parseStoreJson(readFixture('invalid-json-syntax.json')))[0]).toMatch(
        /line 12, column 3/,
      );
    });

    it('refuses text over 5 MB before parsing it', () => {
      const huge = `{"schemaVersion":1,"pad":"${'x'.repeat(MAX_STORE_BYTES)}"}`;
      expect(listProblems(parseStoreJson(huge))).toEqual([
        expect.stringMatching(/^\$ — is at least 5\.0 MB; a store or pack may be at most 5\.0 MB$/),
      ]);
    });

    it('counts the limit in UTF-8 bytes, not characters', () => {
      const multiByte = `"${'ж'.repeat(Math.ceil(MAX_STORE_BYTES / 2) + 10)}"`;
      expect(listProblems(parseStoreJson(multiByte))[0]).toContain('a store or pack may be at most 5.0 MB');
    });

    it('reads a file saved with a byte-order mark', () => {
      expect(parseStoreJson(`\uFEFF${readFixture('valid-pack.json')}`).ok).toBe(true);
    });

    it('reports, not throws, for empty, deep and non-string input', () => {
      expect(listProblems(parseStoreJson(''))[0]).toContain('is not valid JSON');
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      expect(listProblems(parseStoreJson(deep))).toEqual(['$ — must be an object, not a list']);
      expect(listProblems(parseStoreJson(42 as unknown as string))).toEqual([
        '$ — must be JSON text, not the number 42',
      ]);
    });
  });

  describe('findSizeProblem', () => {
    it('accepts the limit itself and says how big anything over it is', () => {
      expect(findSizeProblem(MAX_STORE_BYTES)).toBeUndefined();
      expect(findSizeProblem(6 * 1024 * 1024)).toEqual({
        path: '$',
        message: 'is 6.0 MB; a store or pack may be at most 5.0 MB',
      });
    });
  });

  describe('validateStore', () => {
    it('returns a copy, so later changes to the input do not reach the store', () => {
      const input = readValidPack();
      const result = validateStore(input);
      at(input.entities, 0).name = 'Changed';
      expect(result.ok && result.store.entities[0]?.name).toBe('Meridian Institute for Steppe Studies');
    });

    it('lets relations point at known ids from the bundled store', () => {
      const pack = readValidPack();
      at(pack.entities, 1).related.push({ id: 'sergey-lavrov', label: 'met' });
      expect(listProblems(validateStore(pack))).toEqual([
        '$.entities[1].related[1].id — points to "sergey-lavrov", but no entity in this store has that id',
      ]);
      expect(validateStore(pack, { knownIds: new Set(['sergey-lavrov']) }).ok).toBe(true);
    });

    it('accepts relations to missing ids when asked, still refusing one to the entity itself', () => {
      const pack = readValidPack();
      at(pack.entities, 1).related.push({ id: 'removed-entity', label: 'met' });
      expect(validateStore(pack, { allowMissingRelated: true }).ok).toBe(true);
      at(at(pack.entities, 0).related, 0).id = 'meridian-institute';
      expect(listProblems(validateStore(pack, { allowMissingRelated: true }))).toEqual([
        '$.entities[0].related[0].id — points to the entity itself',
      ]);
    });

    it('rejects a relation to the entity itself', () => {
      const pack = readValidPack();
      at(at(pack.entities, 0).related, 0).id = 'meridian-institute';
      expect(listProblems(validateStore(pack))).toEqual([
        '$.entities[0].related[0].id — points to the entity itself',
      ]);
    });

    it('allows the same strong alias twice within one entity, and weak aliases shared', () => {
      const pack = readValidPack();
      at(pack.entities, 0).aliases.push({ text: 'MISS', strength: 'strong' });
      at(pack.entities, 1).aliases.push({ text: 'Meridian Institute', strength: 'weak' });
      expect(validateStore(pack).ok).toBe(true);
    });

    it('reports shape and cross-entity problems together, in one run', () => {
      const pack = readValidPack() as unknown as { entities: Record<string, unknown>[] };
      at(pack.entities, 1).id = 'meridian-institute';
      at(pack.entities, 1).type = 'human';
      expect(listProblems(validateStore(pack))).toEqual([
        '$.entities[1].type — must be one of person, group, organization, place, event; not text "human"',
        '$.entities[1].id — id "meridian-institute" is used by entities[0] and entities[1]',
        '$.entities[0].related[0].id — points to "aigerim-sadykova", but no entity in this store has that id',
        '$.entities[1].related[0].id — points to the entity itself',
      ]);
    });

    it('rejects a store with more than 2,000 entities without checking each', () => {
      const entity = readValidPack().entities[0];
      const input = { ...readValidPack(), entities: Array.from({ length: 2001 }, () => entity) };
      expect(listProblems(validateStore(input))).toEqual([
        '$.entities — has 2001 entities; at most 2000 are allowed',
      ]);
    });

    it('rejects an entity with more than 500 aliases', () => {
      const pack = readValidPack();
      at(pack.entities, 1).aliases = Array.from({ length: 501 }, (_, index) => ({
        text: `Alias ${index}`,
        strength: 'weak' as const,
      }));
      expect(listProblems(validateStore(pack))).toEqual([
        '$.entities[1].aliases — has 501 aliases; at most 500 are allowed',
      ]);
    });

    it('names the JSON type it got instead of the one it needs', () => {
      expect(listProblems(validateStore({ schemaVersion: 1, meta: null, entities: {} }))).toEqual([
        '$.meta — must be an object, not null',
        '$.entities — must be a list (a JSON array), not an object',
      ]);
      const pack = readValidPack() as unknown as { entities: Record<string, unknown>[] };
      at(pack.entities, 0).name = 7;
      at(pack.entities, 0).aliases = [{ text: 'MISS', strength: 'strong', caseSensitive: 'yes' }];
      expect(listProblems(validateStore(pack))).toEqual([
        '$.entities[0].name — must be text (a JSON string), not the number 7',
        '$.entities[0].aliases[0].caseSensitive — must be true or false, not text "yes"',
      ]);
    });

    it('quotes odd keys in paths, shortens huge ones and ignores __proto__ tricks', () => {
      const text = readFixture('valid-pack.json').replace('{', '{"__proto__": {"polluted": true},');
      expect(listProblems(parseStoreJson(text))).toEqual([
        '$.__proto__ — unknown field "__proto__"; allowed fields are schemaVersion, meta, entities',
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(listProblems(validateStore({ ...readValidPack(), 'a b': 1 }))[0]).toMatch(/^\$\["a b"\] — /);
      const long = listProblems(validateStore({ ...readValidPack(), [`k${'k'.repeat(1000)}`]: 1 }))[0] ?? '';
      expect(long.length).toBeLessThan(200);
    });

    it('never throws, whatever it is given', () => {
      const hostile = {
        get schemaVersion(): number {
          throw new Error('boom');
        },
      };
      expect(listProblems(validateStore(hostile))).toEqual(['$ — could not be checked: boom']);
      for (const input of [
        undefined,
        null,
        0,
        Number.NaN,
        '',
        'x'.repeat(1_000_000),
        [],
        true,
        Symbol('s'),
      ]) {
        expect(validateStore(input).ok).toBe(false);
      }
      fc.assert(
        fc.property(fc.anything(), (input) => {
          const result = validateStore(input);
          return !result.ok && result.problems.length > 0;
        }),
      );
    });

    it('never throws on a valid pack with one value replaced by arbitrary JSON', () => {
      const paths: (string | number)[][] = [
        ['schemaVersion'],
        ['meta'],
        ['entities', 0],
        ['entities', 0, 'aliases', 0],
        ['entities', 1, 'facts', 0, 'source'],
        ['entities', 0, 'related'],
      ];
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
          const pack: unknown = readValidPack();
          let parent = pack as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          parent[path.at(-1) as string | number] = value;
          const result = validateStore(pack);
          return result.ok || result.problems.every((problem) => problem.path.startsWith('$'));
        }),
        { numRuns: 300 },
      );
    });

    it('caps the problem list and says how many were left out', () => {
      const pack = readValidPack();
      const entity = at(pack.entities, 1);
      pack.entities = Array.from({ length: 600 }, (_, index) => ({
        ...entity,
        id: `x-${index}`,
        summary: 'short',
      }));
      const problems = listProblems(validateStore(pack));
      expect(problems).toHaveLength(501);
      expect(problems.at(-1)).toMatch(/^\$ — … and \d+ more problems not shown$/);
    });
  });
});
