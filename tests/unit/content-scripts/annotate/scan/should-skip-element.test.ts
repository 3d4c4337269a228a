// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  isInsideSkippedElement,
  isSkippedByAttributes,
  SKIP_ATTRIBUTES,
  shouldSkipElement,
} from '../../../../../content-scripts/annotate/scan/should-skip-element.ts';

describe('should-skip-element', () => {
  describe('isSkippedByAttributes', () => {
    const values = [null, '', 'true', 'false', 'until-found', 'plaintext-only', 'textbox', 'button'];

    it.each(SKIP_ATTRIBUTES)('decides from the values of %s as the live element is decided', (name) => {
      for (const value of values) {
        const element = document.createElement('div');
        if (value !== null) element.setAttribute(name, value);
        const decided = isSkippedByAttributes((asked) => (asked === name ? value : null));
        expect(decided, `${name}=${JSON.stringify(value)}`).toBe(shouldSkipElement(element));
      }
    });

    it('skips when any one attribute says so', () => {
      const attributes: Record<string, string> = { role: 'tab', 'aria-hidden': 'false', hidden: '' };
      expect(isSkippedByAttributes((name) => attributes[name] ?? null)).toBe(true);
    });
  });

  describe('isInsideSkippedElement', () => {
    it('sees content inside a shadow root whose host sits in hidden content', () => {
      document.body.innerHTML =
        '<div id="box" aria-hidden="true"><news-teaser id="teaser"></news-teaser></div>';
      const shadow = (document.getElementById('teaser') as HTMLElement).attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>Kabul</p>';
      const paragraph = shadow.querySelector('p') as HTMLElement;
      expect(isInsideSkippedElement(paragraph)).toBe(true);
      expect(isInsideSkippedElement(paragraph.firstChild as Text)).toBe(true);
      expect(isInsideSkippedElement(shadow)).toBe(true);
      (document.getElementById('box') as HTMLElement).removeAttribute('aria-hidden');
      expect(isInsideSkippedElement(paragraph)).toBe(false);
      expect(isInsideSkippedElement(shadow)).toBe(false);
    });
  });
});
