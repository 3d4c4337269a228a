import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  answer: undefined as unknown,
  badge: new Map<number, string>(),
  titles: new Map<number, string>(),
  settings: undefined as unknown,
  sent: [] as unknown[],
}));

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    i18n: { getMessage: (key: string, substitutions?: string | string[]) => `${key}:${substitutions ?? ''}` },
    tabs: {
      sendMessage: async (_tabId: number, message: { type: string }) => {
        fake.sent.push(message);
        if (message.type === 'cc:list-page-entities')
          return { active: true, entities: [{ id: 'kabul', name: 'Kabul', type: 'place', count: 3 }] };
        if (fake.answer instanceof Error) throw fake.answer;
        return fake.answer;
      },
    },
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) =>
        void fake.badge.set(tabId, text),
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) =>
        void fake.titles.set(tabId, title),
    },
    storage: {
      sync: { get: async () => (fake.settings === undefined ? {} : { settings: fake.settings }) },
      local: { get: async () => ({}) },
    },
  },
}));

const { lookUpSelection } = await import('../../../background/create-lookup-menu.ts');
const { NOT_FOUND_MS, setMentionBadge } = await import('../../../background/update-badge.ts');

describe('create-lookup-menu', () => {
  beforeEach(() => {
    fake.answer = undefined;
    fake.badge.clear();
    fake.titles.clear();
    fake.sent = [];
    fake.settings = undefined;
  });

  describe('lookUpSelection', () => {
    it('asks the top frame and leaves the badge alone when the text names an entity', async () => {
      fake.answer = { found: true };
      expect(await lookUpSelection(4, '  Lavrov ')).toBe(true);
      expect(fake.sent).toEqual([{ type: 'cc:lookup-text', text: 'Lavrov' }]);
      expect(fake.badge.has(4)).toBe(false);
    });

    it('shows "?" with a tooltip for a while when nothing matched, then the count again', async () => {
      vi.useFakeTimers();
      fake.answer = { found: false };
      expect(await lookUpSelection(4, 'nothing here')).toBe(false);
      expect(fake.badge.get(4)).toBe('?');
      expect(fake.titles.get(4)).toBe('lookupNotFound:nothing here');
      await vi.advanceTimersByTimeAsync(NOT_FOUND_MS + 10);
      expect(fake.badge.get(4)).toBe('3');
      vi.useRealTimers();
    });

    it('says the page could not look, not that nothing matched, where no content script answers', async () => {
      fake.answer = new Error('Receiving end does not exist');
      expect(await lookUpSelection(5, 'Kabul')).toBe(false);
      expect(fake.badge.get(5)).toBe('?');
      expect(fake.titles.get(5)).toBe('lookupUnavailable:Kabul');
      // A content script with annotation off for the site answers nothing.
      fake.answer = undefined;
      expect(await lookUpSelection(6, 'Sergey Lavrov')).toBe(false);
      expect(fake.titles.get(6)).toBe('lookupUnavailable:Sergey Lavrov');
    });
  });
});

describe('update-badge', () => {
  describe('setMentionBadge', () => {
    it('shows the count (garbage settings mean the default: on), caps it, and shows nothing when the setting is off', async () => {
      fake.settings = 'garbage';
      await setMentionBadge(1, 12);
      expect(fake.badge.get(1)).toBe('12');
      await setMentionBadge(1, 12_345);
      expect(fake.badge.get(1)).toBe('999+');
      await setMentionBadge(1, 0);
      expect(fake.badge.get(1)).toBe('');
      fake.settings = { schemaVersion: 1, showBadge: false };
      await setMentionBadge(1, 12);
      expect(fake.badge.get(1)).toBe('');
    });
  });
});
