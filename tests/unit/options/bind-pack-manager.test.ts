// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Store } from '../../../src/store/types.ts';

/** An in-memory storage.local: the settings page keeps no other state. */
const storage = vi.hoisted(() => {
  const local = new Map<string, unknown>();
  return {
    local,
    area: {
      async get(key: string) {
        return local.has(key) ? { [key]: structuredClone(local.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
      },
    },
  };
});

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    storage: {
      local: storage.area,
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: {
      getMessage: (key: string, substitutions?: string | string[]) =>
        [key, ...[substitutions ?? []].flat()].join(' '),
      getUILanguage: () => 'en',
    },
  },
}));

const { bindPackManager } = await import('../../../options/bind-pack-manager.ts');
const { MAX_STORE_BYTES } = await import('../../../src/store/validate-store.ts');

/** The settings page's markup, without its script (the test binds the pack manager itself). */
const OPTIONS_BODY = (
  /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(resolve('options/index.html'), 'utf8'))?.[1] ?? ''
).replace(/<script[\s\S]*?<\/script>/g, '');

function makeEntity(id: string, name: string, related: Entity['related'] = []): Entity {
  return {
    id,
    name,
    type: 'person',
    summary: 'A person made up for this test.',
    role: 'None.',
    aliases: [{ text: name, strength: 'strong' }],
    facts: [],
    later: [],
    related,
  };
}

function makeStore(name: string, entities: Entity[]): Store {
  return { schemaVersion: 1, meta: { name, currentTo: '2024' }, entities };
}

const PACK_A = {
  importedAt: '2026-01-01T00:00:00.000Z',
  store: makeStore('A', [makeEntity('alpha-one', 'Alpha One')]),
};
const PACK_B = {
  importedAt: '2026-01-02T00:00:00.000Z',
  store: makeStore('B', [makeEntity('beta-one', 'Beta One', [{ id: 'alpha-one', label: 'works with' }])]),
};
const PACK_C = makeStore('C', [makeEntity('gamma-one', 'Gamma One')]);

