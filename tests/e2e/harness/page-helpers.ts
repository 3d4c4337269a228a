import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestBrowser, TestPage } from './test-browser.ts';

export const ARTIFACTS_DIR = resolve('artifacts');

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The viewport box of the first occurrence of `text` inside the element matching `selector`. */
export async function findTextBox(page: TestPage, selector: string, text: string): Promise<Box> {
  const box = await page.evaluate<Box | null>(`() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let joined = '';
    const nodes = [];
    while (walker.nextNode()) { nodes.push([walker.currentNode, joined.length]); joined += walker.currentNode.data; }
    const at = joined.indexOf(${JSON.stringify(text)});
    if (at < 0) return null;
    const locate = (offset) => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]]; };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + ${JSON.stringify(text)}.length - 1));
    range.setEnd(range.endContainer, range.endOffset + 1);
    const rect = range.getClientRects()[0];
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }`);
  if (!box) throw new Error(`"${text}" not found in ${selector}`);
  return box;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Polls until `check` returns a truthy value or the time is up; returns the last value. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 5_000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await check();
  while (!value && Date.now() < end) {
    await sleep(stepMs);
    value = await check();
  }
  return value;
}

/** Our highlights as the page sees them: name → number of ranges. */
export function readHighlights(page: TestPage): Promise<Record<string, number>> {
  return page.evaluate(`() => {
    const out = {};
    if (!globalThis.CSS || !CSS.highlights) return out;
    CSS.highlights.forEach((highlight, name) => { if (String(name).startsWith('cc-')) out[name] = highlight.size; });
    return out;
  }`);
}

/** The texts of every range in our highlights, in no particular order. */
export function readHighlightedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(`() => {
    const out = [];
    CSS.highlights.forEach((highlight, name) => {
      if (String(name).startsWith('cc-') && name !== 'cc-active') highlight.forEach((range) => out.push(range.toString()));
    });
    return out;
  }`);
}

/** The page's DOM as serialised HTML. */
export function readOuterHtml(page: TestPage): Promise<string> {
  return page.evaluate('() => document.documentElement.outerHTML');
}

/**
 * The same page parsed again from its bytes by the browser's own parser, with
 * no extension involved: what outerHTML must equal while no card is open.
 */
export function readPristineHtml(page: TestPage): Promise<string> {
  return page.evaluate(`async () => {
    const html = await (await fetch(location.href)).text();
    // Declarative shadow roots need parseHTMLUnsafe to be attached as the live parser did;
    // elsewhere DOMParser, because Chromium's parseHTMLUnsafe drops comments.
    // A page served as XHTML is parsed as XML, as the browser did.
    const parsed = document.contentType === 'application/xhtml+xml'
      ? new DOMParser().parseFromString(html, 'application/xhtml+xml')
      : html.includes('shadowrootmode') && typeof Document.parseHTMLUnsafe === 'function'
        ? Document.parseHTMLUnsafe(html)
        : new DOMParser().parseFromString(html, 'text/html');
    return parsed.documentElement.outerHTML;
  }`);
}

/**
 * The open card's visible text, or '' when no card is open. A card built during the hover delay
 * waits hidden (class `staged`) until the delay ends: it is not open yet.
 */
export async function readCardText(page: TestPage): Promise<string> {
  return (
    (await page.inCard<string>('(root) => root.querySelector(".card:not(.staged)")?.textContent ?? ""')) ?? ''
  );
}

export async function saveScreenshot(page: TestPage, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await sleep(250); // let the card's 120 ms fade-in finish
  await page.screenshot(path);
  return path;
}

/** Writes the extension's settings from one of its own pages, as the popup and settings page do. */
export async function writeSettings(browser: TestBrowser, patch: Record<string, unknown>): Promise<void> {
  const extensionPage = await browser.openExtensionPage('options/index.html');
  await extensionPage.evaluate(`async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const current = (await api.storage.sync.get('settings')).settings ?? {};
    await api.storage.sync.set({ settings: { ...current, ...${JSON.stringify(patch)} } });
  }`);
  await extensionPage.close();
}
