import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledStore } from '../../../src/store/load-store.ts';
import { parseStoreJson } from '../../../src/store/validate-store.ts';

// The extension does not validate its own store at run time; this test is what stands in for it.
describe('bundled store (src/store/entities.json)', () => {
  const text = readFileSync(new URL('../../../src/store/entities.json', import.meta.url), 'utf8');

  it('passes the store validator', () => {
    const result = parseStoreJson(text);
    // Printing the problems makes a failing CI run say what to fix.
    expect(result.ok ? [] : result.problems.map((problem) => `${problem.path} — ${problem.message}`)).toEqual(
      [],
    );
  });

  it('is what loadBundledStore returns', () => {
    expect(loadBundledStore()).toEqual(JSON.parse(text));
  });
});
