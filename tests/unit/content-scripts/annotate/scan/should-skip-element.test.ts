// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
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
});
