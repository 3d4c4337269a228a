import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import {
  findTextBox,
  readCardText,
  readHighlightedTexts,
  readOuterHtml,
  readPristineHtml,
  saveScreenshot,
  sleep,
  waitFor,
} from './harness/page-helpers.ts';
import { type FixtureServer, serveFixtures } from './harness/serve-fixtures.ts';
import type { TestBrowser, TestPage } from './harness/test-browser.ts';

const PAGES_DIR = resolve('tests/fixtures/pages');
/** Pages whose own scripts change their DOM after load cannot be compared with a re-parse of their bytes. */
const SCRIPTED_PAGES = new Set(['react-ssr.html']);

async function openCardOn(page: TestPage, selector: string, text: string, expected = text): Promise<string> {
  const box = await findTextBox(page, selector, text);
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  // Wait for this name's card, not merely any card.
  return waitFor(async () => {
    const card = await readCardText(page);
    return card.includes(expected) ? card : '';
  }, 6_000);
}

async function closeCard(page: TestPage): Promise<void> {
  await page.mouseMove(2, 2);
  expect(await waitFor(async () => (await readCardText(page)) === '', 5_000), 'card closed').toBe(true);
}

/** 60 paragraphs of notes that name no one: 60 elements and about 3,000 characters. */
function filler(section: number): string {
  return Array.from(
    { length: 60 },
    (_, p) => `<p>Section ${section}, note ${p}: lorem ipsum dolor sit amet.</p>`,
  ).join('');
}

/** 60 sections of notes: over 3,000 elements and 16k characters, so the first pass is pruned. */
function writeNoteSections(): string[] {
  return Array.from({ length: 60 }, (_, section) => `<section>${filler(section)}</section>`);
}

