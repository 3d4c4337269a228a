// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findPackEntity } from '../../../background/find-entity.ts';
import { renderCard } from '../../../src/card/render-card.ts';
import { toPackIndex } from '../../../src/store/pack-storage.ts';
import type { Entity, Store } from '../../../src/store/types.ts';
import { parseStoreJson, validateStore } from '../../../src/store/validate-store.ts';

// Storage is not touched by what is tested here; the seam only has to load outside an extension.
vi.mock('../../../src/platform/browser.ts', () => ({ browser: {} }));

/** How many generated inputs each property sees; the figure in the README's Reliability section. */
const RUNS = 300;

const VALID_PACK = JSON.parse(
  readFileSync(resolve('tests/fixtures/stores/valid-pack.json'), 'utf8'),
) as Store;

/** Strings an attacker would put in a pack: markup, script, URLs with other schemes, control characters. */
const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '</style><style>*{display:none}</style>',
  '<iframe src="data:text/html,<script>alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
  '\u202Egnp.exe',
  '\u0000\u0007\u001b[31m',
  '&lt;b&gt;entity&lt;/b&gt;',
];
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome://settings',
  'blob:https://example.org/x',
  '//evil.example/x',
  'https://user:pass@example.org/',
  'http://[::1',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.tuple(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 40 })).map(([a, b]) => `${b}${a}${b}`),
);

