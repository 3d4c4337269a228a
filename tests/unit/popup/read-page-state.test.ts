import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  answer: undefined as unknown,
  granted: new Set<string>(),
}));

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    tabs: {
      sendMessage: async () => {
        if (fake.answer instanceof Error) throw fake.answer;
        return fake.answer;
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) =>
        origins.every((origin) => fake.granted.has(origin)),
    },
  },
}));

const { findScriptableOrigin, readPageState, toOriginPattern } = await import(
  '../../../popup/read-page-state.ts'
);

const noContentScript = new Error('Could not establish connection. Receiving end does not exist.');

describe('read-page-state', () => {
  beforeEach(() => {
    fake.answer = undefined;
    fake.granted = new Set(['<all_urls>']);
  });

  describe('findScriptableOrigin', () => {
    it.each([
      ['https://news.example/a?b#c', 'https://news.example'],
      ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
      ['chrome://extensions/', undefined],
      ['about:addons', undefined],
      ['moz-extension://abc/popup/index.html', undefined],
      ['https://addons.mozilla.org/en-US/firefox/', undefined],
      ['https://chromewebstore.google.com/detail/x', undefined],
      ['https://chrome.google.com/webstore/detail/x', undefined],
      // Firefox keeps every extension out of these Mozilla sites.
      ['https://support.mozilla.org/en-US/kb/x', undefined],
      ['https://accounts.firefox.com/signin', undefined],
      ['not a url', undefined],
    ])('%s → %s', (url, origin) => {
      expect(findScriptableOrigin(url)).toBe(origin);
    });
  });

  describe('toOriginPattern', () => {
    it('drops the port, which match patterns do not carry', () => {
      expect(toOriginPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
      expect(toOriginPattern('https://news.example')).toBe('https://news.example/*');
    });
  });

  describe('readPageState', () => {
    it('gives the page entities when the content script answers', async () => {
      fake.answer = { active: true, entities: [], site: 'news.example' };
      expect(await readPageState({ id: 1, url: 'https://news.example/' } as never)).toEqual({
        kind: 'ready',
        page: { active: true, entities: [], site: 'news.example' },
      });
    });

    it('offers this site when its URL is known (activeTab) and access was withheld', async () => {
      fake.answer = noContentScript;
      fake.granted = new Set();
      expect(await readPageState({ id: 1, url: 'https://news.example/a' } as never)).toEqual({
        kind: 'no-access',
        origin: 'https://news.example',
      });
    });

    it('offers all sites when the URL is hidden and access to all sites is gone', async () => {
      fake.answer = noContentScript;
      fake.granted = new Set();
      expect(await readPageState({ id: 1 } as never)).toEqual({ kind: 'no-access', origin: undefined });
    });

    it('asks for a reload when access is there but the script is not (page opened before install)', async () => {
      fake.answer = noContentScript;
      fake.granted = new Set(['https://news.example/*']);
      expect(await readPageState({ id: 1, url: 'https://news.example/a' } as never)).toEqual({
        kind: 'not-loaded',
      });
    });

    it('says the page is still loading, not that it needs a reload, while it loads', async () => {
      fake.answer = noContentScript;
      fake.granted = new Set(['https://news.example/*']);
      expect(
        await readPageState({ id: 1, url: 'https://news.example/a', status: 'loading' } as never),
      ).toEqual({ kind: 'loading' });
      // Chromium hides the URL of a tab without the "tabs" permission: loading still shows.
      fake.granted = new Set(['<all_urls>']);
      expect(await readPageState({ id: 1, status: 'loading' } as never)).toEqual({ kind: 'loading' });
      // Without access, loading changes nothing: the reader still has to allow the site.
      fake.granted = new Set();
      expect(
        await readPageState({ id: 1, url: 'https://news.example/a', status: 'loading' } as never),
      ).toEqual({ kind: 'no-access', origin: 'https://news.example' });
    });

    it('calls browser pages and stores restricted', async () => {
      fake.answer = noContentScript;
      expect(await readPageState({ id: 1, url: 'chrome://settings' } as never)).toEqual({
        kind: 'restricted',
      });
      expect(await readPageState({ id: 1, url: 'https://addons.mozilla.org/' } as never)).toEqual({
        kind: 'restricted',
      });
      expect(await readPageState({ id: 1 } as never)).toEqual({ kind: 'restricted' });
      expect(await readPageState(undefined)).toEqual({ kind: 'restricted' });
    });
  });
});
