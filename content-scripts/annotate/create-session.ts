import type { Matcher } from '../../src/matcher/compile-matcher.ts';
import type { CardEntity, Message, PageEntities } from '../../src/messaging/messages.ts';
import type { Settings } from '../../src/settings/defaults.ts';
import type { EntityType } from '../../src/store/types.ts';
import { createCardController, scrollToRecord } from './card/create-card-controller.ts';
import { createCardHost } from './card/create-card-host.ts';
import { createHoverIntent } from './card/create-hover-intent.ts';
import { findMentionAtPoint } from './highlight/find-mention-at-point.ts';
import { createHighlightRegistry } from './highlight/highlight-registry.ts';
import { createAnnotator } from './scan/create-annotator.ts';
import type { MentionRecord } from './scan/mention-store.ts';
import { sortByDocumentOrder } from './scan/sort-by-document-order.ts';

/**
 * Whether a reader can see a mention's text: it is laid out (not in a display: none box) and not
 * folded away. The content of a closed <details> or of hidden="until-found" still has line boxes
 * (content-visibility: hidden keeps its layout), so client rects alone do not tell; nor do they
 * for visibility: hidden text.
 */
function isRendered(record: MentionRecord): boolean {
  const parent = record.range.startContainer.parentElement;
  // checkVisibility: Chromium 105+, Firefox 106+.
  if (
    parent &&
    typeof parent.checkVisibility === 'function' &&
    !parent.checkVisibility({ visibilityProperty: true })
  )
    return false;
  return record.range.getClientRects().length > 0;
}

export interface EntityInfo {
  name: string;
  type: EntityType;
}

export interface SessionOptions {
  document: Document;
  matcher: Matcher;
  entities: ReadonlyMap<string, EntityInfo>;
  settings: Settings;
  loadEntity: (id: string) => Promise<CardEntity | undefined>;
  shortcut: () => string | undefined;
  /** Called (throttled) when the number of mentions on the page changes. */
  onCount: (count: number) => void;
}

export interface Session {
  handleMessage(message: Message): Promise<unknown> | undefined;
  applySettings(settings: Settings): void;
  destroy(): void;
}

/**
 * Everything that runs while annotation is on for this document: the
 * annotator, our highlights, the card, and one set of delegated listeners.
 * destroy() removes all of it at once, without a reload.
 */
