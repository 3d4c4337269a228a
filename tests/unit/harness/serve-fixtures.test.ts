import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, serveFixtures } from '../../e2e/harness/serve-fixtures.ts';

// The bench and the browser tests load pages through this server; a folder given relatively
// once made it answer 404 for every page, which a benchmark then timed as if it were the page.
describe('the fixture server', () => {
  let folder: string;
  let server: FixtureServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cc-serve-'));
    mkdirSync(join(folder, 'corpus'));
    mkdirSync(join(folder, 'corpus-private'));
    writeFileSync(join(folder, 'corpus', 'saved.html'), '<p>A saved page</p>');
    writeFileSync(join(folder, 'corpus-private', 'secret.html'), '<p>Not for the corpus route</p>');
    // Both folders given relative to the working directory, as a command line would give them.
    server = await serveFixtures('tests/fixtures/pages', relative(process.cwd(), join(folder, 'corpus')));
  });

  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves fixture pages and corpus pages from folders given relatively', async () => {
    const fixture = await fetch(`${server.origin}/article.html`);
    expect(fixture.status).toBe(200);
    expect(await fixture.text()).toContain('Putin');
    const saved = await fetch(`${server.origin}/corpus/saved.html`);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toBe('<p>A saved page</p>');
    // Corpus pages keep their own scripts off.
    expect(saved.headers.get('content-security-policy')).toBe("script-src 'none'");
  });

  it('serves nothing outside the two folders, a sibling folder whose name starts alike included', async () => {
    const absolute = await serveFixtures(join(process.cwd(), 'tests/fixtures/pages'), join(folder, 'corpus'));
    try {
      for (const origin of [server.origin, absolute.origin]) {
        for (const path of [
          '/corpus/..%2fcorpus-private%2fsecret.html',
          '/corpus/..%2f..%2fpackage.json',
          '/..%2fpackage.json',
        ]) {
          const answer = await fetch(`${origin}${path}`);
          expect(answer.status, `${origin}${path}`).toBe(404);
        }
      }
      expect((await fetch(`${absolute.origin}/corpus/saved.html`)).status).toBe(200);
    } finally {
      await absolute.close();
    }
  });
});
