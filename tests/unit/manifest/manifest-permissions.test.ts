import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_PERMISSIONS, findManifestProblems } from './expected-manifest.ts';

const source = JSON.parse(readFileSync(resolve('manifest.json'), 'utf8')) as Record<string, unknown>;

describe('manifest.json', () => {
  describe('findManifestProblems', () => {
    it('finds none in the source manifest: exactly the expected permissions and nothing that widens them', () => {
      expect(findManifestProblems(source, 'source')).toEqual([]);
    });

    it('names every departure a careless change could make', () => {
      const widened = {
        ...source,
        permissions: [...Object.keys(EXPECTED_PERMISSIONS), 'tabs', 'scripting'],
        host_permissions: ['<all_urls>'],
        web_accessible_resources: [{ resources: ['x.js'], matches: ['<all_urls>'] }],
        externally_connectable: { matches: ['https://example.org/*'] },
        content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
      };
      const problems = findManifestProblems(widened, 'source').join('\n');
      for (const word of [
        'tabs',
        'scripting',
        'host_permissions',
        'web_accessible_resources',
        'externally_connectable',
        'content_security_policy',
      ])
        expect(problems).toContain(word);
    });
  });
});
