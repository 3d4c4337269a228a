/** Tag names (upper case, as Element.tagName gives them for HTML) whose text is never annotated. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'svg',
  'math',
]);

/**
 * Hidden content, editable content, and the roots of rich-text editors that manage their own
 * DOM (ProseMirror, CodeMirror, Monaco… mark them role=textbox).
 */
const SKIPPED_BY_ATTRIBUTE =
  '[hidden],[aria-hidden="true"],[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/** The tag of the element that hosts our card; never annotate our own UI. */
export const CARD_HOST_TAG = 'context-cards-host';
const CARD_HOST_TAG_UPPER = CARD_HOST_TAG.toUpperCase();

/**
 * Whether an element and everything inside it must be left alone: code, form
 * fields, editors, hidden content and our own UI. `tagName`: the element's, when the caller
 * has read it already (each read is a call into the browser).
 */
export function shouldSkipElement(element: Element, tagName = element.tagName): boolean {
  if (SKIPPED_TAGS.has(tagName)) return true;
  // Upper case in HTML documents, as written in XML ones.
  if (tagName === CARD_HOST_TAG_UPPER || tagName === CARD_HOST_TAG) return true;
  // Many elements carry no attribute at all; the rest take one selector match, not four
  // attribute reads (each a call into the browser, and a string for every value found).
  return element.hasAttributes() && element.matches(SKIPPED_BY_ATTRIBUTE);
}

/** Whether a node sits inside something we never annotate; re-scans start mid-tree, so they check the ancestors. */
export function isInsideSkippedElement(node: Node): boolean {
  for (
    let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    element;
    element = element.parentElement
  ) {
    if (shouldSkipElement(element)) return true;
  }
  return false;
}
