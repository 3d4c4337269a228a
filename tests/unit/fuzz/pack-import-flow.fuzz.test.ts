// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../../src/store/types.ts';

/**
 * The whole import path of the settings page (bindPackManager: read the stored packs, plan,
 * write), driven through its textarea and button, over an in-memory extension storage. What a
 * user would notice: a refused pack leaves every stored key exactly as it was, and says why.
 */
const storage = vi.hoisted(() => {
  const areas = { local: new Map<string, unknown>(), sync: new Map<string, unknown>() };
  const area = (map: Map<string, unknown>) => ({
    async get(key: string | null) {
      if (key === null) return Object.fromEntries(map);
      return map.has(key) ? { [key]: structuredClone(map.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) map.set(key, structuredClone(value));
    },
  });
  return { areas, local: area(areas.local), sync: area(areas.sync) };
});

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    storage: {
      local: storage.local,
      sync: storage.sync,
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  },
}));

const { bindPackManager } = await import('../../../options/bind-pack-manager.ts');

const RUNS = 150;
const VALID_PACK = JSON.parse(
  readFileSync(resolve('tests/fixtures/stores/valid-pack.json'), 'utf8'),
) as Store;
/** The settings page's markup, without its script (the test binds the pack manager itself). */
const OPTIONS_BODY = (
  /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(resolve('options/index.html'), 'utf8'))?.[1] ?? ''
).replace(/<script[\s\S]*?<\/script>/g, '');
const STORED_PACK = { importedAt: '2026-01-02T03:04:05.000Z', store: VALID_PACK };
const SETTINGS = { enabled: true, theme: 'dark', hoverDelayMs: 700, disabledSites: ['example.org'] };

function snapshot(): string {
  return JSON.stringify({ local: [...storage.areas.local], sync: [...storage.areas.sync] });
}

async function importThroughPage(text: string): Promise<string> {
  const textarea = document.getElementById('pack-text') as HTMLTextAreaElement;
  textarea.value = text;
  (document.getElementById('pack-import') as HTMLButtonElement).click();
  // The click handler reads storage, plans and writes: a few turns of the event loop.
  for (let turn = 0; turn < 5; turn++) await new Promise((done) => setTimeout(done, 0));
  return document.getElementById('pack-result')?.textContent ?? '';
}

function plantAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

function listPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  return [path, ...Object.entries(value).flatMap(([key, child]) => listPaths(child, [...path, key]))].filter(
    (each) => each.length > 0,
  );
}

const malformedPack = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc
    .tuple(
      fc.constantFrom(...listPaths(VALID_PACK)),
      fc.oneof(fc.anything(), fc.constant(null), fc.constant('javascript:alert(1)'), fc.string()),
    )
    .map(([path, value]) => {
      const pack = structuredClone(VALID_PACK);
      plantAt(pack, path, value);
      return JSON.stringify(pack);
    }),
  fc.constant(JSON.stringify({ ...VALID_PACK, entities: [...VALID_PACK.entities, ...VALID_PACK.entities] })),
);

describe('importing a pack on the settings page, under fuzzing', () => {
  beforeEach(() => {
    storage.areas.local.clear();
    storage.areas.sync.clear();
    storage.areas.local.set('packs', [structuredClone(STORED_PACK)]);
    storage.areas.sync.set('settings', structuredClone(SETTINGS));
    document.body.innerHTML = OPTIONS_BODY;
  });

  it('leaves stored packs and settings exactly as they were when it refuses a pack, and says why', async () => {
    bindPackManager();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(malformedPack, async (text) => {
        const before = snapshot();
        const packsBefore = (storage.areas.local.get('packs') as unknown[]).length;
        const message = await importThroughPage(text);
        const packsAfter = (storage.areas.local.get('packs') as unknown[]).length;
        if (packsAfter === packsBefore) {
          refused++;
          expect(snapshot()).toBe(before);
          expect(message.trim().length).toBeGreaterThan(0);
        } else {
          // Some planted values are still valid (a string where a string goes): stored as one more pack.
          expect(packsAfter).toBe(packsBefore + 1);
          expect(JSON.stringify([...storage.areas.sync])).toBe(JSON.stringify([['settings', SETTINGS]]));
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
  });

  it('stores a valid pack after the existing ones, leaving the settings alone (the control case)', async () => {
    bindPackManager();
    const pack = structuredClone(VALID_PACK);
    pack.meta.name = 'Second pack';
    await importThroughPage(JSON.stringify(pack));
    const packs = storage.areas.local.get('packs') as { store: Store }[];
    expect(packs.map((stored) => stored.store.meta.name)).toEqual([VALID_PACK.meta.name, 'Second pack']);
    expect(storage.areas.sync.get('settings')).toEqual(SETTINGS);
  });
});