/** Every path to a string in a value, for planting hostile text in each field in turn. */
function listStringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => listStringPaths(item, [...path, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => listStringPaths(item, [...path, key]));
  return [];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** The tags renderCard builds; anything else in a card came from data. */
const CARD_TAGS = new Set([
  'DIV',
  'HEADER',
  'H2',
  'H3',
  'SPAN',
  'BUTTON',
  'P',
  'SECTION',
  'UL',
  'LI',
  'TIME',
  'A',
  'FOOTER',
]);

/** Renders an entity the way the content script does and checks the card is only ours, with text as text. */
function expectSafeCard(entity: Entity): void {
  const card = renderCard(
    document,
    entity,
    {
      canGoBack: true,
      mentions: { count: 3, index: 1 },
      shortcut: 'Alt+Shift+K',
      nameOf: (id) => (id.length % 2 ? `Name of ${id}` : undefined),
      translate: (key) => key,
    },
    { onRelated: () => {}, onBack: () => {}, onClose: () => {}, onStep: () => {} },
  );
  for (const element of card.querySelectorAll('*')) {
    expect(CARD_TAGS.has(element.tagName), element.tagName).toBe(true);
    for (const attribute of element.getAttributeNames())
      expect(attribute.startsWith('on'), attribute).toBe(false);
    if (element.tagName === 'A') {
      const href = element.getAttribute('href') ?? '';
      expect(new URL(href).protocol, href).toMatch(/^https?:$/);
    }
  }
  // Store text reaches the card as text: the name is there literally, markup and all.
  expect(card.querySelector('h2')?.textContent).toBe(entity.name);
  expect(card.textContent).toContain(entity.summary);
}

describe('store packs under fuzzing', () => {
  describe('validateStore', () => {
    it('never throws on any JSON value and always explains a refusal', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
          const result = validateStore(input);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const problem of result.problems) {
              expect(problem.path).toMatch(/^\$/);
              expect(problem.message.length).toBeGreaterThan(0);
            }
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws on wrong types planted anywhere in a valid pack', () => {
      const paths = listStringPaths(VALID_PACK);
      fc.assert(
        fc.property(
          fc.constantFrom(...paths),
          fc.oneof(fc.anything(), fc.constant(null), fc.constant(undefined), fc.array(fc.anything())),
          (path, value) => {
            const pack = structuredClone(VALID_PACK);
            setAt(pack, path, value);
            const result = validateStore(pack);
            if (!result.ok) expect(result.problems.map((problem) => problem.message).join('')).not.toBe('');
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('refuses or renders as plain text any markup, script or URL in any text field', () => {
      const paths = listStringPaths(VALID_PACK);
      fc.assert(
        fc.property(
          fc.constantFrom(...paths),
          fc.oneof(hostileText, fc.constantFrom(...HOSTILE_URLS)),
          (path, value) => {
            const pack = structuredClone(VALID_PACK);
            setAt(pack, path, value);
            const result = validateStore(pack);
            if (!result.ok) {
              expect(result.problems.length).toBeGreaterThan(0);
              return;
            }
            for (const entity of result.store.entities) expectSafeCard(entity);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('refuses javascript:, data: and other non-web URLs in every URL field', () => {
      const urlPaths = listStringPaths(VALID_PACK).filter((path) => path.at(-1) === 'url');
      expect(urlPaths.length).toBeGreaterThan(3);
      for (const path of urlPaths) {
        for (const url of HOSTILE_URLS) {
          const pack = structuredClone(VALID_PACK);
          setAt(pack, path, url);
          const result = validateStore(pack);
          expect(result.ok, `${url} at ${path.join('.')}`).toBe(false);
        }
      }
    });

    it('reports duplicate ids and dangling relations, and does not change its input', () => {
      fc.assert(
        fc.property(fc.nat({ max: 1 }), fc.string({ minLength: 1, maxLength: 30 }), (index, dangling) => {
          const duplicate = structuredClone(VALID_PACK);
          const first = duplicate.entities[0] as Entity;
          duplicate.entities.push({
            ...structuredClone(first),
            aliases: [{ text: 'Unique alias x', strength: 'strong' }],
          });
          const frozen = deepFreeze(structuredClone(duplicate));
          const result = validateStore(frozen);
          expect(result.ok).toBe(false);
          expect(frozen).toEqual(duplicate);

          const relation = structuredClone(VALID_PACK);
          (relation.entities[index] as Entity).related.push({ id: `zz-${dangling}`, label: 'knows' });
          expect(validateStore(relation).ok).toBe(false);
        }),
        { numRuns: 50 },
      );
    });

    it('survives deep nesting and huge strings without throwing', () => {
      let deep: unknown = 'bottom';
      for (let depth = 0; depth < 100_000; depth++) deep = [deep];
      for (const input of [
        deep,
        { schemaVersion: 1, meta: deep, entities: [deep] },
        { ...VALID_PACK, entities: [{ ...VALID_PACK.entities[0], summary: 'x'.repeat(10_000_000) }] },
        { ...VALID_PACK, entities: Array.from({ length: 50_000 }, () => VALID_PACK.entities[0]) },
      ]) {
        const result = validateStore(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems[0]?.message).toBeTruthy();
      }
    });
  });

  describe('parseStoreJson', () => {
    it('never throws on arbitrary text and explains a refusal', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 5 })), (text) => {
          const result = parseStoreJson(text);
          if (!result.ok) expect(result.problems[0]?.message).toBeTruthy();
        }),
        { numRuns: RUNS },
      );
    });

    it('refuses a 10 MB file with a size message before parsing it', () => {
      const big = JSON.stringify({ ...VALID_PACK, padding: 'x'.repeat(10 * 1024 * 1024) });
      const started = performance.now();
      const result = parseStoreJson(big);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]?.message).toMatch(/MB/);
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    it('refuses JSON nested 100,000 levels deep without a stack overflow escaping', () => {
      const text = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
      const result = parseStoreJson(text);
      expect(result.ok).toBe(false);
    });
  });

  describe('stored packs read back from storage', () => {
    it('toPackIndex and findPackEntity never throw on corrupted values and yield only well-formed entries', () => {
      const corruptedPack = fc.oneof(
        fc.anything(),
        fc.record({ importedAt: fc.anything(), store: fc.anything() }),
        fc.record({
          store: fc.record({
            entities: fc.array(
              fc.oneof(
                fc.anything(),
                fc.record({
                  id: fc.oneof(fc.string(), fc.anything()),
                  name: fc.oneof(hostileText, fc.anything()),
                  type: fc.oneof(fc.constantFrom('person', 'place', 'nonsense'), fc.anything()),
                  aliases: fc.oneof(
                    fc.array(fc.record({ text: fc.anything(), strength: fc.anything() })),
                    fc.anything(),
                  ),
                }),
              ),
            ),
          }),
        }),
      );
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.array(corruptedPack)), fc.string(), (raw, id) => {
          for (const entry of toPackIndex(raw)) {
            expect(typeof entry.id).toBe('string');
            expect(typeof entry.name).toBe('string');
            expect(['person', 'group', 'organization', 'place', 'event']).toContain(entry.type);
            for (const alias of entry.aliases) expect(typeof alias.text).toBe('string');
          }
          const found = findPackEntity(raw, id);
          if (found) expectSafeCard(found.entity);
          if (found?.language !== undefined)
            expect(found.language).toMatch(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
