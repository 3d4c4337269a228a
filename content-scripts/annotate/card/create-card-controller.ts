import { renderCard, renderUnavailableCard } from '../../../src/card/render-card.ts';
import type { CardEntity } from '../../../src/messaging/messages.ts';
import { translate } from '../../../src/platform/translate.ts';
import type { MentionRecord } from '../scan/mention-store.ts';
import { IS_BENCH } from '../scan/record-bench-task.ts';
import type { CardHost } from './create-card-host.ts';
import { pickLineRect, positionCard } from './position-card.ts';

export interface CardControllerOptions {
  document: Document;
  host: CardHost;
  loadEntity: (id: string) => Promise<CardEntity | undefined>;
  nameOf: (id: string) => string | undefined;
  /** The entity's mentions on the page, in document order. */
  mentionsOf: (entityId: string) => MentionRecord[];
  setActive: (range: Range | undefined) => void;
  theme: () => 'auto' | 'light' | 'dark';
  shortcut: () => string | undefined;
  onClosed: () => void;
}

export interface OpenRequest {
  entityId: string;
  /** The mention of this entity the card belongs to, if any. */
  record?: MentionRecord;
  /**
   * Where to place a card that belongs to no mention of its own: a related entity's card opens
   * where the card it came from was, against that card's mention.
   */
  anchor?: MentionRecord;
  point?: { x: number; y: number };
  /** Move focus into the card (keyboard, popup); never on mere hover. */
  focus: boolean;
}

export interface CardController {
  open(request: OpenRequest): Promise<void>;
  /**
   * The pointer may be about to open this card: load its entity, build the card and place it,
   * hidden, so that opening it only has to show it. Never while a card is open.
   */
  prefetch(entityId: string, record?: MentionRecord, point?: { x: number; y: number }): void;
  close(restoreFocus: boolean): void;
  readonly openEntityId: string | undefined;
  readonly openRecord: MentionRecord | undefined;
  isFocusInside(): boolean;
  reposition(): void;
  destroy(): void;
}

/** Class of a card that is built and placed but not shown yet (see prefetch). */
const STAGED = 'staged';

