import { CARD_STYLES } from '../../../src/card/card-styles.ts';
import { CARD_HOST_TAG } from '../scan/should-skip-element.ts';

export interface CardHost {
  /** The closed shadow root the card lives in; created with the host on first use. */
  ensure(): ShadowRoot;
  /** Replaces what the host shows. */
  show(content: HTMLElement): void;
  isOwnNode(node: Node): boolean;
  /** Whether an event's path goes through our host (events from a closed root retarget to it). */
  containsEvent(event: Event): boolean;
  destroy(): void;
}

/**
 * The one element we add to a page, and only when the first card is about to open (it is
 * built and placed, hidden, while the hover delay runs). Its
 * closed shadow root keeps page CSS and scripts away from the card, and its
 * own <style> keeps our CSS away from the page.
 */
export function createCardHost(document: Document): CardHost {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let container: HTMLElement | undefined;

  function prepare(): ShadowRoot {
    if (host && shadow) return shadow;
    const created = createHostElement(document);
    host = created.host;
    // Inline !important beats any page stylesheet, even `* { all: unset !important }`.
    host.setAttribute(
      'style',
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;',
    );
    shadow = created.shadow;
    const style = document.createElement('style');
    style.textContent = CARD_STYLES;
    container = document.createElement('div');
    shadow.append(style, container);
    return shadow;
  }

  function ensure(): ShadowRoot {
    const root = prepare();
    if (host && !host.isConnected) document.documentElement.append(host);
    return root;
  }

  return {
    ensure,
    show(content) {
      ensure();
      container?.replaceChildren(content);
    },
    isOwnNode(node) {
      return Boolean(host && (node === host || host.contains(node)));
    },
    containsEvent(event) {
      return Boolean(host && event.composedPath().includes(host));
    },
    destroy() {
      host?.remove();
      host = undefined;
      shadow = undefined;
      container = undefined;
    },
  };
}

/**
 * The host element with its closed shadow root. A page may define a custom element under our tag
 * whose constructor takes the shadow root first (or that disables shadow roots): then attachShadow
 * throws and no card could ever open. An element created in an inert document (no custom element
 * registry) is never upgraded there and accepts our root; when it joins the page, the page's
 * constructor may run and fail, but the closed root stays ours.
 */
function createHostElement(document: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(CARD_HOST_TAG);
  try {
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  } catch {
    const inert = document.implementation.createHTMLDocument('').createElement(CARD_HOST_TAG);
    return { host: inert, shadow: inert.attachShadow({ mode: 'closed' }) };
  }
}
