/**
 * Local names of elements whose text is never annotated. Local names, not tag names: tagName is
 * upper case in HTML documents but as written in XHTML ones ("script"), localName is the same in both.
 */
const SKIPPED_TAGS = new Set([
  // Never shown: the title is the tab's label, not text on the page.
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
]);

/**
 * Hidden content, editable content, and the roots of rich-text editors that manage their own
 * DOM (ProseMirror, CodeMirror, Monaco… mark them role=textbox).
 */
const SKIPPED_BY_ATTRIBUTE =
  '[hidden],[aria-hidden="true"],[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/** The attributes SKIPPED_BY_ATTRIBUTE reads: a change of any other cannot show or hide content to us. */
export const SKIP_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable', 'role'];

/**
 * SKIPPED_BY_ATTRIBUTE decided from values rather than from the live element (null: absent), for
 * an element as it was before a change; the selector can only see it as it is now.
 */
export function isSkippedByAttributes(readAttribute: (name: string) => string | null): boolean {
  if (readAttribute('hidden') !== null || readAttribute('aria-hidden') === 'true') return true;
  const editable = readAttribute('contenteditable');
  return (editable !== null && editable !== 'false') || readAttribute('role') === 'textbox';
}

/** The tag of the element that hosts our card; never annotate our own UI. */
export const CARD_HOST_TAG = 'context-cards-host';

/**
 * The same rule as shouldSkipElement, as one selector for `closest()` and `querySelectorAll()`:
 * an element matches it when it is one shouldSkipElement skips.
 */
export const SKIPPED_SELECTOR = `${[...SKIPPED_TAGS, CARD_HOST_TAG].join(',')},${SKIPPED_BY_ATTRIBUTE}`;

/**
 * Whether an element and everything inside it must be left alone: code, form
 * fields, editors, hidden content and our own UI. `localName`: the element's, when the caller
 * has read it already (each read is a call into the browser).
 */
export function shouldSkipElement(element: Element, localName = element.localName): boolean {
  if (isSkippedByTag(localName)) return true;
  // Many elements carry no attribute at all; the rest take one selector match, not four
  // attribute reads (each a call into the browser, and a string for every value found).
  return element.hasAttributes() && element.matches(SKIPPED_BY_ATTRIBUTE);
}

/** Whether an element is left alone for what it is, whatever its attributes say. */
export function isSkippedByTag(localName: string): boolean {
  return SKIPPED_TAGS.has(localName) || localName === CARD_HOST_TAG;
}

/**
 * Whether a node sits inside something we never annotate; re-scans start mid-tree, so they check
 * the ancestors. A shadow tree's ancestors go on from its host: a component inside hidden content
 * is never walked, and a change inside it must not mark it either.
 */
export function isInsideSkippedElement(node: Node): boolean {
  for (
    let element: Element | null =
      node.nodeType === Node.ELEMENT_NODE ? (node as Element) : findComposedParent(node);
    element;
    element = findComposedParent(element)
  ) {
    if (shouldSkipElement(element)) return true;
  }
  return false;
}

/** The parent element, or the host for a shadow root and for a node at the top of a shadow tree. */
function findComposedParent(node: Node): Element | null {
  const parent = isShadowRoot(node) ? node : node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === Node.ELEMENT_NODE) return parent as Element;
  return isShadowRoot(parent) ? parent.host : null;
}

/** A document fragment with a host: other fragments (a template's content) have none. */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}
