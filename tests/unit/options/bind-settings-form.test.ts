// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * In-memory storage.sync and storage.local. Like the browser, writing a value
 * equal to the stored one fires no change event; here no write fires one, so
 * the form cannot count on a redraw from storage.
 */
const storage = vi.hoisted(() => {
  const makeArea = () => {
    const data = new Map<string, unknown>();
    return {
      data,
      async get(key: string) {
        return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      },
      async remove(key: string) {
        data.delete(key);
      },
    };
  };
  return { sync: makeArea(), local: makeArea() };
});

vi.mock('../../../src/platform/browser.ts', () => ({
  browser: {
    storage: {
      sync: storage.sync,
      local: storage.local,
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  },
}));

const { bindSettingsForm } = await import('../../../options/bind-settings-form.ts');
const { readSettings } = await import('../../../src/settings/settings-storage.ts');

/** The settings page's markup, without its script (the test binds the form itself). */
const OPTIONS_BODY = (
  /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(resolve('options/index.html'), 'utf8'))?.[1] ?? ''
).replace(/<script[\s\S]*?<\/script>/g, '');

/** A few turns of the event loop: the handler reads, writes and reads storage. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((done) => setTimeout(done, 0));
}

describe('bind-settings-form', () => {
  describe('bindSettingsForm', () => {
    beforeEach(() => {
      storage.sync.data.clear();
      storage.local.data.clear();
      document.body.innerHTML = OPTIONS_BODY;
    });

    it.each([
      ['50', 150],
      ['5000', 3000],
      ['725', 725],
    ])('shows the stored hover delay after %s is entered in the focused field: %i', async (typed, stored) => {
      const form = bindSettingsForm();
      form.show(await readSettings());
      const delay = document.getElementById('hover-delay') as HTMLInputElement;
      // Typing and pressing Enter: the field keeps focus when `change` fires.
      delay.focus();
      delay.value = typed;
      delay.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      expect((await readSettings()).hoverDelayMs).toBe(stored);
      expect(document.activeElement).toBe(delay);
      expect(delay.value).toBe(String(stored));
      expect(document.getElementById('saved')?.textContent).toBe('optionsSaved');
    });
  });
});