/** A few turns of the event loop: handlers read storage, plan and write. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((done) => setTimeout(done, 0));
}

function readRows(): { name: string; text: string }[] {
  return [...document.querySelectorAll('#pack-rows tr')].map((row) => ({
    name: row.querySelector('.name > span')?.textContent ?? '',
    text: row.textContent ?? '',
  }));
}

function readStoredNames(): unknown[] {
  const packs = storage.local.get('packs');
  if (!Array.isArray(packs)) return [];
  return packs.map((pack: { store?: { meta?: { name?: unknown } } }) => pack.store?.meta?.name);
}

async function clickRemove(name: string): Promise<void> {
  const row = [...document.querySelectorAll('#pack-rows tr')].find(
    (each) => each.querySelector('.name > span')?.textContent === name,
  );
  const remove = [...(row?.querySelectorAll('button') ?? [])].find((button) =>
    button.textContent?.includes('optionsPackRemove'),
  );
  if (!remove) throw new Error(`no Remove button for ${name}`);
  remove.click();
  await settle();
}

async function importPasted(store: Store): Promise<void> {
  (document.getElementById('pack-text') as HTMLTextAreaElement).value = JSON.stringify(store);
  (document.getElementById('pack-import') as HTMLButtonElement).click();
  await settle();
}

describe('bind-pack-manager', () => {
  describe('bindPackManager', () => {
    beforeEach(() => {
      storage.local.clear();
      document.body.innerHTML = OPTIONS_BODY;
    });

    it('keeps a pack listed and stored when the pack its relations point to is removed', async () => {
      storage.local.set('packs', [structuredClone(PACK_A), structuredClone(PACK_B)]);
      const manager = bindPackManager();
      await manager.show();
      expect(readRows().map((row) => row.name)).toEqual(['A', 'B']);

      await clickRemove('A');
      expect(readStoredNames()).toEqual(['B']);
      await manager.show();
      expect(readRows().map((row) => row.name)).toEqual(['B']);
      // The row says which link no longer leads anywhere.
      expect(readRows()[0]?.text).toContain('alpha-one');

      await importPasted(PACK_C);
      expect(readStoredNames()).toEqual(['B', 'C']);
      await manager.show();
      expect(readRows().map((row) => row.name)).toEqual(['B', 'C']);
    });

    it('lists a damaged stored pack with what is wrong, keeps it through imports, and removes it on request', async () => {
      const damaged = {
        importedAt: '2025-12-31T00:00:00.000Z',
        store: { meta: { name: 'Broken' }, entities: 'no' },
      };
      storage.local.set('packs', [damaged, structuredClone(PACK_A)]);
      const manager = bindPackManager();
      await manager.show();
      expect(readRows().map((row) => row.name)).toEqual(['Broken', 'A']);
      expect(readRows()[0]?.text).toContain('$.entities');

      await importPasted(PACK_C);
      expect(readStoredNames()).toEqual(['Broken', 'A', 'C']);

      await manager.show();
      await clickRemove('Broken');
      expect(readStoredNames()).toEqual(['A', 'C']);
    });

    it('refuses a file over the size limit without reading it, saying why', async () => {
      storage.local.set('packs', [structuredClone(PACK_A)]);
      bindPackManager();
      const file = new File(['{}'], 'huge.json', { type: 'application/json' });
      Object.defineProperty(file, 'size', { value: MAX_STORE_BYTES + 1024 * 1024 });
      const read = vi.spyOn(file, 'text');
      const input = document.getElementById('pack-file') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
      expect(read).not.toHaveBeenCalled();
      const result = document.getElementById('pack-result')?.textContent ?? '';
      expect(result).toContain('optionsPackRejected');
      expect(result).toContain('is 6.0 MB; a store or pack may be at most 5.0 MB');
      expect(readStoredNames()).toEqual(['A']);
    });

    it('reports an entry whose strong alias the built-in store has as skipped, and does not store it', async () => {
      bindPackManager();
      const myKabul = makeEntity('my-kabul', 'My Kabul');
      myKabul.aliases.push({ text: 'KABUL', strength: 'strong' });
      await importPasted(makeStore('Cities', [myKabul, makeEntity('gamma-one', 'Gamma One')]));
      const skipped = [...document.querySelectorAll('#pack-result .collisions li')].map(
        (item) => item.textContent,
      );
      expect(skipped).toEqual(['optionsAliasClashBundled my-kabul My Kabul KABUL kabul']);
      expect(document.querySelector('#pack-result .imported')?.textContent).toBe(
        'optionsPackImportedOk Cities 1',
      );
      const [stored] = storage.local.get('packs') as { store: Store }[];
      expect(stored?.store.entities.map((entity) => entity.id)).toEqual(['gamma-one']);
    });

    it('refuses a pack that would make the name list too long for pages, and stores nothing', async () => {
      storage.local.set('packs', [structuredClone(PACK_A)]);
      bindPackManager();
      // 1,600 people with six names each: a valid pack well under 5 MB, but a name list every page
      // would take a long time to read.
      const people = Array.from({ length: 1_600 }, (_, index) => {
        const person = makeEntity(`person-${index}`, `Person Number ${index}`);
        for (let name = 0; name < 5; name++)
          person.aliases.push({ text: `Given${index} Family${name} Other${index}`, strength: 'strong' });
        return person;
      });
      await importPasted(makeStore('Census', people));
      const result = document.getElementById('pack-result')?.textContent ?? '';
      expect(result).toContain('optionsPackRejected');
      expect(result).toMatch(/would make the list of names every page reads [\d.]+ million characters long/);
      expect(readStoredNames()).toEqual(['A']);
      // A pack of ordinary size still goes in.
      await importPasted(PACK_C);
      expect(readStoredNames()).toEqual(['A', 'C']);
    });
  });
});
