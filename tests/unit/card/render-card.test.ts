// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderCard } from '../../../src/card/render-card.ts';
import type { Entity } from '../../../src/store/types.ts';

const entity: Entity = {
  id: 'test-person',
  name: 'Test <b>Person</b>',
  type: 'person',
  summary: 'A summary with <img src=x onerror=alert(1)> in it, shown as text.',
  role: 'Plays a role in the story.',
  aliases: [{ text: 'Test Person', strength: 'strong' }],
  facts: [
    {
      date: '2021-10-21',
      text: 'Did a thing.',
      source: { title: 'Safe source', url: 'https://example.org/a' },
    },
    {
      date: '2021-10',
      text: 'Did another thing.',
      source: { title: 'Bad source', url: 'javascript:alert(1)' },
    },
  ],
  later: [
    { date: '2025', text: 'Later news.', source: { title: 'Later source', url: 'http://example.org/b' } },
  ],
  corrections: [
    { text: 'The article got this wrong.', source: { title: 'Fix', url: 'https://example.org/c' } },
  ],
  related: [
    { id: 'known', label: 'works with' },
    { id: 'unknown', label: 'ignored' },
  ],
  link: { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Test' },
};

function render(overrides: Partial<Parameters<typeof renderCard>[2]> = {}) {
  const handlers = { onRelated: vi.fn(), onBack: vi.fn(), onClose: vi.fn(), onStep: vi.fn() };
  const card = renderCard(
    document,
    entity,
    {
      canGoBack: false,
      mentions: { count: 3, index: 1 },
      nameOf: (id) => (id === 'known' ? 'Known Entity' : undefined),
      translate: (key, substitutions) =>
        `${key}${substitutions ? `(${[substitutions].flat().join(',')})` : ''}`,
      ...overrides,
    },
    handlers,
  );
  return { card, handlers };
}

describe('render-card', () => {
  describe('renderCard', () => {
    it('shows store text as text, never as markup', () => {
      const { card } = render();
      expect(card.querySelector('img')).toBeNull();
      expect(card.querySelector('b')).toBeNull();
      expect(card.querySelector('h2')?.textContent).toBe('Test <b>Person</b>');
      expect(card.textContent).toContain('<img src=x onerror=alert(1)>');
    });

    it('links only http and https sources, in a new tab without opener', () => {
      const { card } = render();
      const links = [...card.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href'))).toEqual([
        'https://example.org/c',
        'https://example.org/a',
        'http://example.org/b',
        'https://en.wikipedia.org/wiki/Test',
      ]);
      for (const link of links) {
        expect(link.target).toBe('_blank');
        expect(link.rel).toBe('noopener noreferrer');
      }
      expect(card.textContent).toContain('Did another thing.');
      expect(card.textContent).not.toContain('Bad source');
    });

    it('is a labelled dialog with dated facts, later developments, corrections and the mention count', () => {
      const { card } = render();
      expect(card.getAttribute('role')).toBe('dialog');
      const title = card.querySelector(`#${card.getAttribute('aria-labelledby')}`);
      expect(title?.textContent).toBe('Test <b>Person</b>');
      const times = [...card.querySelectorAll('time')].map((time) => time.textContent);
      expect(times).toEqual(['21 Oct 2021', 'Oct 2021', '2025']);
      expect(card.textContent).toContain('cardCorrections');
      expect(card.textContent).toContain('The article got this wrong.');
      expect(card.textContent).toContain('cardLater');
      expect(card.textContent).toContain('cardMentions(2,3)');
    });

    it('offers related entities it knows as buttons and calls back with their id', () => {
      const { card, handlers } = render();
      const buttons = [...card.querySelectorAll<HTMLButtonElement>('button[data-related]')];
      expect(buttons.map((button) => button.dataset.related)).toEqual(['known']);
      buttons[0]?.click();
      expect(handlers.onRelated).toHaveBeenCalledWith('known');
    });

    it('shows back only with history, and previous/next only with more than one mention', () => {
      expect(render().card.querySelector('button.back')).toBeNull();
      const { card, handlers } = render({ canGoBack: true });
      card.querySelector<HTMLButtonElement>('button.back')?.click();
      expect(handlers.onBack).toHaveBeenCalled();
      card.querySelector<HTMLButtonElement>('button.next')?.click();
      expect(handlers.onStep).toHaveBeenCalledWith('next');
      expect(render({ mentions: { count: 1, index: 0 } }).card.querySelector('button.next')).toBeNull();
    });

    it('counts the mentions without a position for a card that belongs to none of them', () => {
      const translate = (key: string, substitutions?: string | string[]) =>
        `${key}(${[substitutions].flat().join(',')})`;
      const on = render({ translate, mentions: { count: 3, index: 1 } }).card;
      expect(on.querySelector('.count')?.textContent).toBe('cardMentions(2,3)');
      const none = render({ translate, mentions: { count: 3 } }).card;
      expect(none.querySelector('.count')?.textContent).toBe('cardMentionCount(3)');
      expect(none.querySelector('button.next')).not.toBeNull();
    });
  });

  describe('languages, for screen readers on pages in any language', () => {
    /** A Russian interface: the browser's i18n answers "ru" for @@ui_locale. */
    const russian = (key: string) => (key === '@@ui_locale' ? 'ru' : key);
    /** Each piece of text the card shows, with the language it would be read in (the nearest lang). */
    const spokenLanguages = (card: HTMLElement) =>
      Object.fromEntries(
        [
          'h2',
          'span.type',
          'p.summary',
          'p.role',
          'h3',
          'ul li',
          'button[data-related]',
          'span.count',
          'button.next',
          'button.close',
          'footer a',
        ].map((selector) => [
          selector,
          card.querySelector(selector)?.closest('[lang]')?.getAttribute('lang'),
        ]),
      );

    it("reads the store's English text as English and the card's own words in the interface's language", () => {
      const { card } = render({ translate: russian, language: 'en', canGoBack: true });
      expect(spokenLanguages(card)).toEqual({
        h2: 'en',
        'span.type': 'ru',
        'p.summary': 'en',
        'p.role': 'en',
        h3: 'ru',
        'ul li': 'en',
        'button[data-related]': 'en',
        'span.count': 'ru',
        'button.next': 'ru',
        'button.close': 'ru',
        'footer a': 'en',
      });
      expect(card.querySelector('button.back')?.getAttribute('lang')).toBe('ru');
    });

    it("takes text of unknown language to be in the interface's, and marks nothing twice", () => {
      const unknown = render({ translate: russian }).card;
      expect(unknown.lang).toBe('ru');
      expect(unknown.querySelectorAll('[lang]')).toHaveLength(0);
      const same = render({ translate: russian, language: 'ru' }).card;
      expect(same.lang).toBe('ru');
      expect(same.querySelectorAll('[lang]')).toHaveLength(0);
    });

    it('lays out a card in a right-to-left language right to left, with its own words left to right', () => {
      const english = (key: string) => (key === '@@ui_locale' ? 'en' : key);
      const { card } = render({ translate: english, language: 'fa', canGoBack: true });
      expect(card.dir).toBe('rtl');
      for (const selector of ['span.type', 'h3', 'span.count', 'button.next', 'button.close', 'button.back'])
        expect(card.querySelector(selector)?.closest('[dir]')?.getAttribute('dir'), selector).toBe('ltr');
      for (const selector of ['h2', 'p.summary', 'p.role', 'ul li', 'button[data-related]'])
        expect(card.querySelector(selector)?.closest('[dir]')?.getAttribute('dir'), selector).toBe('rtl');
      // An English store under an English interface: left to right, nothing marked twice.
      const plain = render({ translate: english, language: 'en' }).card;
      expect(plain.dir).toBe('ltr');
      expect(plain.querySelectorAll('[dir]')).toHaveLength(0);
    });

    it('turns the i18n locale into a language tag, and sets none from a locale it cannot read', () => {
      const brazil = render({ translate: (key) => (key === '@@ui_locale' ? 'pt_BR' : key), language: 'en' });
      expect(brazil.card.querySelector('h3')?.getAttribute('lang')).toBe('pt-BR');
      // The default translate of these tests answers the key itself: no language is made up.
      const { card } = render();
      expect(card.hasAttribute('lang')).toBe(false);
      expect(card.querySelectorAll('[lang]')).toHaveLength(0);
    });
  });
});