describe.each(BROWSERS)('annotation in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let page: TestPage;

  async function load(path: string): Promise<void> {
    await page.goto(`${server.origin}/${path}`);
    await waitFor(async () => (await readHighlightedTexts(page)).length > 0, 5_000);
  }

  beforeAll(async () => {
    server = await serveFixtures(PAGES_DIR);
    browser = await launch();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a card for each entity type', async () => {
    await load('entity-types.html');
    const cases = [
      ['#person', 'Zamir Kabulov', 'Zamir Kabulov', 'Person'],
      ['#group', 'Taliban', 'Islamist movement', 'Group'],
      [
        '#organization',
        'Collective Security Treaty Organization',
        'Collective Security Treaty Organization',
        'Organisation',
      ],
      ['#place', 'Tajikistan', 'Tajikistan', 'Place'],
      ['#event', 'Moscow format', 'Moscow-format talks', 'Event'],
    ] as const;
    for (const [selector, text, name, type] of cases) {
      const card = await openCardOn(page, selector, text, name);
      expect(card, `${text} card`).toContain(type);
      expect(card).toContain('In this article');
      await closeCard(page);
    }
  });

  it("tells screen readers the card's text is English on a page in Russian", async () => {
    server.route(
      '/russian-page.html',
      '<!doctype html><html lang="ru"><meta charset="utf-8"><title>Новости</title>' +
        '<p id="news">Вчера Sergey Lavrov встретился с делегацией.</p></html>',
    );
    await load('russian-page.html');
    await openCardOn(page, '#news', 'Sergey Lavrov');
    // The language a screen reader would pick for the summary: the nearest lang up the tree.
    const spoken = await page.inCard<{ summary: string | null; page: string }>(`(root) => ({
      summary: root.querySelector('.summary')?.closest('[lang]')?.getAttribute('lang') ?? null,
      page: document.documentElement.lang,
    })`);
    expect(spoken).toEqual({ summary: 'en', page: 'ru' });
    await closeCard(page);
  });

  it('marks Kabul but not the Kabul inside Kabulov', async () => {
    await load('entity-types.html');
    const texts = await readHighlightedTexts(page);
    expect(texts.filter((text) => text === 'Kabul')).toHaveLength(1);
    expect(texts).toContain('Zamir Kabulov');
  });

  it('navigates to a related entity inside the card and back', async () => {
    await load('entity-types.html');
    await openCardOn(page, '#person', 'Zamir Kabulov');
    const clicked = await page.inCard<string>(`(root) => {
      const button = root.querySelector('button[data-related="russian-foreign-ministry"]');
      if (!button) return '';
      button.click();
      return button.textContent;
    }`);
    expect(clicked).toContain('Ministry');
    const title = await waitFor(async () => {
      const heading = await page.inCard<string>('(root) => root.querySelector("h2")?.textContent');
      return heading && heading !== 'Zamir Kabulov' ? heading : '';
    });
    expect(title).toMatch(/Foreign Affairs/);
    expect(await readCardText(page)).toContain('Sergey Lavrov');
    await page.inCard('(root) => root.querySelector("button.back")?.click()');
    const back = await waitFor(async () => {
      const title = await page.inCard<string>('(root) => root.querySelector("h2")?.textContent');
      return title === 'Zamir Kabulov' ? title : '';
    });
    expect(back).toBe('Zamir Kabulov');
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 2_000)).toBe(true);
  });

  it("gives a related entity's card no position of its own until Next or Previous picks a mention", async () => {
    await load('article.html');
    const total = (await readHighlightedTexts(page)).filter((text) => text === 'Taliban').length;
    expect(total).toBeGreaterThan(1);
    const readFooter = () => page.inCard<string>('(root) => root.querySelector(".count")?.textContent ?? ""');
    const openTaliban = async () => {
      await page.inCard('(root) => root.querySelector(\'button[data-related="taliban"]\')?.click()');
      return waitFor(async () => ((await readFooter())?.includes(`: ${total}`) ? readFooter() : ''));
    };
    await openCardOn(page, '#p2', 'Sergey Lavrov');
    // Reached from Lavrov's card: it belongs to none of the Taliban's mentions yet.
    expect(await openTaliban()).toBe(`Mentions on this page: ${total}`);
    await page.inCard('(root) => root.querySelector("button.next")?.click()');
    expect(
      await waitFor(async () =>
        (await readFooter()) === `Mention 1 of ${total} on this page` ? 'first' : '',
      ),
    ).toBe('first');
    expect(
      await page.evaluate<string[]>(
        `() => [...(CSS.highlights.get('cc-active') ?? [])].map((range) => range.toString())`,
      ),
    ).toEqual(['Taliban']);
    // Back to Lavrov, over to the Taliban again, and Previous: the last mention, not the one before it.
    await page.inCard('(root) => root.querySelector("button.back")?.click()');
    await waitFor(async () =>
      (await page.inCard<string>('(root) => root.querySelector("h2")?.textContent')) === 'Sergey Lavrov'
        ? 'back'
        : '',
    );
    await openTaliban();
    await page.inCard('(root) => root.querySelector("button.previous")?.click()');
    expect(
      await waitFor(async () =>
        (await readFooter()) === `Mention ${total} of ${total} on this page` ? 'last' : '',
      ),
    ).toBe('last');
    await page.press('Escape');
    expect(await waitFor(async () => (await readCardText(page)) === '', 2_000)).toBe(true);
    // Leave no pointer resting on a name for the next page to load under.
    await page.mouseMove(2, 2);
  });

  it('keeps every fixture page DOM byte-identical until a card opens, then adds only the card host', async () => {
    const pages = readdirSync(PAGES_DIR).filter(
      (file) => /\.x?html$/.test(file) && !SCRIPTED_PAGES.has(file),
    );
    expect(pages.length).toBeGreaterThan(4);
    for (const file of pages) {
      await page.goto(`${server.origin}/${file}`);
      await sleep(300);
      expect(await readOuterHtml(page), file).toBe(await readPristineHtml(page));
    }
    await load('article.html');
    const before = await readOuterHtml(page);
    await openCardOn(page, '#p2', 'Sergey Lavrov');
    const after = await readOuterHtml(page);
    expect(after).not.toBe(before);
    expect(after.replace(/<context-cards-host[^>]*><\/context-cards-host>/, '')).toBe(before);
    await closeCard(page);
  });

  it('keeps the card readable on a page whose CSS restyles every element', async () => {
    await load('card-hostile-css.html');
    const card = await openCardOn(page, '#p1', 'Sergey Lavrov');
    expect(card).toContain('Sergey Lavrov');
    const style = await page.inCard<{
      fontSize: string;
      color: string;
      position: string;
      width: number;
    }>(`(root) => {
      const card = root.querySelector('.card');
      const style = getComputedStyle(card);
      return { fontSize: style.fontSize, color: style.color, position: style.position, width: card.getBoundingClientRect().width };
    }`);
    expect(style?.fontSize).toBe('14px');
    expect(style?.color).not.toBe('rgb(255, 0, 0)');
    expect(style?.position).toBe('fixed');
    expect(style?.width).toBeGreaterThan(250);
    expect(style?.width).toBeLessThan(420);
    await saveScreenshot(page, `${name}-card-hostile-css`);
    await closeCard(page);
  });

  it('marks the few names of a page of thousands of elements, in text, a table and a component, and changes nothing', async () => {
    // Over 3,000 elements and 16k characters: the first pass goes only where a name can be
    // (content-scripts/annotate/scan/prune-text-regions.ts).
    const sections = writeNoteSections();
    sections[20] +=
      '<div><article><p id="deep">Sergey Lavrov met <b>Zamir</b> Kabulov in Moscow.</p></article></div>';
    sections[35] += '<news-teaser id="teaser"></news-teaser>';
    sections[50] +=
      '<table><tr><td>Drills</td><td id="cell">near the border with Tajikistan</td></tr></table>';
    server.route(
      '/thousands-of-elements.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body>${sections.join('')}
      <script>customElements.define('news-teaser', class extends HTMLElement {
        connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>Abdul Qahar Balkhi spoke.</p>'; }
      });</script></body></html>`,
    );
    await page.goto(`${server.origin}/thousands-of-elements.html`);
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).length >= 5, 8_000),
      'every name marked',
    ).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual([
      'Abdul Qahar Balkhi',
      'Moscow',
      'Sergey Lavrov',
      'Tajikistan',
      'Zamir Kabulov',
    ]);
    expect(await page.evaluate<number>(`() => document.getElementsByTagName('*').length`)).toBeGreaterThan(
      3_000,
    );
  });

  it('marks the names in a few rows of a long table and list, and the weak names there once the page confirms them', async () => {
    // Over 64 children and few candidates: the first pass finds their rows by measuring runs of
    // rows (prune-text-regions.ts, findSparseRegions). "Sheikh Delawar" is a weak name that
    // nothing confirms until the page adds "Mawlawi".
    const rows = Array.from({ length: 1_200 }, (_, index) => {
      if (index === 400) return '<tr><td>Trade</td><td>sent to Moscow</td></tr>';
      if (index === 900) return '<tr><td>Visit</td><td><a href="#v">Sergey Lavrov</a> watched</td></tr>';
      if (index % 300 === 150) return `<tr><td>Note ${index}</td><td>Sheikh Delawar wrote</td></tr>`;
      return `<tr><td>Team ${index}</td><td>signed a forward from Delaware</td></tr>`;
    }).join('');
    const items = Array.from({ length: 600 }, (_, index) =>
      index === 300 ? '<li>Report from <b>Tajik</b>istan.</li>' : `<li>Reference ${index}, lorem ipsum.</li>`,
    ).join('');
    server.route(
      '/long-table.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Transactions</title></head>
      <body><h1>Transactions</h1><table><tbody>${rows}</tbody></table><ol>${items}</ol></body></html>`,
    );
    await page.goto(`${server.origin}/long-table.html`);
    expect(await waitFor(async () => (await readHighlightedTexts(page)).length >= 3, 8_000)).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Moscow', 'Sergey Lavrov', 'Tajikistan']);
    await page.evaluate(`() => document.body.insertAdjacentHTML('beforeend', '<p>Mawlawi spoke.</p>')`);
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).length >= 7, 5_000),
      'the weak names marked once confirmed',
    ).toBe(true);
    expect((await readHighlightedTexts(page)).sort()).toEqual([
      'Moscow',
      'Sergey Lavrov',
      'Sheikh Delawar',
      'Sheikh Delawar',
      'Sheikh Delawar',
      'Sheikh Delawar',
      'Tajikistan',
    ]);
  });

  it('marks every name of a page of thousands of elements whose top keeps growing while it is read', async () => {
    // The first pass finds where names can be in the text it read at its start; text the page adds
    // above them later moves them. Each name opens its section, so any growth above it puts its old
    // position in the section before. The last section is large and clean, as a page's footer of
    // links is, so the sizes still add up.
    const sections = writeNoteSections();
    sections[20] = `<section><p>Sergey Lavrov spoke first.</p>${filler(20)}</section>`;
    sections[35] = `<section><p>Drills in Tajikistan went on.</p>${filler(35)}</section>`;
    sections[50] = `<section><p>Zamir Kabulov replied.</p>${filler(50)}</section>`;
    sections.push(
      `<footer>${Array.from({ length: 12 }, (_, index) => filler(100 + index)).join('')}</footer>`,
    );
    server.route(
      '/growing-top.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Growing page</title>
      <script>
        document.addEventListener('DOMContentLoaded', () => {
          const text = document.getElementById('ticker').firstChild;
          const started = Date.now();
          const timer = setInterval(() => {
            text.appendData(' lorem ipsum dolor sit amet, lorem ipsum dolor sit amet.');
            if (Date.now() - started > 4000) { clearInterval(timer); document.body.dataset.settled = 'yes'; }
          }, 5);
        });
      </script></head><body><p id="ticker">Latest:</p>${sections.join('')}</body></html>`,
    );
    await page.goto(`${server.origin}/growing-top.html`);
    expect(
      await waitFor(() => page.evaluate<boolean>(`() => document.body.dataset.settled === 'yes'`), 10_000),
      'the page stopped growing',
    ).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual([
      'Sergey Lavrov',
      'Tajikistan',
      'Zamir Kabulov',
    ]);
  });

  it('marks names inside an open shadow root and opens their card', async () => {
    await load('open-shadow-root.html');
    const texts = await readHighlightedTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['Kabul', 'Sergey Lavrov']));
    const box = await page.evaluate<{ x: number; y: number; width: number; height: number }>(`() => {
      const root = document.getElementById('teaser').shadowRoot;
      const text = root.getElementById('inside').firstChild;
      const range = document.createRange();
      const at = text.data.indexOf('Sergey Lavrov');
      range.setStart(text, at);
      range.setEnd(text, at + 'Sergey Lavrov'.length);
      const rect = range.getClientRects()[0];
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }`);
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitFor(() => readCardText(page), 4_000)).toContain('Sergey Lavrov');
    await closeCard(page);
  });

  it('marks names in a component that is defined, and fills its shadow root, after the page settled', async () => {
    await load('late-component.html');
    expect(await readHighlightedTexts(page)).toEqual(['Kabul']);
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).includes('Sergey Lavrov'), 8_000),
      'the late component is marked',
    ).toBe(true);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Kabul', 'Sergey Lavrov']);
  });

  it('keeps one mark per name inside a shadow root when the text around its host changes', async () => {
    await load('open-shadow-root.html');
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Kabul', 'Sergey Lavrov']);
    // New text beside the component: the block holding its host is scanned again.
    await page.evaluate(`() => document.body.append(' Later that day, Moscow replied.')`);
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).includes('Moscow'), 5_000),
      'the new name is marked',
    ).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Kabul', 'Moscow', 'Sergey Lavrov']);

    // The component leaves the page: its names go with it. It comes back: marked once again.
    await page.evaluate(`() => {
      window.teaser = document.getElementById('teaser');
      window.teaser.remove();
    }`);
    expect(
      await waitFor(async () => !(await readHighlightedTexts(page)).includes('Sergey Lavrov'), 5_000),
      'the removed component is unmarked',
    ).toBe(true);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Kabul', 'Moscow']);
    await page.evaluate(`() => document.body.append(window.teaser)`);
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).includes('Sergey Lavrov'), 5_000),
      'the returned component is marked',
    ).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Kabul', 'Moscow', 'Sergey Lavrov']);
  });

  it('marks a weak name in a component once, after the component left and came back before the page confirmed it', async () => {
    server.route(
      '/weak-in-component.html',
      '<!doctype html><title>t</title><p>No names here yet.</p><div id="box"></div>',
    );
    await page.goto(`${server.origin}/weak-in-component.html`);
    await sleep(300);
    // "Lavrov" alone is weak: it waits until the page names Sergey Lavrov in full.
    await page.evaluate(`() => {
      window.note = document.createElement('news-note');
      window.note.attachShadow({ mode: 'open' }).innerHTML = '<p>Lavrov spoke first.</p>';
      document.getElementById('box').append(window.note);
    }`);
    await sleep(300);
    await page.evaluate(`() => window.note.remove()`);
    await sleep(300);
    await page.evaluate(`() => document.getElementById('box').append(window.note)`);
    await sleep(300);
    expect(await readHighlightedTexts(page)).toEqual([]);
    await page.evaluate(
      `() => document.body.insertAdjacentHTML('beforeend', '<p>Sergey Lavrov arrived.</p>')`,
    );
    expect(
      await waitFor(async () => (await readHighlightedTexts(page)).includes('Sergey Lavrov'), 5_000),
      'the full name is marked',
    ).toBe(true);
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Lavrov', 'Sergey Lavrov']);
  });

  it('marks only text on the page, not the title in its head', async () => {
    // article.html's <title> names Moscow and the Taliban.
    await load('article.html');
    await sleep(300);
    const outside = await page.evaluate<string[]>(`() => {
      const out = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!String(name).startsWith('cc-')) return;
        highlight.forEach((range) => {
          if (!document.body.contains(range.startContainer)) out.push(range.toString());
        });
      });
      return out;
    }`);
    expect(outside).toEqual([]);
    expect(await readHighlightedTexts(page)).toContain('Moscow');
  });

  it('marks the names of a long page, not those in the scripts of its head, and names a page put beside its body', async () => {
    // The first look and the pruned pass read the body alone when the head is all that is beside
    // it (content-scripts/annotate/scan/find-page-root.ts).
    const people = Array.from({ length: 40 }, () => '"Vladimir Putin", "Taliban", "Kabul"').join(', ');
    const sections = writeNoteSections();
    sections[30] += '<p>Drills near the border with <i>Tajik</i>istan.</p>';
    server.route(
      '/head-scripts.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title>
      <script type="application/ld+json">{"about": [${people}]}</script></head><body>${sections.join('')}</body></html>`,
    );
    await page.goto(`${server.origin}/head-scripts.html`);
    expect(await waitFor(async () => (await readHighlightedTexts(page)).length > 0, 8_000)).toBe(true);
    await sleep(300);
    expect(await readHighlightedTexts(page)).toEqual(['Tajikistan']);

    // The page's own script puts content beside the body before we start: an element, or text.
    const beside = {
      element: `const aside = document.createElement('aside'); aside.textContent = 'Talks in Kabul.'; document.documentElement.append(aside);`,
      text: `document.documentElement.append('Talks in Kabul.');`,
    };
    for (const [kind, script] of Object.entries(beside)) {
      server.route(
        `/beside-body-${kind}.html`,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body>${filler(1)}<script>${script}</script></body></html>`,
      );
      await page.goto(`${server.origin}/beside-body-${kind}.html`);
      expect(
        await waitFor(async () => (await readHighlightedTexts(page)).length > 0, 5_000),
        `a name in ${kind} beside the body`,
      ).toBe(true);
      expect(await readHighlightedTexts(page)).toEqual(['Kabul']);
    }
  });

  it('marks the names of a page whose body is full of long scripts, and none of the names in them', async () => {
    // With long scripts in the body, its text is read between them (read-page-text.ts), both on a
    // short page (the first look only) and on one past 3,000 elements (the pruned pass too).
    const people = Array.from({ length: 30 }, () => '"Vladimir Putin", "Sergey Lavrov", "Moscow"').join(', ');
    const data = (index: number) =>
      `<script type="application/json" id="data-${index}">{"about": [${people}]}</script>`;
    for (const [kind, count] of [
      ['short', 4],
      ['long', 60],
    ] as const) {
      const sections = Array.from(
        { length: count },
        (_, index) => `<section>${filler(index)}</section>${data(index)}`,
      );
      sections[1] += '<p>Officials met in Kabul.</p>';
      sections[2] += `<p>Envoys spoke to the Taliban${data(99)} in the capital.</p>`;
      server.route(
        `/body-scripts-${kind}.html`,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body>${data(100)}${sections.join('')}${data(101)}</body></html>`,
      );
      await page.goto(`${server.origin}/body-scripts-${kind}.html`);
      expect(await waitFor(async () => (await readHighlightedTexts(page)).length >= 2, 8_000), kind).toBe(
        true,
      );
      await sleep(300);
      expect((await readHighlightedTexts(page)).sort(), kind).toEqual(['Kabul', 'Taliban']);
    }
    // Names in the scripts alone: nothing is marked.
    server.route(
      '/body-scripts-only.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body>${filler(0)}${data(0)}<p id="last">End of notes.</p>${data(1)}</body></html>`,
    );
    await page.goto(`${server.origin}/body-scripts-only.html`);
    await sleep(1_000);
    expect(await readHighlightedTexts(page)).toEqual([]);
  });

  it('reads a page served as XHTML like an HTML one: names across inline tags, nothing in code or fields', async () => {
    // In XML documents tagName keeps the source's case ("b", "script"), not upper case.
    await load('xhtml-article.xhtml');
    await sleep(300);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Tajikistan', 'Vladimir Putin']);
    expect(await openCardOn(page, '#tail', 'Tajikistan')).toContain('Tajikistan');
    await closeCard(page);
  });

  it('leaves contenteditable regions, textareas and inputs alone', async () => {
    await load('editable-fields.html');
    const texts = await readHighlightedTexts(page);
    expect(texts.sort()).toEqual(['Central Asia', 'Kabul']);
    await page.evaluate(`() => {
      const editor = document.querySelector('#editor p');
      editor.append(' More about Moscow.');
    }`);
    await sleep(500);
    expect((await readHighlightedTexts(page)).sort()).toEqual(['Central Asia', 'Kabul']);
  });

  it('leaves a page that names no one unmarked and unchanged, then marks what it adds, weak names its old text confirms included', async () => {
    await page.goto(`${server.origin}/quiet-page.html`);
    await sleep(500);
    expect(await readHighlightedTexts(page)).toEqual([]);
    const before = await page.evaluate<string>('() => document.body.innerHTML');
    // "Security Council" is a weak name: the page's earlier "sanctions" confirms it.
    await page.evaluate(`() => {
      const late = document.createElement('p');
      late.id = 'late';
      late.innerHTML = 'The <b>Security</b> Council met in Mos<i>cow</i>.';
      document.body.append(late);
    }`);
    const texts = await waitFor(async () => {
      const found = await readHighlightedTexts(page);
      return found.length >= 2 ? found : undefined;
    }, 3_000);
    expect(texts?.sort()).toEqual(['Moscow', 'Security Council']);
    const after = await page.evaluate<string>('() => document.body.innerHTML');
    expect(after).toBe(`${before}<p id="late">The <b>Security</b> Council met in Mos<i>cow</i>.</p>`);
  });

  it('annotates paragraphs that an infinite-scroll page appends', async () => {
    await page.goto(`${server.origin}/infinite-scroll.html`);
    await sleep(300);
    expect(await readHighlightedTexts(page)).toEqual([]);
    await page.evaluate('() => { window.loadMore(); window.loadMore(); }');
    const texts = await waitFor(async () => {
      const found = await readHighlightedTexts(page);
      return found.length >= 2 ? found : undefined;
    }, 3_000);
    expect(texts?.sort()).toEqual(['CSTO', 'Sergey Lavrov']);
    await page.evaluate('() => document.querySelector(".loaded").remove()');
    await waitFor(async () => (await readHighlightedTexts(page)).length === 1, 3_000);
    expect(await readHighlightedTexts(page)).toEqual(['CSTO']);
  });
});
