import { formatFactDate } from '../store/format-fact-date.ts';
import { isLanguageTag } from '../store/is-language-tag.ts';
import { isSafeUrl } from '../store/is-safe-url.ts';
import type { DatedFact, Entity, Source } from '../store/types.ts';
import { findTextDirection } from './find-text-direction.ts';

export interface CardContext {
  /**
   * Mentions of this entity on the page, and which one the card belongs to (0-based; none for a
   * card reached from another's related list); omitted in the popup.
   */
  mentions?: { count: number; index?: number };
  canGoBack: boolean;
  /** The keyboard shortcut to show in the footer, e.g. "Alt+Shift+K". */
  shortcut?: string;
  /** Names of related entities, by id, for the related buttons. */
  nameOf: (id: string) => string | undefined;
  translate: (key: string, substitutions?: string | string[]) => string;
  /**
   * BCP 47 language of the entity's text (its store's or pack's `meta.language`). The card says so
   * with `lang`, and marks its own words (headings, buttons) with the interface's language, so a
   * screen reader reads each in the right voice whatever the page's language. Undefined: the text
   * is taken to be in the interface's language.
   */
  language?: string;
}

export interface CardHandlers {
  onRelated: (id: string) => void;
  onBack: () => void;
  onClose: () => void;
  onStep: (direction: 'next' | 'previous') => void;
}

type Child = Node | string;

/** Creates an element with text children only: store text never enters the DOM as HTML. */
function createElement(
  document: Document,
  tag: string,
  className?: string,
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children)
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

