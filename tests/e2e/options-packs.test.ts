import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { findTextBox, readCardText, readHighlightedTexts, waitFor } from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';
import { type ExtensionPage, openExtensionTab, typeInto, waitUntilReady } from './popup-extension-pages.ts';

const STORES = resolve('tests/fixtures/stores');
const validPack = readFileSync(`${STORES}/valid-pack.json`, 'utf8');
const badPack = readFileSync(`${STORES}/invalid-bad-date.json`, 'utf8');

function readPackRows(options: ExtensionPage): Promise<{ name: string; count: string }[]> {
  return options.evaluate(`[...document.querySelectorAll('#pack-rows tr')].map((row) => ({
    name: row.querySelector('.name').textContent,
    count: row.querySelector('.count').textContent,
  }))`);
}

function readStoredPackCount(options: ExtensionPage): Promise<number> {
  return options.evaluate(`chrome.storage.local.get('packs').then((items) => (items.packs ?? []).length)`);
}

function readStoredPackNames(options: ExtensionPage): Promise<string[]> {
  return options.evaluate(
    `chrome.storage.local.get('packs').then((items) => (items.packs ?? []).map((pack) => pack.store.meta.name))`,
  );
}

/** A small pack of one made-up person, optionally related to other ids. */
function makePackText(name: string, id: string, person: string, related: string[] = []): string {
  return JSON.stringify({
    schemaVersion: 1,
    meta: { name, currentTo: '2024' },
    entities: [
      {
        id,
        name: person,
        type: 'person',
        summary: 'A person made up for this test.',
        role: 'None.',
        aliases: [{ text: person, strength: 'strong' }],
        facts: [],
        later: [],
        related: related.map((other) => ({ id: other, label: 'works with' })),
      },
    ],
  });
}

async function importPasted(options: ExtensionPage, text: string): Promise<void> {
  await typeInto(options, '#pack-text', text);
  await options.click('#pack-import');
}

