// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  LONG_CODE_CHARS,
  readPageText,
  splitPageText,
} from '../../../../../content-scripts/annotate/scan/read-page-text.ts';

const code = (tag: 'script' | 'style', label: string, length: number) =>
  `<${tag}>${`/*${label}*/`.padEnd(length, 'x')}</${tag}>`;

/** A body with visible text between long and short code, some of it nested in inline markup. */
function buildBody(): HTMLElement {
  document.body.innerHTML = [
    '<p>Talks in <b>Moscow</b> began.</p>',
    code('script', 'long-one', 2_000),
    '<div><span>Kabul</span> ',
    code('style', 'long-style', LONG_CODE_CHARS),
    'replied.</div>',
    code('script', 'short', 40),
    '<section><p>Later<br>that day',
    code('script', 'long-two', 900),
    '</p></section>',
    '<svg><text>drawn</text></svg>',
    'tail text',
  ].join('');
  return document.body;
}

function withoutCode(raw: string): string {
  return raw.replace(/\/\*long-[a-z]+\*\/x*/g, '');
}

describe('readPageText', () => {
  it('reads the text without long code, and knows where that code is in the textContent', () => {
    const body = buildBody();
    const raw = body.textContent ?? '';
    const read = readPageText(body);
    expect(read.clean).toBe(withoutCode(raw));
    expect(read.clean).toContain('/*short*/');
    expect(read.rawLength).toBe(raw.length);
    const cut = read.excluded.starts.map((start, index) => raw.slice(start, read.excluded.ends[index]));
    expect(cut.map((text) => text.slice(0, 12))).toEqual(['/*long-one*/', '/*long-style', '/*long-two*/']);
    expect([...read.excludedCode].map((element) => element.localName)).toEqual(['script', 'style', 'script']);
    expect(read.breaks).toHaveLength(1);
    expect(read.code).toHaveLength(4);
    expect(read.drawings).toHaveLength(1);
  });

  it('reads the same as cutting the long code out of the textContent', () => {
    const body = buildBody();
    const { clean, rawLength, excluded, excludedCode } = splitPageText(body, body.textContent ?? '');
    const read = readPageText(body);
    expect(read.clean).toBe(clean);
    expect(read.rawLength).toBe(rawLength);
    expect(read.excluded).toEqual(excluded);
    expect(read.excludedCode).toEqual(excludedCode);
  });

  it('reads a page without long code whole', () => {
    document.body.innerHTML = `<p>Kabul</p>${code('script', 'short', 100)}<p>Moscow</p>`;
    const read = readPageText(document.body);
    expect(read.clean).toBe(document.body.textContent);
    expect(read.excluded).toEqual({ starts: [], ends: [] });
  });

  it('leaves out a style a page script put inside a long script once, with the script', () => {
    document.body.innerHTML = `<p>before</p>${code('script', 'long-outer', 600)}<p>after</p>`;
    const script = document.body.querySelector('script') as HTMLScriptElement;
    const inner = document.createElement('style');
    inner.textContent = '/*long-inner*/'.padEnd(400, 'y');
    script.append(inner);
    const read = readPageText(document.body);
    expect(read.clean).toBe('beforeafter');
    expect(read.rawLength).toBe((document.body.textContent ?? '').length);
    expect(read.excludedCode.has(inner)).toBe(true);
  });
});
