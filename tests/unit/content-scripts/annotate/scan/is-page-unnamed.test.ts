// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isPageUnnamed } from '../../../../../content-scripts/annotate/scan/is-page-unnamed.ts';
import type { Matcher } from '../../../../../src/matcher/compile-matcher.ts';

/** A matcher whose first look knows one name, "Taliban", and records what it was shown. */
function createLook(shown: string[]): Matcher {
  const has = (text: string) => /taliban/i.test(text);
  return {
    scanText: () => ({ mentions: [], confirmedIds: [] }),
    mayHaveMention: (text) => {
      shown.push(text);
      return has(text);
    },
    mayHaveAlias: has,
  };
}

const longScript = (words: string) =>
  `<script>var story = ${JSON.stringify(`${words} `.repeat(40))};</script>`;

describe('isPageUnnamed', () => {
  it('is true for a page whose text names no one, and false once it does', () => {
    document.body.innerHTML = '<p>Farmers met at the market.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(true);
    document.body.innerHTML = '<p>Farmers met the <b>Taliban</b>.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
  });

  it('leaves long scripts out of the text it looks at, and joins the text around them', () => {
    const shown: string[] = [];
    document.body.innerHTML = `<p>Farmers met.</p>${longScript('the Taliban said')}<p>Then rain.</p>`;
    expect(isPageUnnamed(document.documentElement, createLook(shown))).toBe(true);
    expect(shown.join('')).not.toContain('Taliban');
    document.body.innerHTML = `<p>They met the Tali${longScript('nothing here')}ban.</p>`;
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
  });

  it('is false when a short script or a drawing sits inside a name, which the walk reads whole', () => {
    document.body.innerHTML = '<p>They met the Tali<script>x()</script>ban.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
    document.body.innerHTML = '<p>They met the Tali<svg><text>1</text></svg>ban.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
    // A short script between words that make no name changes nothing.
    document.body.innerHTML = '<p>They met <script>x()</script>farmers.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(true);
  });

  it('reads a line break as nothing, so a name split by one is found', () => {
    document.body.innerHTML = '<p>They met the Tali<br>ban.</p>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
  });

  it('is false for a page with custom elements, or a matcher without the look', () => {
    document.body.innerHTML = '<p>Farmers met.</p><news-card>Quiet.</news-card>';
    expect(isPageUnnamed(document.documentElement, createLook([]))).toBe(false);
    document.body.innerHTML = '<p>Farmers met.</p>';
    expect(
      isPageUnnamed(document.documentElement, { scanText: () => ({ mentions: [], confirmedIds: [] }) }),
    ).toBe(false);
  });
});