export function createCardController(options: CardControllerOptions): CardController {
  const { document, host } = options;
  const cache = new Map<string, Promise<CardEntity | undefined>>();
  let current: OpenRequest | undefined;
  let history: OpenRequest[] = [];
  let returnFocus: Element | null = null;
  let card: HTMLElement | undefined;
  let generation = 0;

  function load(id: string): Promise<CardEntity | undefined> {
    let promise = cache.get(id);
    if (!promise) {
      promise = options.loadEntity(id).catch(() => undefined);
      cache.set(id, promise);
    }
    return promise;
  }

  function anchorRect(request: OpenRequest): DOMRect | undefined {
    const at = request.record ?? request.anchor;
    return at ? pickLineRect(at.range, request.point) : undefined;
  }

  function themeClass(): string {
    return options.theme();
  }

  /**
   * A card built ahead of its opening (see prefetch), used when the same mention opens. It waits
   * in the host, laid out and placed but hidden (class `staged`), so opening it is one class
   * change: the frame that shows it has no layout left to do.
   */
  let prepared:
    | {
        entityId: string;
        record?: MentionRecord;
        mentionCount: number;
        theme: string;
        element: HTMLElement;
        /** The line the card was placed against, or undefined while placing is under way. */
        placedAt?: DOMRect;
      }
    | undefined;

  function build(
    request: OpenRequest,
    found: CardEntity | undefined,
    mentions: MentionRecord[],
  ): HTMLElement {
    const index = request.record ? mentions.indexOf(request.record) : -1;
    let element: HTMLElement;
    if (found) {
      // The handlers read `current`, the request this card was opened for (set when it is shown).
      element = renderCard(
        document,
        found.entity,
        {
          language: found.language,
          canGoBack: history.length > 0,
          mentions: mentions.length
            ? { count: mentions.length, index: index >= 0 ? index : undefined }
            : undefined,
          shortcut: options.shortcut(),
          nameOf: options.nameOf,
          translate,
        },
        {
          onRelated: (id) =>
            void navigate({
              entityId: id,
              anchor: current?.record ?? current?.anchor,
              point: current?.point,
              focus: true,
            }),
          onBack: () => void goBack(),
          onClose: () => close(true),
          onStep: (direction) => void step(direction),
        },
      );
    } else {
      element = renderUnavailableCard(document, translate);
      element.setAttribute('role', 'dialog');
    }
    element.classList.add(themeClass());
    element.setAttribute('aria-label', translate('cardLabel'));
    return element;
  }

  function takePrepared(request: OpenRequest, mentions: MentionRecord[]) {
    const ready = prepared;
    prepared = undefined;
    const same =
      ready &&
      history.length === 0 &&
      ready.entityId === request.entityId &&
      ready.record === request.record &&
      ready.mentionCount === mentions.length &&
      ready.theme === themeClass();
    return same ? ready : undefined;
  }

  function isSameRect(a: DOMRect | undefined, b: DOMRect): boolean {
    return Boolean(a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
  }

  async function render(request: OpenRequest, focus: boolean): Promise<void> {
    const ticket = ++generation;
    const entity = await load(request.entityId);
    if (ticket !== generation) return; // a newer open or a close won the race
    const mentions = options.mentionsOf(request.entityId);
    const ready = takePrepared(request, mentions);
    const element = ready?.element ?? build(request, entity, mentions);
    // Measure the line before the card joins the page: its layout is still clean then, so this
    // costs nothing, and the only layout left is the one that places the card.
    const rect = anchorRect(request) ?? new DOMRect(window.innerWidth / 2 - 180, 16, 0, 0);
    // A staged card is in the host already, unless the page removed the host since.
    element.classList.remove(STAGED);
    if (!element.isConnected) host.show(element);
    card = element;
    current = request;
    options.setActive(request.record?.range);
    if (IS_BENCH) performance.mark('cc:card-shown');
    // A staged card was placed against this same line while the hover delay ran.
    if (!isSameRect(ready?.placedAt, rect)) await positionCard(element, rect);
    if (focus) element.focus({ preventScroll: true });
  }

  async function navigate(request: OpenRequest): Promise<void> {
    if (current) history.push(current);
    await render(request, true);
  }

  async function goBack(): Promise<void> {
    const previous = history.pop();
    if (previous) await render(previous, true);
  }

  async function step(direction: 'next' | 'previous'): Promise<void> {
    if (!current) return;
    const mentions = options.mentionsOf(current.entityId);
    if (!mentions.length) return;
    const index = current.record ? mentions.indexOf(current.record) : -1;
    // From a card on no mention of its own (a related entity's): Next goes to the first, Previous to the last.
    const from = index >= 0 ? index : direction === 'next' ? -1 : mentions.length;
    const nextIndex = (from + (direction === 'next' ? 1 : -1) + mentions.length) % mentions.length;
    const record = mentions[nextIndex] as MentionRecord;
    scrollToRecord(record);
    await render({ entityId: current.entityId, record, focus: true }, true);
  }

  function close(restoreFocus: boolean): void {
    generation++;
    if (!current) return;
    const hadFocus = isFocusInside();
    current = undefined;
    history = [];
    card = undefined;
    host.show(document.createElement('div'));
    options.setActive(undefined);
    if (restoreFocus && hadFocus && returnFocus instanceof HTMLElement)
      returnFocus.focus({ preventScroll: true });
    returnFocus = null;
    options.onClosed();
  }

  function isFocusInside(): boolean {
    return Boolean(document.activeElement && host.isOwnNode(document.activeElement));
  }

  return {
    async open(request) {
      if (request.focus && !isFocusInside()) returnFocus = document.activeElement;
      history = [];
      await render(request, request.focus);
    },
    prefetch(id, record, point) {
      const ticket = generation;
      void load(id).then(async (entity) => {
        // Only while nothing opened or closed since: then the hovered card is the next to open.
        if (ticket !== generation || current) return;
        const mentions = options.mentionsOf(id);
        const request: OpenRequest = { entityId: id, record, point, focus: false };
        const element = build(request, entity, mentions);
        element.classList.add(STAGED);
        const staged: NonNullable<typeof prepared> = {
          entityId: id,
          record,
          mentionCount: mentions.length,
          theme: themeClass(),
          element,
        };
        prepared = staged;
        const rect = anchorRect(request);
        host.show(element);
        if (!rect) return;
        await positionCard(element, rect);
        staged.placedAt = rect;
      });
    },
    close,
    get openEntityId() {
      return current?.entityId;
    },
    get openRecord() {
      return current?.record;
    },
    isFocusInside,
    reposition() {
      if (!card || !current) return;
      const rect = anchorRect(current);
      if (!rect) return;
      if (rect.bottom < 0 || rect.top > window.innerHeight) {
        close(false);
        return;
      }
      void positionCard(card, rect);
    },
    destroy() {
      close(false);
      prepared = undefined;
      cache.clear();
    },
  };
}

/** Scrolls a mention into the middle of the viewport, instantly when the user prefers reduced motion. */
export function scrollToRecord(record: MentionRecord): void {
  const element = record.range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}
