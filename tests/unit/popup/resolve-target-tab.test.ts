import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  tabs: [
    { id: 7, active: true, url: 'https://news.example/story' },
    { id: 9, active: false, url: 'https://other.example/' },
  ],
  calls: [] as string[],
}));

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    tabs: {
      get: async (id: number) => {
        fake.calls.push(`get ${id}`);
        const tab = fake.tabs.find((candidate) => candidate.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return tab;
      },
      query: async (query: { active?: boolean }) => {
        fake.calls.push('query');
        return fake.tabs.filter((tab) => tab.active === query.active);
      },
    },
  },
}));

const { resolveTargetTab } = await import('../../../popup/resolve-target-tab.ts');

describe('resolve-target-tab', () => {
  beforeEach(() => {
    fake.calls = [];
  });

  describe('resolveTargetTab', () => {
    it('takes the active tab when the toolbar opens the popup with no query', async () => {
      expect((await resolveTargetTab(''))?.url).toBe('https://news.example/story');
      expect(fake.calls).toEqual(['query']);
    });

    it('takes the active tab when the tab parameter is empty or not a tab id', async () => {
      for (const search of ['?tab=', '?tab=abc', '?tab=-3', '?tab=1.5', '?other=2']) {
        expect((await resolveTargetTab(search))?.id, search).toBe(7);
      }
    });

    it('takes the named tab when the address gives one', async () => {
      expect((await resolveTargetTab('?tab=9'))?.url).toBe('https://other.example/');
      expect(fake.calls).toEqual(['get 9']);
    });

    it('finds nothing, rather than failing, for a tab that has closed', async () => {
      expect(await resolveTargetTab('?tab=42')).toBeUndefined();
    });
  });
});