function createSourceLink(document: Document, source: Source): HTMLElement | undefined {
  if (!isSafeUrl(source.url)) return undefined;
  const link = createElement(document, 'a', 'source', source.title) as HTMLAnchorElement;
  link.href = source.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

function createFactList(document: Document, facts: readonly DatedFact[]): HTMLElement {
  const list = createElement(document, 'ul');
  for (const fact of facts) {
    const time = createElement(document, 'time', undefined, formatFactDate(fact.date));
    time.setAttribute('datetime', fact.date);
    const item = createElement(document, 'li', undefined, time, fact.text);
    const link = createSourceLink(document, fact.source);
    if (link) item.append(' ', link);
    list.append(item);
  }
  return list;
}

/** The interface's language, as the browser's i18n names it ("en", "pt_BR" → "pt-BR"); undefined if unknown. */
function readInterfaceLanguage(translate: CardContext['translate']): string | undefined {
  const locale = translate('@@ui_locale').replace(/_/g, '-');
  return isLanguageTag(locale) ? locale : undefined;
}

/** What the page and the popup show when an entity cannot be loaded: one line, in the interface's language. */
export function renderUnavailableCard(document: Document, translate: CardContext['translate']): HTMLElement {
  const card = createElement(document, 'div', 'card error', translate('cardUnavailable'));
  const language = readInterfaceLanguage(translate);
  if (language) card.lang = language;
  card.dir = findTextDirection(language) ?? 'ltr';
  return card;
}

function createButton(
  document: Document,
  label: string,
  onClick: () => void,
  className?: string,
): HTMLElement {
  const button = createElement(document, 'button', className, label) as HTMLButtonElement;
  button.type = 'button';
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return button;
}

/**
 * Builds the card for one entity: name and type, summary, its role in the
 * article, corrections, dated facts and later developments with their sources,
 * related entities, and the page's mentions with previous/next.
 */
export function renderCard(
  document: Document,
  entity: Entity,
  context: CardContext,
  handlers: CardHandlers,
): HTMLElement {
  const t = context.translate;
  const card = createElement(document, 'div', 'card');
  const interfaceLanguage = readInterfaceLanguage(t);
  const language = context.language ?? interfaceLanguage;
  if (language) card.lang = language;
  // A pack in Persian or Hebrew reads right to left, whatever the interface's language.
  const direction = findTextDirection(language) ?? 'ltr';
  const interfaceDirection = findTextDirection(interfaceLanguage) ?? 'ltr';
  card.dir = direction;
  /** Marks one of the card's own words (not store text) with the interface's language, where that differs. */
  const inInterfaceLanguage = <T extends HTMLElement>(element: T): T => {
    if (interfaceLanguage && interfaceLanguage !== language) element.lang = interfaceLanguage;
    if (interfaceDirection !== direction) element.dir = interfaceDirection;
    return element;
  };
  /** A section under a heading in the interface's language. */
  const section = (title: string, ...content: Child[]) =>
    createElement(
      document,
      'section',
      undefined,
      inInterfaceLanguage(createElement(document, 'h3', undefined, title)),
      ...content,
    );
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', 'cc-card-title');
  card.tabIndex = -1;
  card.dataset.entity = entity.id;

  const title = createElement(document, 'h2', undefined, entity.name);
  title.id = 'cc-card-title';
  const heading = createElement(
    document,
    'div',
    undefined,
    title,
    inInterfaceLanguage(createElement(document, 'span', 'type', t(`type_${entity.type}`))),
  );
  heading.style.flex = '1';
  const header = createElement(document, 'header');
  if (context.canGoBack) {
    const back = inInterfaceLanguage(createButton(document, '←', handlers.onBack, 'icon back'));
    back.setAttribute('aria-label', t('cardBack'));
    header.append(back);
  }
  const close = inInterfaceLanguage(createButton(document, '×', handlers.onClose, 'icon close'));
  close.setAttribute('aria-label', t('cardClose'));
  header.append(heading, close);
  card.append(header, createElement(document, 'p', 'summary', entity.summary));

  card.append(section(t('cardInThisArticle'), createElement(document, 'p', 'role', entity.role)));
  if (entity.corrections?.length) {
    const items = entity.corrections.map((correction) => {
      const item = createElement(document, 'p', 'correction', correction.text);
      const link = createSourceLink(document, correction.source);
      if (link) item.append(' ', link);
      return item;
    });
    card.append(section(t('cardCorrections'), ...items));
  }
  if (entity.facts.length) card.append(section(t('cardFacts'), createFactList(document, entity.facts)));
  if (entity.later.length) card.append(section(t('cardLater'), createFactList(document, entity.later)));

  const related = entity.related
    .map((relation) => ({ relation, name: context.nameOf(relation.id) }))
    .filter((item): item is { relation: (typeof entity.related)[number]; name: string } =>
      Boolean(item.name),
    );
  if (related.length) {
    const list = createElement(document, 'div', 'related');
    for (const { relation, name } of related) {
      const button = createButton(document, name, () => handlers.onRelated(relation.id));
      button.dataset.related = relation.id;
      button.append(createElement(document, 'span', 'label', relation.label));
      list.append(button);
    }
    card.append(section(t('cardRelated'), list));
  }

  const footer = createElement(document, 'footer');
  if (context.mentions) {
    const { count, index } = context.mentions;
    footer.append(
      inInterfaceLanguage(
        createElement(
          document,
          'span',
          'count',
          index === undefined
            ? t('cardMentionCount', [String(count)])
            : t('cardMentions', [String(index + 1), String(count)]),
        ),
      ),
    );
    if (count > 1) {
      footer.append(
        inInterfaceLanguage(
          createButton(document, t('cardPrevious'), () => handlers.onStep('previous'), 'previous'),
        ),
        inInterfaceLanguage(createButton(document, t('cardNext'), () => handlers.onStep('next'), 'next')),
      );
    }
  }
  if (entity.link) {
    const link = createSourceLink(document, entity.link);
    if (link) footer.append(link);
  }
  if (context.shortcut)
    footer.append(
      inInterfaceLanguage(createElement(document, 'span', 'hint', t('cardShortcutHint', context.shortcut))),
    );
  card.append(footer);
  return card;
}