describe.each(BROWSERS)('custom packs in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;
  let options: ExtensionPage;

  beforeAll(async () => {
    server = await serveFixtures(resolve('tests/fixtures/pages'));
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.origin}/pack-meridian.html`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0);
    options = await openExtensionTab(browser, 'options/index.html');
    await waitUntilReady(options);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks only bundled names before any pack is imported', async () => {
    const texts = await readHighlightedTexts(page);
    expect(texts).toContain('Sergey Lavrov');
    expect(texts).not.toContain('Aigerim Sadykova');
  });

  it('imports a valid pack, lists it, and an open page marks its names and opens their cards without a reload', async () => {
    await importPasted(options, validPack);
    const rows = await waitFor(async () => {
      const found = await readPackRows(options);
      return found.length ? found : undefined;
    });
    expect(rows).toEqual([{ name: 'Example pack (fictional): the Meridian Institute', count: '2' }]);
    expect(await readStoredPackCount(options)).toBe(1);
    const marked = await waitFor(async () => {
      const texts = await readHighlightedTexts(page);
      return texts.includes('Aigerim Sadykova') && texts.includes('Meridian Institute for Steppe Studies');
    }, 8_000);
    expect(marked).toBe(true);
    // The card comes from the background, which reads the pack from storage.
    const box = await findTextBox(page, '#p2', 'Aigerim Sadykova');
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    const card = await waitFor(() => readCardText(page), 5_000);
    expect(card).toContain('A fictional economist');
    await page.mouseMove(5, 790);
  });

  it('rejects an invalid pack with every problem and its JSON path, and changes nothing', async () => {
    await importPasted(options, badPack);
    const problems = await waitFor(async () => {
      const found = await options.evaluate<string[]>(
        `[...document.querySelectorAll('.problems li code')].map((code) => code.textContent)`,
      );
      return found.length ? found : undefined;
    });
    expect(problems?.length).toBeGreaterThan(0);
    for (const path of problems ?? []) expect(path).toMatch(/^\$/);
    expect(await readStoredPackCount(options)).toBe(1);
    expect(await readPackRows(options)).toHaveLength(1);
    // Not JSON at all: one problem at the root.
    await importPasted(options, '{ "schemaVersion": 1,');
    const root = await waitFor(() =>
      options.evaluate<string>(`document.querySelector('.problems li')?.textContent ?? ''`),
    );
    expect(root).toContain('not valid JSON');
    expect(await readStoredPackCount(options)).toBe(1);
  });

  it('reports ids taken by the bundled store or another pack instead of overwriting them', async () => {
    const pack = JSON.parse(validPack) as { meta: { name: string }; entities: { id: string }[] };
    pack.meta.name = 'Second pack';
    const first = pack.entities[0] as { id: string; name: string; aliases: { text: string }[] };
    first.id = 'sergey-lavrov';
    await importPasted(options, JSON.stringify(pack));
    const collisions = await waitFor(async () => {
      const found = await options.evaluate<string[]>(
        `[...document.querySelectorAll('.collisions li')].map((item) => item.textContent)`,
      );
      return found.length ? found : undefined;
    });
    expect(collisions).toHaveLength(2);
    expect(collisions?.join('\n')).toContain('sergey-lavrov');
    expect(collisions?.join('\n')).toContain('aigerim-sadykova');
    // The bundled Lavrov still answers for his id.
    const entity = await options.evaluate<{ name: string }>(
      `chrome.runtime.sendMessage({ type: 'cc:get-entity', id: 'sergey-lavrov' }).then((answer) => answer.entity)`,
    );
    expect(entity.name).toBe('Sergey Lavrov');
    const rows = await waitFor(async () => {
      const found = await readPackRows(options);
      return found.length === 2 ? found : undefined;
    });
    expect(rows?.[1]?.count).toMatch(/^0 /);
    await options.click('#pack-rows tr:nth-child(2) button:nth-of-type(2)');
    expect(await waitFor(async () => (await readPackRows(options)).length === 1)).toBe(true);
  });

  it('exports a pack as a JSON file', async () => {
    const exported = await options.evaluate<string>(`new Promise((done) => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob) => { blob.text().then(done); return original.call(URL, blob); };
      document.querySelector('#pack-rows tr button').click();
      URL.createObjectURL = original;
    })`);
    expect(JSON.parse(exported)).toEqual(JSON.parse(validPack));
  });

  it('removes a pack, and the page stops marking its names', async () => {
    await options.click('#pack-rows tr button:nth-of-type(2)');
    expect(await waitFor(async () => (await readPackRows(options)).length === 0)).toBe(true);
    expect(await readStoredPackCount(options)).toBe(0);
    const gone = await waitFor(async () => {
      const texts = await readHighlightedTexts(page);
      return !texts.includes('Aigerim Sadykova') && texts.includes('Sergey Lavrov');
    }, 8_000);
    expect(gone).toBe(true);
  });

  it('keeps a pack that links into a removed pack listed and stored, through the next import', async () => {
    await importPasted(options, makePackText('Pack A', 'alpha-one', 'Alpha Onesson'));
    expect(await waitFor(async () => (await readPackRows(options)).length === 1)).toBe(true);
    await importPasted(options, makePackText('Pack B', 'beta-one', 'Beta Twosson', ['alpha-one']));
    expect(await waitFor(async () => (await readPackRows(options)).length === 2)).toBe(true);
    await options.click('#pack-rows tr:nth-child(1) button:nth-of-type(2)');
    expect(await waitFor(async () => (await readStoredPackNames(options)).length === 1)).toBe(true);
    expect(await readStoredPackNames(options)).toEqual(['Pack B']);
    const rows = await waitFor(async () => {
      const found = await readPackRows(options);
      return found.length === 1 ? found : undefined;
    });
    // Still listed, with the link that now leads nowhere named.
    expect(rows?.map((row) => row.name.slice(0, 'Pack B'.length))).toEqual(['Pack B']);
    expect(rows?.[0]?.name).toContain('alpha-one');
    expect(rows?.[0]?.count).toBe('1');
    await importPasted(options, makePackText('Pack C', 'gamma-one', 'Gamma Threesson'));
    expect(await waitFor(async () => (await readPackRows(options)).length === 2)).toBe(true);
    expect(await readStoredPackNames(options)).toEqual(['Pack B', 'Pack C']);
    await options.evaluate(`chrome.storage.local.set({ packs: [] }).then(() => 1)`);
    expect(await waitFor(async () => (await readPackRows(options)).length === 0)).toBe(true);
  });
});