export function createSession(options: SessionOptions): Session {
  const { document, matcher, entities } = options;
  let settings = options.settings;
  const controller = new AbortController();
  const { signal } = controller;
  const highlights = createHighlightRegistry(settings.highlightStyle);
  const host = createCardHost(document);
  const shown = new Set<MentionRecord>();
  const firstShown = new Map<string, MentionRecord>();
  const shadowRoots: ShadowRoot[] = [];

  function isVisible(record: MentionRecord): boolean {
    if (!settings.markedTypes[record.type]) return false;
    if (!settings.firstMentionOnly) return true;
    const first = firstShown.get(record.entityId);
    if (first?.range.startContainer.isConnected) return first === record;
    // The one mark of an entity goes to text the reader can see, not to a folded menu above it.
    if (!isRendered(record)) return false;
    firstShown.set(record.entityId, record);
    return true;
  }

  function show(record: MentionRecord): void {
    if (record.range.startContainer.getRootNode() instanceof ShadowRoot) {
      const root = record.range.startContainer.getRootNode() as ShadowRoot;
      if (!shadowRoots.includes(root)) shadowRoots.push(root);
    }
    if (!isVisible(record)) return;
    shown.add(record);
    highlights.add(record.type, record.range);
  }

  function hide(record: MentionRecord): void {
    if (shown.delete(record)) highlights.remove(record.type, record.range);
    if (firstShown.get(record.entityId) === record) firstShown.delete(record.entityId);
    // A component that left the page takes its mentions with it (create-annotator.ts); let its
    // shadow root go too, or a feed of components would pile up here all day.
    const root = record.range.startContainer.getRootNode();
    if (root instanceof ShadowRoot && !root.host.isConnected) {
      const index = shadowRoots.indexOf(root);
      if (index >= 0) shadowRoots.splice(index, 1);
    }
  }

  let countTimer: number | undefined;
  function reportCount(): void {
    if (countTimer !== undefined) return;
    countTimer = window.setTimeout(() => {
      countTimer = undefined;
      if (!signal.aborted) options.onCount(annotator.mentions.size);
    }, 250);
  }

  const annotator = createAnnotator({
    document,
    matcher,
    typeOf: (id) => entities.get(id)?.type,
    onAdd: show,
    onRemove: hide,
    onChange: () => {
      highlights.restore();
      reportCount();
    },
    isOwnNode: (node) => host.isOwnNode(node),
  });

  /**
   * The entity's mentions a reader can be taken to, in reading order: the card's "n of N" and
   * its steps, the popup's and the shortcut's first stop. Text in a folded menu or any other
   * display: none box has no layout box; scrolling to it does nothing and a card would have no
   * line to sit beside, so it is left out here (it still counts in the popup's totals).
   */
  function mentionsOf(entityId: string): MentionRecord[] {
    return sortByDocumentOrder(
      annotator.mentions.all().filter((record) => record.entityId === entityId && isRendered(record)),
    );
  }

  const cards = createCardController({
    document,
    host,
    loadEntity: options.loadEntity,
    nameOf: (id) => entities.get(id)?.name,
    mentionsOf,
    setActive: (range) => highlights.setActive(range),
    theme: () => settings.theme,
    shortcut: options.shortcut,
    onClosed: () => hover.reset(),
  });

  const hover = createHoverIntent<MentionRecord>({
    openDelayMs: () => settings.hoverDelayMs,
    onPrefetch: (record) => cards.prefetch(record.entityId, record, lastPoint),
    onOpen: (record) =>
      void cards.open({ entityId: record.entityId, record, point: lastPoint, focus: false }),
    onClose: () => {
      if (!cards.isFocusInside()) cards.close(false);
    },
  });

  let lastPoint = { x: 0, y: 0 };
  /** When the pointer reached lastPoint (event time, same clock as performance.now()). */
  let lastMoveAt = 0;
  let frame: number | undefined;
  function handlePointer(): void {
    frame = undefined;
    // A page may clear CSS.highlights (or overwrite our names) without touching its DOM, so no
    // mutation brings our marks back; a pointer move is cheap to piggyback on (a few Map lookups).
    highlights.restore();
    const record = findMentionAtPoint(document, lastPoint.x, lastPoint.y, annotator.mentions, shadowRoots);
    if (record && shown.has(record)) hover.enter(record, performance.now() - lastMoveAt);
    else hover.leave();
    // Style 'none' marks nothing until hover: show the mention under the pointer as active.
    if (settings.highlightStyle === 'none' && !cards.openEntityId)
      highlights.setActive(record && shown.has(record) ? record.range : undefined);
  }

  document.addEventListener(
    'pointermove',
    (event) => {
      if (host.containsEvent(event)) {
        hover.enterCard();
        return;
      }
      if (event.pointerType === 'touch') return;
      lastPoint = { x: event.clientX, y: event.clientY };
      lastMoveAt = event.timeStamp;
      // Hit-testing once per frame is enough and keeps pointer moves cheap.
      frame ??= requestAnimationFrame(handlePointer);
    },
    { capture: true, passive: true, signal },
  );
  document.addEventListener(
    'pointerout',
    (event) => {
      if (host.containsEvent(event) && !event.relatedTarget) hover.leaveCard();
      if (!event.relatedTarget) hover.leave();
    },
    { capture: true, passive: true, signal },
  );
  // A press anywhere else closes the card. Hover alone cannot once the reader has clicked into
  // the card: focus inside it keeps it open for keyboard use, so the card stayed until Escape.
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (cards.openEntityId && !host.containsEvent(event)) cards.close(false);
    },
    { capture: true, passive: true, signal },
  );
  // A page restored from the back/forward cache keeps its marks, but the browser cleared the
  // tab's badge when it navigated away (Firefox does; Chromium clears per-tab badges on
  // navigation too). Nothing changed for reportCount to notice, so say it again.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) options.onCount(annotator.mentions.size);
    },
    { signal },
  );
  // On window, in the capture phase: the first listener any key reaches, so a page that swallows
  // keys at document level (own shortcut systems, focus traps) cannot keep Escape from closing the card.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && cards.openEntityId) {
        cards.close(true);
        hover.reset();
      }
    },
    { capture: true, signal },
  );
  window.addEventListener('scroll', () => cards.reposition(), { capture: true, passive: true, signal });
  window.addEventListener('resize', () => cards.reposition(), { passive: true, signal });

  async function openEntity(entityId: string, record: MentionRecord | undefined): Promise<void> {
    if (record) scrollToRecord(record);
    hover.reset();
    await cards.open({ entityId, record, focus: true });
  }

  function stepMention(direction: 'next' | 'previous'): Promise<void> | undefined {
    const selected = document.getSelection()?.toString().trim();
    if (selected && !cards.openEntityId) {
      const found = lookupText(selected);
      if (found) return found;
    }
    const records = sortByDocumentOrder(
      annotator.mentions.all().filter((record) => shown.has(record) && isRendered(record)),
    );
    if (!records.length) return undefined;
    const current = cards.openRecord ? records.indexOf(cards.openRecord) : -1;
    let index: number;
    if (current >= 0) index = (current + (direction === 'next' ? 1 : -1) + records.length) % records.length;
    else {
      // Start from what the reader is looking at: the first mention below the top of the viewport.
      const below = records.findIndex((record) => record.range.getBoundingClientRect().top >= 0);
      index = direction === 'next' ? Math.max(0, below) : (below <= 0 ? records.length : below) - 1;
    }
    const record = records[index] as MentionRecord;
    return openEntity(record.entityId, record);
  }

  function lookupText(text: string): Promise<void> | undefined {
    const mention = matcher.scanText(text).mentions[0];
    if (!mention) return undefined;
    return openEntity(mention.entityId, mentionsOf(mention.entityId)[0]);
  }

  function listEntities(): PageEntities {
    const counts = annotator.mentions.countByEntity();
    const list = [...counts].flatMap(([id, count]) => {
      const info = entities.get(id);
      return info ? [{ id, name: info.name, type: info.type, count }] : [];
    });
    list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { active: true, entities: list };
  }

  return {
    handleMessage(message) {
      switch (message.type) {
        case 'cc:list-page-entities':
          // A popup opened as the page loads sees at least the first slice's mentions, never none.
          return annotator.started.then(listEntities);
        case 'cc:open-card':
          return annotator.started
            .then(() => openEntity(message.id, mentionsOf(message.id)[0]))
            .then(() => ({ opened: true }));
        case 'cc:step-mention':
          // The shortcut pressed as the page loads steps to the first mention, once it is known.
          return annotator.started.then(() => stepMention(message.direction)).then(() => ({ ok: true }));
        case 'cc:lookup-text': {
          const found = lookupText(message.text);
          return (found ?? Promise.resolve()).then(() => ({ found: Boolean(found) }));
        }
        default:
          return undefined;
      }
    },
    applySettings(next) {
      settings = next;
      highlights.setStyle(next.highlightStyle);
      for (const record of [...shown]) hide(record);
      firstShown.clear();
      for (const record of sortByDocumentOrder(annotator.mentions.all())) show(record);
      highlights.restore(); // show() only queues the ranges
    },
    destroy() {
      controller.abort();
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (countTimer !== undefined) clearTimeout(countTimer);
      hover.destroy();
      cards.destroy();
      annotator.destroy();
      highlights.destroy();
      host.destroy();
      shown.clear();
    },
  };
}
